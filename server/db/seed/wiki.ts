import { createHash } from 'node:crypto';
import type { SpaceCreateInput } from '@shared/wiki/schemas';
import type { CurrentUser } from '../../modules/auth/current-user';
import { wikiIndex } from '../../modules/wiki/page-index';
import { createSpace, setMember } from '../../modules/wiki/space.service';
import { createPage, updatePageMeta } from '../../modules/wiki/page.service';
import { addDays } from '@shared/leave/days';
import { todayInBerlin } from '../../modules/leave/holidays';
import type { PersonRow, UnitRow } from './build';
import { demoWikiPages, type SpaceKey } from './wiki-pages';

/**
 * The demo wiki, written through the wiki's own services (so pages, bodies, revisions, links and
 * the read model are exactly what the app writes). Idempotent: spaces are found by key, pages
 * have fixed ids derived from their key, content is only written to pages without any, and
 * review dates and restrictions only where none is set.
 *
 * Who sees what: everyone reads "Stadtverwaltung Stuttgart" (portal editors and `hr` edit); the
 * Haupt- und Personalamt's staff (`hr`, `editor`, `admin`) read and comment in their office
 * space, `hr` edits and its head administers, and only `hr` and the head read the confidential
 * staff plan; "Digitalisierung" needs approval, `mover` is its admin, `employee` edits there
 * (submits for review) and everyone else reads.
 */
const OFFICE = '10';

/** A fixed UUID (v4 layout) per demo page, so a second run finds the pages of the first. */
export function demoPageId(key: string): string {
  const hex = createHash('sha256').update(`demo-wiki:${key}`).digest('hex');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function insertDemoWiki(demo: {
  people: PersonRow[];
  units: UnitRow[];
}): Promise<void> {
  const byName = new Map(demo.people.map((p) => [p.username, p]));
  const office = demo.units.find((u) => u.number === OFFICE);
  const head = office?.leaderId
    ? demo.people.find((p) => p._id.equals(office.leaderId!))
    : undefined;
  const person = (name: string): PersonRow => {
    const p = name === 'office10' ? head : byName.get(name);
    if (!p) throw new Error(`demo wiki: no person ${name}`);
    return p;
  };
  const userOf = (name: string): CurrentUser => {
    const p = person(name);
    return {
      id: String(p._id),
      username: p.username,
      displayName: p.displayName,
      roles: p.roles,
      unitId: String(p.unitId),
      leads: demo.units.filter((u) => u.leaderId?.equals(p._id)).map((u) => String(u._id)),
      sessionId: 'demo-seed',
    };
  };
  const admin = userOf('admin');

  const specs: Record<
    SpaceKey,
    { creator: string; input: SpaceCreateInput; members: [string, 'admin' | 'editor'][] }
  > = {
    stadt: {
      creator: 'admin',
      input: {
        key: 'stadtverwaltung',
        name: 'Stadtverwaltung Stuttgart',
        description:
          'Wissen für alle Beschäftigten: Abläufe, Anleitungen und Regeln der Stadtverwaltung.',
        kind: 'org',
        defaultRole: 'reader',
      },
      // Portal editors, and the personnel office for its pages (working time, travel).
      members: demo.people
        .filter((p) => p.roles.includes('editor') || p.username === 'hr')
        .map((p) => [p.username, 'editor']),
    },
    hauptamt: {
      creator: 'admin',
      input: {
        key: 'haupt-und-personalamt',
        name: 'Haupt- und Personalamt',
        description: 'Abläufe und Ansprechpersonen des Haupt- und Personalamts (Amt 10).',
        kind: 'office',
        audience: {
          units: office ? [{ unitId: String(office._id), withSubunits: true }] : [],
          roles: [],
          locationIds: [],
        },
        defaultRole: 'commenter',
      },
      members: [
        ['office10', 'admin'],
        ['hr', 'editor'],
      ],
    },
    digital: {
      creator: 'mover',
      input: {
        key: 'digitalisierung',
        name: 'Digitalisierung',
        description:
          'Digital MoveS, E-Akte und digitale Werkzeuge. Änderungen gehen nach Freigabe online.',
        kind: 'topic',
        defaultRole: 'reader',
        approvalRequired: true,
      },
      members: [
        ['employee', 'editor'],
        ['nina.schuster', 'editor'],
      ],
    },
  };

  const spaceIds = {} as Record<SpaceKey, string>;
  for (const [key, spec] of Object.entries(specs) as [SpaceKey, (typeof specs)[SpaceKey]][]) {
    const existing = [...(await wikiIndex()).spaces.values()].find((s) => s.key === spec.input.key);
    const id = existing?.id ?? (await createSpace(userOf(spec.creator), spec.input)).id;
    spaceIds[key] = id;
    const members = new Set(existing?.members.map((m) => m.personId) ?? []);
    for (const [name, role] of spec.members) {
      const p = person(name);
      if (!members.has(String(p._id)))
        await setMember(admin, id, { personId: String(p._id), role });
    }
  }

  const ids = Object.fromEntries(demoWikiPages.map((pg) => [pg.key, demoPageId(pg.key)]));
  const today = todayInBerlin();
  // Parents first: the list is ordered so that every parent comes before its sub-pages.
  for (const pg of demoWikiPages) {
    const owner = userOf(pg.owner);
    const id = ids[pg.key] as string;
    // Content goes in with the create (its `created` revision); an existing page keeps its own.
    await createPage(
      owner,
      {
        id,
        spaceId: spaceIds[pg.space],
        parentId: pg.parent ? (ids[pg.parent] as string) : null,
        title: pg.title,
        isTemplate: pg.isTemplate ?? false,
      },
      { content: pg.content(ids) },
    );
    const row = (await wikiIndex()).pages.get(id);
    if (!row) continue;
    const reviewBy = pg.reviewInDays === undefined ? undefined : addDays(today, pg.reviewInDays);
    const restriction = pg.restrictedTo
      ? { personIds: pg.restrictedTo.map((n) => String(person(n)._id)), unitIds: [] }
      : undefined;
    if ((reviewBy && !row.reviewBy) || (restriction && !row.restriction)) {
      await updatePageMeta(owner, id, {
        rev: row.rev,
        ...(reviewBy && !row.reviewBy ? { reviewBy } : {}),
        ...(restriction && !row.restriction ? { restriction } : {}),
      });
    }
  }
}

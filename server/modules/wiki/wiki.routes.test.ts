import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import type {
  PageDTO,
  PageRefDTO,
  SpaceDTO,
  SpaceMemberDTO,
  SpaceTreeDTO,
  StalePageDTO,
} from '@shared/wiki/types';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { setPageLinks } from './page-index';

useTestDatabase();

type Who = 'admin' | 'owner' | 'editor' | 'commenter' | 'reader' | 'listed' | 'outsider';
let app: Express;
const ids = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;
let space: SpaceDTO;

const send = (who: Who, method: 'post' | 'patch' | 'put', path: string, body: object = {}) =>
  s[who].agent[method](path).set('X-CSRF-Token', s[who].csrf).send(body);
const get = (who: Who, path: string) => s[who].agent.get(path);
const W = '/api/wiki';
const newPage = async (who: Who, title: string, extra: object = {}) =>
  (
    await send(who, 'post', `${W}/pages`, {
      id: randomUUID(),
      spaceId: space.id,
      title,
      ...extra,
    }).expect(201)
  ).body.data as PageDTO;
const tree = async (who: Who) =>
  (await get(who, `${W}/spaces/${space.id}/tree`).expect(200)).body.data as SpaceTreeDTO;

beforeAll(async () => {
  app = makeTestApp();
  const home = await makePerson({ username: 'wk-owner', roles: ['employee', 'editor'] });
  const unitId = home.unitId;
  const people: Record<Who, { id: string }> = {
    owner: home,
    admin: await makePerson({ username: 'wk-admin', roles: ['employee', 'admin'] }),
    editor: await makePerson({ username: 'wk-editor', unitId }),
    commenter: await makePerson({ username: 'wk-commenter', unitId }),
    reader: await makePerson({ username: 'wk-reader', unitId }),
    listed: await makePerson({ username: 'wk-listed', unitId }),
    outsider: await makePerson({ username: 'wk-outsider' }),
  };
  for (const [who, p] of Object.entries(people) as [Who, { id: string }][]) {
    ids[who] = p.id;
    s[who] = await session(app, `wk-${who}`);
  }
  space = (
    await send('owner', 'post', `${W}/spaces`, {
      key: 'personal',
      name: 'Personalamt',
      kind: 'office',
      audience: { units: [{ unitId, withSubunits: true }], roles: [], locationIds: [] },
    }).expect(201)
  ).body.data as SpaceDTO;
  await send('owner', 'put', `${W}/spaces/${space.id}/members`, {
    personId: ids.editor,
    role: 'editor',
  }).expect(200);
  await send('owner', 'put', `${W}/spaces/${space.id}/members`, {
    personId: ids.commenter,
    role: 'commenter',
  }).expect(200);
});

describe('wiki spaces', () => {
  it('401 without a session on every S1 route', async () => {
    const anon = request(app);
    const p = randomUUID();
    for (const path of [
      '/spaces',
      `/spaces/${space.id}`,
      `/spaces/${space.id}/members`,
      `/spaces/${space.id}/tree`,
      `/spaces/${space.id}/archive`,
      `/spaces/${space.id}/stale`,
      `/spaces/${space.id}/templates`,
      `/pages/${p}`,
      `/pages/${p}/backlinks`,
    ]) {
      await anon.get(`${W}${path}`).expect(401);
    }
    const guest = await session(app);
    for (const [m, path] of [
      ['post', '/spaces'],
      ['patch', `/spaces/${space.id}`],
      ['put', `/spaces/${space.id}/members`],
      ['post', '/pages'],
      ['patch', `/pages/${p}`],
      ['post', `/pages/${p}/move`],
      ['post', `/pages/${p}/copy`],
      ['post', `/pages/${p}/archive`],
      ['post', `/pages/${p}/restore`],
    ] as const) {
      await guest.agent[m](`${W}${path}`).set('X-CSRF-Token', guest.csrf).send({}).expect(401);
    }
  });

  it('creates spaces only for admin/editor/mover; keys are unique; the creator is admin', async () => {
    await send('reader', 'post', `${W}/spaces`, { key: 'x-1', name: 'X', kind: 'topic' }).expect(
      403,
    );
    const dup = await send('owner', 'post', `${W}/spaces`, {
      key: 'personal',
      name: 'Again',
      kind: 'topic',
    }).expect(409);
    expect(dup.body.error.code).toBe('space_key_taken');
    // Mass assignment: fields outside the schema are refused.
    await send('owner', 'post', `${W}/spaces`, {
      key: 'room-x',
      name: 'X',
      kind: 'topic',
      roomId: 'a'.repeat(24),
    }).expect(400);
    await send('owner', 'post', `${W}/spaces`, { key: 'r', name: 'X', kind: 'room' }).expect(400);
    expect(space.myRole).toBe('admin');
    expect(space.abilities.manage).toBe(true);
  });

  it('lists and shows spaces by role; outsiders get 404; bracket operators are 400', async () => {
    const roleOf = async (who: Who) =>
      ((await get(who, `${W}/spaces/${space.id}`).expect(200)).body.data as SpaceDTO).myRole;
    expect(await roleOf('reader')).toBe('reader');
    expect(await roleOf('commenter')).toBe('commenter');
    expect(await roleOf('editor')).toBe('editor');
    expect(await roleOf('admin')).toBe('admin');
    await get('outsider', `${W}/spaces/${space.id}`).expect(404);
    const listed = (await get('outsider', `${W}/spaces`).expect(200)).body.data as SpaceDTO[];
    expect(listed.map((x) => x.id)).not.toContain(space.id);
    const mine = (await get('reader', `${W}/spaces?q=personal`).expect(200)).body
      .data as SpaceDTO[];
    expect(mine.map((x) => x.id)).toContain(space.id);
    await get('reader', `${W}/spaces?q[$ne]=x`).expect(400);
    await get('reader', `${W}/spaces/${space.id}/tree?x=1`).expect(400);
    await get('reader', `${W}/spaces/not-an-id`).expect(400);
  });

  it('settings: space admins only, rev-guarded', async () => {
    await send('editor', 'patch', `${W}/spaces/${space.id}`, { rev: space.rev, name: 'N' }).expect(
      403,
    );
    await send('outsider', 'patch', `${W}/spaces/${space.id}`, {
      rev: space.rev,
      name: 'N',
    }).expect(404);
    const cur = (await get('owner', `${W}/spaces/${space.id}`).expect(200)).body.data as SpaceDTO;
    const next = (
      await send('owner', 'patch', `${W}/spaces/${space.id}`, {
        rev: cur.rev,
        description: 'Wissen des Personalamts',
      }).expect(200)
    ).body.data as SpaceDTO;
    expect(next.description).toBe('Wissen des Personalamts');
    const stale = await send('owner', 'patch', `${W}/spaces/${space.id}`, {
      rev: cur.rev,
      name: 'Alt',
    }).expect(409);
    expect(stale.body.error.code).toBe('stale_copy');
    await send('owner', 'patch', `${W}/spaces/${space.id}`, { rev: next.rev, kind: 'org' }).expect(
      400,
    );
  });

  it('members: admins set roles; the last space admin stays', async () => {
    await send('editor', 'put', `${W}/spaces/${space.id}/members`, {
      personId: ids.reader,
      role: 'editor',
    }).expect(403);
    const last = await send('owner', 'put', `${W}/spaces/${space.id}/members`, {
      personId: ids.owner,
      role: 'editor',
    }).expect(409);
    expect(last.body.error.code).toBe('conflict');
    const members = (await get('reader', `${W}/spaces/${space.id}/members`).expect(200)).body
      .data as SpaceMemberDTO[];
    expect(members.map((m) => [m.person.id, m.role])).toEqual([
      [ids.owner, 'admin'],
      [ids.editor, 'editor'],
      [ids.commenter, 'commenter'],
    ]);
    await get('outsider', `${W}/spaces/${space.id}/members`).expect(404);
    await send('owner', 'put', `${W}/spaces/${space.id}/members`, {
      personId: 'b'.repeat(24),
      role: 'reader',
    }).expect(400);
  });
});

describe('wiki pages', () => {
  it('create: editors only, idempotent by client id, reused id by another person is 409', async () => {
    const id = randomUUID();
    const body = { id, spaceId: space.id, title: 'Urlaub' };
    await send('commenter', 'post', `${W}/pages`, body).expect(403);
    await send('outsider', 'post', `${W}/pages`, body).expect(404);
    const first = (await send('editor', 'post', `${W}/pages`, body).expect(201)).body
      .data as PageDTO;
    const again = (await send('editor', 'post', `${W}/pages`, body).expect(200)).body
      .data as PageDTO;
    expect(again.id).toBe(first.id);
    const reused = await send('owner', 'post', `${W}/pages`, body).expect(409);
    expect(reused.body.error.code).toBe('client_id_reused');
    await send('editor', 'post', `${W}/pages`, {
      ...body,
      id: randomUUID(),
      archived: true,
    }).expect(400);
    expect(first.owner?.id).toBe(ids.editor);
    expect(first.abilities.edit).toBe(true);
  });

  it('read view by role; outsiders and unknown ids get 404', async () => {
    const page = await newPage('editor', 'Dienstreise');
    const asReader = (await get('reader', `${W}/pages/${page.id}`).expect(200)).body
      .data as PageDTO;
    expect(asReader.abilities).toMatchObject({ read: true, comment: false, edit: false });
    expect(asReader.draftHtml).toBeNull();
    const asCommenter = (await get('commenter', `${W}/pages/${page.id}`).expect(200)).body
      .data as PageDTO;
    expect(asCommenter.abilities).toMatchObject({ comment: true, edit: false });
    await get('outsider', `${W}/pages/${page.id}`).expect(404);
    await get('reader', `${W}/pages/${randomUUID()}`).expect(404);
    await get('reader', `${W}/pages/nope`).expect(400);
  });

  it('PATCH meta: rev-guarded, per-field rights, mass-assignment refused', async () => {
    const page = await newPage('editor', 'Reisekosten');
    await send('reader', 'patch', `${W}/pages/${page.id}`, { rev: page.rev, title: 'x' }).expect(
      403,
    );
    await send('outsider', 'patch', `${W}/pages/${page.id}`, { rev: page.rev, title: 'x' }).expect(
      404,
    );
    const next = (
      await send('editor', 'patch', `${W}/pages/${page.id}`, {
        rev: page.rev,
        title: 'Reisekosten 2026',
        reviewBy: '2027-01-31',
      }).expect(200)
    ).body.data as PageDTO;
    expect(next).toMatchObject({ title: 'Reisekosten 2026', reviewBy: '2027-01-31' });
    expect(next.rev).toBe(page.rev + 1);
    const stale = await send('editor', 'patch', `${W}/pages/${page.id}`, {
      rev: page.rev,
      title: 'y',
    }).expect(409);
    expect(stale.body.error.code).toBe('stale_copy');
    for (const extra of [{ spaceId: 'a'.repeat(24) }, { archived: true }, { parentId: null }]) {
      await send('editor', 'patch', `${W}/pages/${page.id}`, { rev: next.rev, ...extra }).expect(
        400,
      );
    }
  });

  it('move: reorder among siblings, never into its own subtree, rev-guarded', async () => {
    const a = await newPage('editor', 'A');
    const b = await newPage('editor', 'B', { parentId: a.id });
    const c = await newPage('editor', 'C', { parentId: a.id });
    const into = await send('editor', 'post', `${W}/pages/${a.id}/move`, {
      rev: a.rev,
      parentId: b.id,
      index: 0,
    }).expect(409);
    expect(into.body.error.code).toBe('move_into_own_subtree');
    await send('reader', 'post', `${W}/pages/${c.id}/move`, {
      rev: c.rev,
      parentId: a.id,
      index: 0,
    }).expect(403);
    await send('editor', 'post', `${W}/pages/${c.id}/move`, {
      rev: c.rev,
      parentId: a.id,
      index: 0,
    }).expect(200);
    const kids = (await tree('reader')).nodes.filter((n) => n.parentId === a.id);
    expect(kids.map((n) => [n.title, n.index])).toEqual([
      ['C', 0],
      ['B', 1],
    ]);
    const stale = await send('editor', 'post', `${W}/pages/${c.id}/move`, {
      rev: c.rev,
      parentId: null,
      index: 0,
    }).expect(409);
    expect(stale.body.error.code).toBe('stale_copy');
  });

  it('copy with children, archive and restore a subtree', async () => {
    const root = await newPage('editor', 'Handbuch');
    const child = await newPage('editor', 'Kapitel 1', { parentId: root.id });
    const copyId = randomUUID();
    await send('reader', 'post', `${W}/pages/${root.id}/copy`, { id: copyId }).expect(403);
    const copy = (
      await send('editor', 'post', `${W}/pages/${root.id}/copy`, {
        id: copyId,
        title: 'Handbuch (Kopie)',
        withChildren: true,
      }).expect(201)
    ).body.data as PageDTO;
    expect(copy.title).toBe('Handbuch (Kopie)');
    const nodes = (await tree('editor')).nodes;
    expect(nodes.some((n) => n.parentId === copyId && n.title === 'Kapitel 1')).toBe(true);

    await send('reader', 'post', `${W}/pages/${root.id}/archive`).expect(403);
    const archived = (await send('editor', 'post', `${W}/pages/${root.id}/archive`).expect(200))
      .body.data as PageDTO;
    expect(archived.archived).toBe(true);
    const after = (await tree('editor')).nodes.map((n) => n.id);
    expect(after).not.toContain(root.id);
    expect(after).not.toContain(child.id);
    const edit = await send('editor', 'patch', `${W}/pages/${child.id}`, { rev: 0, title: 'x' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('page_archived');
    const archive = (await get('reader', `${W}/spaces/${space.id}/archive`).expect(200)).body
      .data as PageRefDTO[];
    expect(archive.map((p) => p.id)).toEqual([root.id]);
    await send('commenter', 'post', `${W}/pages/${root.id}/restore`).expect(403);
    await send('editor', 'post', `${W}/pages/${root.id}/restore`).expect(200);
    const back = (await tree('reader')).nodes.map((n) => n.id);
    expect(back).toEqual(expect.arrayContaining([root.id, child.id]));
    const again = await send('editor', 'post', `${W}/pages/${root.id}/restore`).expect(409);
    expect(again.body.error.code).toBe('invalid_transition');
  });

  it('stale list, templates, backlinks', async () => {
    const due = await newPage('editor', 'Alte Regel');
    await send('editor', 'patch', `${W}/pages/${due.id}`, {
      rev: due.rev,
      reviewBy: '2020-01-01',
    }).expect(200);
    const stale = (await get('reader', `${W}/spaces/${space.id}/stale`).expect(200)).body
      .data as StalePageDTO[];
    expect(stale.find((p) => p.id === due.id)?.reason).toBe('review_due');

    const tpl = await newPage('editor', 'Vorlage Protokoll', { isTemplate: true });
    const templates = (await get('reader', `${W}/spaces/${space.id}/templates`).expect(200)).body
      .data as PageRefDTO[];
    expect(templates.map((t) => t.id)).toContain(tpl.id);
    await newPage('editor', 'Protokoll 1', { templateId: tpl.id });
    const bad = await send('editor', 'post', `${W}/pages`, {
      id: randomUUID(),
      spaceId: space.id,
      title: 'x',
      templateId: due.id,
    }).expect(400);
    expect(bad.body.error.code).toBe('validation_failed');

    const linking = await newPage('editor', 'Verweis');
    await setPageLinks(linking.id, [due.id]);
    const links = (await get('reader', `${W}/pages/${due.id}/backlinks`).expect(200)).body
      .data as PageRefDTO[];
    expect(links.map((l) => l.id)).toEqual([linking.id]);
  });
});

describe('non-members and restrictions', () => {
  it('a non-member sees nothing through tree, page, backlinks, archive, stale, templates', async () => {
    const page = await newPage('editor', 'Intern');
    for (const path of [
      `/spaces/${space.id}/tree`,
      `/spaces/${space.id}/archive`,
      `/spaces/${space.id}/stale`,
      `/spaces/${space.id}/templates`,
      `/pages/${page.id}`,
      `/pages/${page.id}/backlinks`,
    ]) {
      const res = await get('outsider', `${W}${path}`).expect(404);
      expect(JSON.stringify(res.body)).not.toContain('Intern');
    }
  });

  it("a restricted page's title never reaches people who are not listed", async () => {
    const secret = await newPage('editor', 'Geheimakte');
    const sub = await newPage('editor', 'Unterseite', { parentId: secret.id });
    await send('commenter', 'patch', `${W}/pages/${secret.id}`, {
      rev: secret.rev,
      restriction: { personIds: [ids.listed], unitIds: [] },
    }).expect(403);
    // The page's owner (an editor) may restrict it.
    await send('editor', 'patch', `${W}/pages/${secret.id}`, {
      rev: secret.rev,
      restriction: { personIds: [ids.listed, ids.editor], unitIds: [] },
    }).expect(200);
    const pointer = await newPage('editor', 'Zeigt auf Geheim');
    await setPageLinks(pointer.id, [secret.id]);
    await setPageLinks(sub.id, [pointer.id]);

    const readerTree = JSON.stringify(await tree('reader'));
    expect(readerTree).not.toContain('Geheimakte');
    expect(readerTree).not.toContain(sub.id);
    await get('reader', `${W}/pages/${secret.id}`).expect(404);
    await get('reader', `${W}/pages/${sub.id}`).expect(404);
    const back = await get('reader', `${W}/pages/${pointer.id}/backlinks`).expect(200);
    expect(JSON.stringify(back.body)).not.toContain('Geheimakte');
    expect(JSON.stringify(back.body)).not.toContain('Unterseite');

    const listedView = (await get('listed', `${W}/pages/${sub.id}`).expect(200)).body
      .data as PageDTO;
    expect(listedView.breadcrumbs.map((b) => b.title)).toEqual(['Geheimakte']);
    expect(listedView.restrictedBy).toEqual({ id: secret.id, title: 'Geheimakte' });
    expect(JSON.stringify(await tree('listed'))).toContain('Geheimakte');
    // Space admins pass restrictions.
    await get('owner', `${W}/pages/${sub.id}`).expect(200);
  });

  it('an editor cannot take a page over to lift its restriction (owner changes need restrict)', async () => {
    const page = await newPage('owner', 'Vertraulich');
    const restricted = (
      await send('owner', 'patch', `${W}/pages/${page.id}`, {
        rev: page.rev,
        restriction: { personIds: [ids.editor], unitIds: [] },
      }).expect(200)
    ).body.data as PageDTO;
    const path = `${W}/pages/${page.id}`;
    await send('editor', 'patch', path, { rev: restricted.rev, ownerId: ids.editor }).expect(403);
    await send('editor', 'patch', path, { rev: restricted.rev, restriction: null }).expect(403);
    await send('editor', 'patch', path, { rev: restricted.rev, reviewBy: '2030-01-01' }).expect(
      200,
    );
    // The space admin (and the owner) may hand the page over.
    const mine = (await get('owner', path).expect(200)).body.data as PageDTO;
    await send('owner', 'patch', path, { rev: mine.rev, ownerId: ids.editor }).expect(200);
  });

  it('whoever restricts a page keeps access to it', async () => {
    const page = await newPage('editor', 'Nur für wenige');
    const next = (
      await send('editor', 'patch', `${W}/pages/${page.id}`, {
        rev: page.rev,
        restriction: { personIds: [ids.listed], unitIds: [] },
      }).expect(200)
    ).body.data as PageDTO;
    expect(next.restriction?.personIds).toEqual([ids.listed, ids.editor]);
    await get('reader', `${W}/pages/${page.id}`).expect(404);
    const lifted = (
      await send('editor', 'patch', `${W}/pages/${page.id}`, {
        rev: next.rev,
        restriction: null,
      }).expect(200)
    ).body.data as PageDTO;
    expect(lifted.restriction).toBeNull();
    await get('reader', `${W}/pages/${page.id}`).expect(200);
  });
});

import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import type { Express } from 'express';
import type { SpaceRole } from '@shared/wiki/schemas';
import { makePerson, session, type Session } from '../../../test/app';
import { PageModel, type Page } from '../page.model';
import { SpaceModel } from '../space.model';
import { rememberPage, resetWikiIndex } from '../page-index';

export const uuid = () => randomUUID();

/** Everyone a social test needs: one per space role, an outsider, and a portal admin. */
export const cast = ['admin', 'editor', 'commenter', 'reader', 'outsider', 'listed'] as const;
export type Who = (typeof cast)[number];

/**
 * A space whose audience nobody is in (so only explicit members read it), with one member per
 * role; `listed` is a reader named in page restrictions. Written directly (not through the
 * space/page services) so these tests depend on the access rules only.
 */
export async function makeSocialWorld(app: Express, prefix: string) {
  const ids = {} as Record<Who, string>;
  const s = {} as Record<Who, Session>;
  for (const who of cast) {
    const p = await makePerson({ username: `${prefix}-${who}` });
    ids[who] = p.id;
  }
  const roles: [Who, SpaceRole][] = [
    ['admin', 'admin'],
    ['editor', 'editor'],
    ['commenter', 'commenter'],
    ['reader', 'reader'],
    ['listed', 'reader'],
  ];
  const space = await SpaceModel.create({
    key: `${prefix}-space`,
    name: `Bereich ${prefix}`,
    kind: 'topic',
    audience: { units: [{ unitId: new Types.ObjectId(), withSubunits: true }] },
    defaultRole: 'reader',
    members: roles.map(([who, role]) => ({ personId: new Types.ObjectId(ids[who]), role })),
  });
  resetWikiIndex();
  for (const who of cast) s[who] = await session(app, `${prefix}-${who}`);
  return { ids, s, spaceId: String(space._id) };
}

export async function makeWikiPage(opts: {
  spaceId: string;
  createdBy: string;
  title?: string;
  parentId?: string | null;
  ownerId?: string | null;
  reviewBy?: string | null;
  restriction?: { personIds: string[]; unitIds: string[] } | null;
  archived?: boolean;
}): Promise<string> {
  const id = uuid();
  await PageModel.create({
    _id: id,
    spaceId: opts.spaceId,
    parentId: opts.parentId ?? null,
    title: opts.title ?? 'Seite',
    ownerId: opts.ownerId ?? opts.createdBy,
    reviewBy: opts.reviewBy ?? null,
    restriction: opts.restriction ?? null,
    archived: opts.archived ?? false,
    createdBy: opts.createdBy,
  });
  await reloadPage(id);
  return id;
}

/** Writes fields of a page directly and updates the in-memory index. */
export async function setPageFields(id: string, set: Record<string, unknown>): Promise<void> {
  await PageModel.updateOne({ _id: id }, { $set: set, $inc: { rev: 1 } });
  await reloadPage(id);
}

async function reloadPage(id: string): Promise<void> {
  const doc = await PageModel.findById(id).lean<Page>();
  if (doc) rememberPage(doc);
}

import { Types } from 'mongoose';
import type { z } from 'zod';
import {
  spaceCreateSchema,
  type SpaceCreateInput,
  type spaceMemberSchema,
  type spaceUpdateSchema,
} from '@shared/wiki/schemas';
import type { SpaceDTO, SpaceMemberDTO } from '@shared/wiki/types';
import type { Request } from 'express';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, badRequest, conflict, forbidden } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { audit } from '../audit/audit.service';
import { peopleFromDirectory } from '../people/directory-index';
import { requireSpace, spaceAccessIn, viewerOf } from './access';
import { toSpaceMeta, wikiIndex, type SpaceMeta } from './page-index';
import { SpaceModel, type Space } from './space.model';
import { presentMembers, presentSpace } from './space.presenter';
import { canCreateSpace } from './wiki.policy';

type SpaceUpdate = z.infer<typeof spaceUpdateSchema>;
type MemberInput = z.infer<typeof spaceMemberSchema>;
const stale = () => new HttpError(409, 'stale_copy', 'The space was changed meanwhile.');

/** The spaces the viewer may read, by name (optionally filtered by name or key). */
export async function listSpaces(user: CurrentUser, q?: string): Promise<SpaceDTO[]> {
  const [index, viewer] = await Promise.all([wikiIndex(), viewerOf(user)]);
  const needle = q?.toLocaleLowerCase('de');
  const out: SpaceDTO[] = [];
  for (const id of index.spaces.keys()) {
    const access = spaceAccessIn(index, viewer, id);
    if (!access) continue;
    const s = access.space;
    if (needle && !`${s.name} ${s.key}`.toLocaleLowerCase('de').includes(needle)) continue;
    out.push(presentSpace(access, index));
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

export async function getSpace(user: CurrentUser, spaceId: string): Promise<SpaceDTO> {
  const access = await requireSpace(user, spaceId, 'read');
  return presentSpace(access, await wikiIndex());
}

async function present(user: CurrentUser, spaceId: string): Promise<SpaceDTO> {
  return getSpace(user, spaceId);
}

/** Creates a space; the creator becomes its admin. Also used by the demo seed. */
export async function createSpace(
  actor: CurrentUser,
  input: SpaceCreateInput,
  req?: Request,
): Promise<SpaceDTO> {
  if (!canCreateSpace(actor.roles)) throw forbidden();
  const data = spaceCreateSchema.parse(input);
  const id = await withKeyLock('wiki-space-key', async () => {
    const index = await wikiIndex();
    if ([...index.spaces.values()].some((s) => s.key === data.key)) {
      throw new HttpError(409, 'space_key_taken', 'This key is taken.');
    }
    try {
      const doc = await SpaceModel.create({
        ...data,
        members: [{ personId: new Types.ObjectId(actor.id), role: 'admin' }],
        createdBy: actor.id,
      });
      return String(doc._id);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        throw new HttpError(409, 'space_key_taken', 'This key is taken.');
      }
      throw err;
    }
  });
  await audit({
    action: 'wiki.space_created',
    actorId: actor.id,
    subjectType: 'wiki_space',
    subjectId: id,
    detail: { key: data.key },
    req,
  });
  events.publish('wiki.space_changed', { spaceId: id, actorId: actor.id, accessChanged: true });
  return present(actor, id);
}

export async function updateSpace(
  user: CurrentUser,
  spaceId: string,
  input: SpaceUpdate,
  req?: Request,
): Promise<SpaceDTO> {
  const { space } = await requireSpace(user, spaceId, 'manage');
  const { rev, ...changes } = input;
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const doc = await withKeyLock(`wiki-space:${spaceId}`, () =>
    SpaceModel.findOneAndUpdate(
      { _id: spaceId, rev },
      { $set: set, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean<Space>(),
  );
  if (!doc) throw stale();
  const accessChanged =
    'audience' in set || ('defaultRole' in set && set.defaultRole !== space.defaultRole);
  await audit({
    action: 'wiki.space_updated',
    actorId: user.id,
    subjectType: 'wiki_space',
    subjectId: spaceId,
    detail: { changed: Object.keys(set) },
    req,
  });
  events.publish('wiki.space_changed', { spaceId, actorId: user.id, accessChanged });
  return present(user, spaceId);
}

export async function listMembers(user: CurrentUser, spaceId: string): Promise<SpaceMemberDTO[]> {
  const { space } = await requireSpace(user, spaceId, 'read');
  return presentMembers(space);
}

/** Sets (role) or removes (null) an explicit role. The last explicit space admin stays. */
export async function setMember(
  user: CurrentUser,
  spaceId: string,
  input: MemberInput,
  req?: Request,
): Promise<SpaceMemberDTO[]> {
  const { space } = await requireSpace(user, spaceId, 'manage');
  if (space.roomId) throw badRequest('Members of a room space are managed in the room.');
  const [person] = await peopleFromDirectory([input.personId]);
  if (!person || person.active === false) {
    throw badRequest('Unknown person.', [
      { path: 'personId', code: 'not_found', message: 'Unknown person.' },
    ]);
  }
  const next = await withKeyLock(`wiki-space:${spaceId}`, async () => {
    const current = await SpaceModel.findById(spaceId).lean<Space>();
    if (!current) throw stale();
    const meta: SpaceMeta = toSpaceMeta(current);
    const others = meta.members.filter((m) => m.personId !== input.personId);
    const wasAdmin = meta.members.some((m) => m.personId === input.personId && m.role === 'admin');
    if (wasAdmin && input.role !== 'admin' && !others.some((m) => m.role === 'admin')) {
      throw conflict('The last space admin cannot be removed.');
    }
    const members = input.role
      ? [...others, { personId: input.personId, role: input.role }]
      : others;
    const doc = await SpaceModel.findOneAndUpdate(
      { _id: spaceId, rev: meta.rev },
      {
        $set: {
          members: members.map((m) => ({ personId: new Types.ObjectId(m.personId), role: m.role })),
        },
        $inc: { rev: 1 },
      },
      { returnDocument: 'after' },
    ).lean<Space>();
    if (!doc) throw stale();
    return toSpaceMeta(doc);
  });
  await audit({
    action: 'wiki.space_member_set',
    actorId: user.id,
    subjectType: 'wiki_space',
    subjectId: spaceId,
    detail: { personId: input.personId, role: input.role },
    req,
  });
  events.publish('wiki.space_changed', {
    spaceId,
    actorId: user.id,
    accessChanged: true,
    member: { personId: input.personId, role: input.role },
  });
  return presentMembers(next);
}

/**
 * A team room's space (issue 6): kind `room`, key `room-<roomId>`; who may read and write comes
 * from the room through the resolver, never from the audience or members here. Idempotent on the
 * unique key: a repeat or a parallel call returns the same space.
 */
export async function createRoomSpace(input: {
  roomId: string;
  name: string;
  actorId: string;
}): Promise<{ spaceId: string; created: boolean }> {
  const key = `room-${input.roomId}`;
  const existing = async () => {
    const doc = await SpaceModel.findOne({ key }).lean<Space>();
    if (!doc) throw new HttpError(503, 'service_unavailable', 'Please try again.');
    return { spaceId: String(doc._id), created: false };
  };
  const known = [...(await wikiIndex()).spaces.values()].find((s) => s.key === key);
  if (known) return { spaceId: known.id, created: false };
  let spaceId: string;
  try {
    const doc = await SpaceModel.create({
      key,
      name: input.name,
      kind: 'room',
      roomId: input.roomId,
      members: [],
      createdBy: input.actorId,
    });
    spaceId = String(doc._id);
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return existing();
    throw err;
  }
  events.publish('wiki.space_changed', { spaceId, actorId: input.actorId, accessChanged: true });
  return { spaceId, created: true };
}

/** The room's name changed: its space's name follows. */
export async function renameRoomSpace(
  spaceId: string,
  name: string,
  actorId: string,
): Promise<void> {
  const res = await withKeyLock(`wiki-space:${spaceId}`, () =>
    SpaceModel.updateOne(
      { _id: spaceId, roomId: { $ne: null }, name: { $ne: name } },
      { $set: { name }, $inc: { rev: 1 } },
    ),
  );
  if (res.modifiedCount === 1) {
    events.publish('wiki.space_changed', { spaceId, actorId, accessChanged: false });
  }
}

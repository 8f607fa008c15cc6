import type { RoomRole } from '@shared/rooms/schemas';
import { Types } from 'mongoose';
import { HttpError, badRequest, conflict, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { RoomMembersModel, type RoomMemberEntry, type RoomMembers } from './member.model';
import { putRoomMembers, refreshRoom, roomIndex } from './room-index';
import { RoomModel } from './room.model';

/**
 * The ONLY writer of room memberships. Under a per-room lock: reads the stored members, runs the
 * caller's permission check on them, applies `$set`/`$unset` of `members.<personId>` on the one
 * document, keeps `memberCount` on the room, writes through to the index and publishes
 * `rooms.members_changed` with what actually changed. Repeating a change changes nothing.
 */
export interface MemberChange {
  add?: { personId: string; role: RoomRole }[];
  remove?: string[];
  roles?: { personId: string; role: RoomRole }[];
  /**
   * The permission again on the current members, under the lock (throw to refuse). Runs again
   * after a race lost to another instance, on the members read again.
   */
  check?: (
    members: ReadonlyMap<string, { role: RoomRole; joinedAt: Date }>,
  ) => void | Promise<void>;
}

export interface MemberChangeResult {
  added: string[];
  removed: string[];
  roles: { personId: string; role: RoomRole }[];
}

const personId = /^[0-9a-f]{24}$/;
export const roomMembersLockKey = (roomId: string) => `room-members:${roomId}`;

function assertIds(ids: string[]): void {
  // Ids become field names (`members.<id>`): anything but an ObjectId could address other paths.
  for (const id of ids) if (!personId.test(id)) throw badRequest('Invalid person id.');
}

const ATTEMPTS = 5;
type Current = Map<string, { role: RoomRole; joinedAt: Date }>;
interface Plan {
  out: MemberChangeResult;
  next: Current;
  /** null: nothing to change. */
  update: { $set?: Record<string, unknown>; $unset?: Record<string, ''> } | null;
}

/** The change applied to the stored members (after the caller's check): what to write. */
async function plan(doc: RoomMembers | null, change: MemberChange): Promise<Plan> {
  const current: Current = new Map();
  for (const [id, m] of Object.entries(doc?.members ?? {})) {
    if (m) current.set(id, { role: m.role, joinedAt: new Date(m.joinedAt) });
  }
  await change.check?.(current);

  const next = new Map(current);
  const out: MemberChangeResult = { added: [], removed: [], roles: [] };
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ''> = {};
  const now = new Date();
  for (const id of change.remove ?? []) {
    if (!next.has(id)) continue;
    next.delete(id);
    $unset[`members.${id}`] = '';
    out.removed.push(id);
  }
  for (const { personId: id, role } of change.add ?? []) {
    if (next.has(id) || out.added.includes(id)) continue;
    const entry: RoomMemberEntry = { role, joinedAt: now };
    next.set(id, entry);
    $set[`members.${id}`] = entry;
    out.added.push(id);
  }
  for (const { personId: id, role } of change.roles ?? []) {
    const m = next.get(id);
    if (!m || m.role === role) continue;
    next.set(id, { ...m, role });
    if (out.added.includes(id)) $set[`members.${id}`] = { role, joinedAt: m.joinedAt };
    else {
      $set[`members.${id}.role`] = role;
      out.roles.push({ personId: id, role });
    }
  }
  if (out.added.length + out.removed.length + out.roles.length === 0) {
    return { out, next, update: null };
  }
  if (![...next.values()].some((m) => m.role === 'owner')) {
    throw new HttpError(409, 'last_owner', 'The room needs at least one owner.');
  }
  const update: Plan['update'] = {};
  if (Object.keys($set).length) update.$set = $set;
  if (Object.keys($unset).length) update.$unset = $unset;
  return { out, next, update };
}

const isDuplicateKey = (err: unknown) => (err as { code?: unknown } | null)?.code === 11000;

/** Writes the plan only if the document is still the one read (its rev); null = lost the race. */
async function writeIfUnchanged(
  roomId: string,
  read: RoomMembers | null,
  planned: Plan,
): Promise<RoomMembers | null> {
  if (!read) {
    try {
      const members = Object.fromEntries(planned.next);
      await RoomMembersModel.collection.insertOne({
        _id: new Types.ObjectId(roomId),
        members,
        rev: 1,
      });
      return { _id: new Types.ObjectId(roomId), members, rev: 1 };
    } catch (err) {
      if (isDuplicateKey(err)) return null; // created elsewhere meanwhile
      throw err;
    }
  }
  // Documents written before revs existed have none: the first write gives them one.
  const rev = read.rev === undefined ? { $exists: false } : read.rev;
  return RoomMembersModel.findOneAndUpdate(
    { _id: roomId, rev },
    { ...planned.update, $inc: { rev: 1 } },
    { returnDocument: 'after' },
  ).lean<RoomMembers>();
}

export async function changeRoomMembers(
  roomId: string,
  actorId: string | null,
  change: MemberChange,
): Promise<MemberChangeResult> {
  assertIds([
    ...(change.add ?? []).map((a) => a.personId),
    ...(change.remove ?? []),
    ...(change.roles ?? []).map((r) => r.personId),
  ]);
  const result = await withKeyLock(roomMembersLockKey(roomId), async () => {
    // Known rooms from memory; an unknown id is read once (created on another instance just now).
    if (!(await roomIndex()).rooms.has(roomId) && !(await refreshRoom(roomId))) throw notFound();
    // The lock only holds on this instance: the write is conditional on the rev read, and a lost
    // race (another instance wrote meanwhile) reads again and runs the check again.
    for (let attempt = 1; ; attempt += 1) {
      const doc = await RoomMembersModel.findById(roomId).lean<RoomMembers>();
      const planned = await plan(doc, change);
      if (!planned.update) return planned.out;
      const stored = await writeIfUnchanged(roomId, doc, planned);
      if (stored) {
        const members = stored.members ?? {};
        putRoomMembers(roomId, members);
        await RoomModel.updateOne(
          { _id: roomId },
          { $set: { memberCount: Object.keys(members).length } },
          { timestamps: false },
        );
        return planned.out;
      }
      if (attempt >= ATTEMPTS) throw conflict('The members changed meanwhile; try again.');
    }
  });
  if (result.added.length + result.removed.length + result.roles.length > 0) {
    events.publish('rooms.members_changed', { roomId, actorId, ...result });
  }
  return result;
}

import type { RoomModule, RoomRole } from '@shared/rooms/schemas';
import type { RoomAbilities } from '@shared/rooms/types';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, forbidden, notFound } from '../../lib/errors';
import { roomIndex, type RoomIndex, type RoomMeta } from './room-index';
import { abilitiesIfArchived, roomAbilities } from './rooms.policy';

/**
 * The one entry to room permissions for every room module (routes, sockets, files, chat, wiki):
 * answers from the in-memory index. A room the viewer may not see is "not found" everywhere.
 */
export interface RoomAccess {
  room: RoomMeta;
  role: RoomRole | null;
  abilities: RoomAbilities;
}

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;

// Join requests live in S2's module (in memory there); it registers these at import time.
let pendingLookup: (roomId: string, personId: string) => boolean = () => false;
let pendingCount: (roomId: string) => number = () => 0;

/** Registers the (sync) lookup "has this person a pending join request for this room". */
export function setPendingRequestLookup(fn: (roomId: string, personId: string) => boolean): void {
  pendingLookup = fn;
}

/** Registers the (sync) count of pending join requests of a room (shown to moderators). */
export function setPendingRequestCount(fn: (roomId: string) => number): void {
  pendingCount = fn;
}

export const hasPendingRequest = (roomId: string, personId: string): boolean =>
  pendingLookup(roomId, personId);
export const pendingRequestCount = (roomId: string): number => pendingCount(roomId);

/** Synchronous check against an index already loaded (lists). null = unknown or invisible. */
export function roomAccessIn(index: RoomIndex, user: Viewer, roomId: string): RoomAccess | null {
  const room = index.rooms.get(roomId);
  if (!room) return null;
  return accessTo(room, user);
}

/** Access to a known room row (lists walk the index). null = invisible. */
export function accessTo(room: RoomMeta, user: Viewer): RoomAccess | null {
  const role = room.members.get(user.id)?.role ?? null;
  const pending = role === null && room.visibility === 'closed' && pendingLookup(room.id, user.id);
  const abilities = roomAbilities(user, room, role, pending);
  if (!abilities.view) return null;
  return { room, role, abilities };
}

/** Fresh index, then memory. null = unknown, or secret and not a member. */
export async function roomAccess(user: Viewer, roomId: string): Promise<RoomAccess | null> {
  return roomAccessIn(await roomIndex(), user, roomId);
}

/** 404 (unknown / invisible / disabled module), 409 `room_archived` (or `invalid_transition`), 403. */
export async function requireRoom(
  user: Viewer,
  roomId: string,
  need: keyof RoomAbilities,
  module?: RoomModule,
): Promise<RoomAccess> {
  const access = await roomAccess(user, roomId);
  if (!access) throw notFound();
  if (module && !access.room.modules[module]) throw notFound();
  if (!access.abilities[need]) throw refusal(access, user, need);
  return access;
}

/** Why an ability is missing: the archive state (409) or the person (403). */
export function refusal(access: RoomAccess, user: Viewer, need: keyof RoomAbilities): HttpError {
  const { room, role } = access;
  const pending = role === null && pendingLookup(room.id, user.id);
  const flipped = abilitiesIfArchived(user, room, role, pending, !room.archived);
  if (flipped[need]) {
    return room.archived
      ? new HttpError(409, 'room_archived', 'The room is archived.')
      : new HttpError(409, 'invalid_transition', 'The room is not archived.');
  }
  if (need === 'requestJoin' && role === null && room.visibility === 'closed' && pending) {
    return new HttpError(409, 'request_pending', 'A join request is already pending.');
  }
  if ((need === 'join' || need === 'requestJoin') && role !== null) {
    return new HttpError(409, 'already_member', 'Already a member.');
  }
  if (need === 'leave' && role === 'owner') {
    return new HttpError(409, 'last_owner', 'The room needs at least one owner.');
  }
  return forbidden();
}

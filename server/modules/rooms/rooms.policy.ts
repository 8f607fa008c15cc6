import type { Role } from '@shared/people/roles';
import { roomRoleAtLeast, type RoomRole, type RoomVisibility } from '@shared/rooms/schemas';
import type { RoomAbilities } from '@shared/rooms/types';

/**
 * THE room policy: one membership decides every right in every module of a room (feed, chat,
 * wiki, files, events, tasks, members). Pure functions; `access.ts` feeds them from the index.
 * Portal administrators get no exception (secret rooms stay invisible to them, like chat).
 */
export interface RoomViewer {
  id: string;
  roles: readonly Role[];
}

/** What the policy needs of a room (a `RoomMeta` fits). */
export interface RoomPolicySubject {
  visibility: RoomVisibility;
  archived: boolean;
  /** Owners in the room now (leave is refused for the last one). */
  ownerCount: number;
}

const none: RoomAbilities = {
  view: false,
  read: false,
  join: false,
  requestJoin: false,
  leave: false,
  contribute: false,
  moderate: false,
  manageMembers: false,
  update: false,
  administer: false,
  archive: false,
  restore: false,
};

export function roomAbilities(
  _viewer: RoomViewer,
  room: RoomPolicySubject,
  role: RoomRole | null,
  pendingRequest: boolean,
): RoomAbilities {
  const member = role !== null;
  if (room.visibility === 'secret' && !member) return { ...none };
  const live = !room.archived;
  const moderator = roomRoleAtLeast(role, 'moderator');
  const owner = role === 'owner';
  return {
    view: true,
    read: member,
    join: canJoin(room, role),
    requestJoin: !member && live && room.visibility === 'closed' && !pendingRequest,
    leave: canLeave(role, room.ownerCount),
    contribute: member && live,
    moderate: moderator && live,
    manageMembers: moderator && live,
    update: moderator && live,
    administer: owner && live,
    archive: owner && live,
    restore: owner && room.archived,
  };
}

/** Joining without asking: open, live rooms, for people not yet members. */
export function canJoin(
  room: Pick<RoomPolicySubject, 'visibility' | 'archived'>,
  role: RoomRole | null,
): boolean {
  return role === null && !room.archived && room.visibility === 'open';
}

/** Members may leave, except the last owner (who hands over first). */
export function canLeave(role: RoomRole | null, ownerCount: number): boolean {
  return role !== null && !(role === 'owner' && ownerCount <= 1);
}

/** Posts, comments, files, folders, events, tasks: authors edit; authors and moderators delete. */
export function roomItemAbilities(
  abilities: Pick<RoomAbilities, 'contribute' | 'moderate'>,
  viewerId: string,
  authorId: string | null,
): { edit: boolean; delete: boolean } {
  const author = authorId !== null && viewerId === authorId;
  return {
    edit: abilities.contribute && author,
    delete: abilities.contribute && (author || abilities.moderate),
  };
}

/** Rooms are created by digital movers, editors and administrators; others request one. */
export function canCreateRoom(roles: readonly Role[]): boolean {
  return roles.includes('mover') || roles.includes('editor') || roles.includes('admin');
}

/**
 * Member management by someone with `manageMembers`: moderators cannot remove or demote owners
 * nor make owners; owners may do everything. Changing one's own role or removing oneself is
 * `leave` / hand-over, not this.
 */
export function canRemoveMember(
  abilities: Pick<RoomAbilities, 'manageMembers'>,
  actorRole: RoomRole | null,
  target: RoomRole,
): boolean {
  if (!abilities.manageMembers) return false;
  return actorRole === 'owner' || target !== 'owner';
}

/** `self`: the actor's own role, which only goes down (an owner steps down after a hand-over). */
export function canChangeRole(
  abilities: Pick<RoomAbilities, 'manageMembers'>,
  actorRole: RoomRole | null,
  from: RoomRole,
  to: RoomRole,
  self = false,
): boolean {
  if (!abilities.manageMembers) return false;
  if (self && !roomRoleAtLeast(from, to)) return false;
  if (actorRole === 'owner') return true;
  return from !== 'owner' && to !== 'owner';
}

/** Abilities of a room the viewer could hold if it were (not) archived: tells 403 from 409. */
export function abilitiesIfArchived(
  viewer: RoomViewer,
  room: RoomPolicySubject,
  role: RoomRole | null,
  pendingRequest: boolean,
  archived: boolean,
): RoomAbilities {
  return roomAbilities(viewer, { ...room, archived }, role, pendingRequest);
}

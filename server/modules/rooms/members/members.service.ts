import type { Request } from 'express';
import type { z } from 'zod';
import {
  roomInviteSchema,
  type RoomRole,
  type roomMembersQuerySchema,
} from '@shared/rooms/schemas';
import type { RoomInviteResultDTO, RoomMemberDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, badRequest, forbidden, notFound } from '../../../lib/errors';
import { fold } from '../../../lib/text';
import { audit } from '../../audit/audit.service';
import { audienceMembers } from '../../org/audience';
import { directoryRows } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { refusal, requireRoom, type RoomAccess } from '../access';
import { changeRoomMembers } from '../member.store';
import { canChangeRole, canJoin, canLeave, canRemoveMember, roomAbilities } from '../rooms.policy';
import { roomMetaOf } from '../room-index';

type Actor = Pick<CurrentUser, 'id' | 'roles'>;
type Members = ReadonlyMap<string, { role: RoomRole; joinedAt: Date }>;
type MembersQuery = z.infer<typeof roomMembersQuerySchema>;

/** One invite adds at most this many people (units included): bigger needs several steps. */
export const INVITE_CAP = 2000;

const lastOwner = () => new HttpError(409, 'last_owner', 'The room needs at least one owner.');

/** The actor's abilities computed again on the members under the lock (room state from the index). */
function abilitiesNow(access: RoomAccess, user: Actor, members: Members) {
  const role = members.get(user.id)?.role ?? null;
  let owners = 0;
  for (const m of members.values()) if (m.role === 'owner') owners += 1;
  return {
    role,
    abilities: roomAbilities(user, { ...access.room, ownerCount: owners }, role, false),
  };
}

const encode = (sortKey: string, id: string) =>
  Buffer.from(`${sortKey}\u0000${id}`).toString('base64url');
function decode(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const [key, id] = Buffer.from(cursor, 'base64url').toString().split('\u0000');
  return key !== undefined && id ? [key, id] : null;
}

/** Members (name search, role filter, alphabetical pages): index + directory, no database read. */
export async function listRoomMembers(
  user: Actor,
  roomId: string,
  query: MembersQuery,
): Promise<{ data: RoomMemberDTO[]; nextCursor: string | null }> {
  const access = await requireRoom(user, roomId, 'read');
  const needle = fold(query.q ?? '');
  const after = decode(query.cursor);
  const rows = await directoryRows(); // sorted by sortKey, id
  const out: RoomMemberDTO[] = [];
  let nextCursor: string | null = null;
  for (const row of rows) {
    const m = access.room.members.get(row.id);
    if (!m || (query.role && m.role !== query.role)) continue;
    if (
      needle &&
      !fold(row.person.displayName).includes(needle) &&
      !row.terms.some((t) => t.includes(needle))
    ) {
      continue;
    }
    if (after && (row.sortKey < after[0] || (row.sortKey === after[0] && row.id <= after[1])))
      continue;
    if (out.length === query.limit) {
      const last = rows.find((r) => r.id === out[out.length - 1]?.person.id);
      nextCursor = last ? encode(last.sortKey, last.id) : null;
      break;
    }
    out.push({
      person: presentPersonRef(row.person),
      username: row.person.username,
      role: m.role,
      joinedAt: m.joinedAt.toISOString(),
      abilities: {
        remove: row.id !== user.id && canRemoveMember(access.abilities, access.role, m.role),
        changeRole: canChangeRole(access.abilities, access.role, m.role, m.role),
      },
    });
  }
  return { data: out, nextCursor };
}

/** Active people from the ids and units (with or without sub-units), deduplicated. */
async function inviteesOf(input: z.infer<typeof roomInviteSchema>) {
  const rows = await directoryRows();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const wanted = new Set<string>();
  let skipped = 0;
  for (const id of input.personIds.map((p) => p.toLowerCase())) {
    if (byId.get(id)?.active) wanted.add(id);
    else skipped += 1;
  }
  if (input.unitIds.length) {
    const units = input.unitIds.map((u) => ({
      unitId: u.toLowerCase(),
      withSubunits: input.withSubunits,
    }));
    for (const id of await audienceMembers({ units, roles: [], locationIds: [] })) wanted.add(id);
  }
  return { wanted: [...wanted], skipped };
}

/** Moderators+ add people and whole units (only active people); counts what happened. */
export async function inviteMembers(
  user: Actor,
  roomId: string,
  raw: z.input<typeof roomInviteSchema>,
  req?: Request,
): Promise<RoomInviteResultDTO> {
  const input = roomInviteSchema.parse(raw);
  const access = await requireRoom(user, roomId, 'manageMembers');
  const { wanted, skipped } = await inviteesOf(input);
  if (wanted.length > INVITE_CAP) {
    throw badRequest('Too many people at once.', [
      { path: 'unitIds', code: 'too_big', message: `At most ${INVITE_CAP} people per invite.` },
    ]);
  }
  const { added } = await changeRoomMembers(roomId, user.id, {
    add: wanted.map((personId) => ({ personId, role: 'member' as const })),
    check: (members) => {
      if (!abilitiesNow(access, user, members).abilities.manageMembers) throw forbidden();
    },
  });
  if (input.unitIds.length) {
    await audit({
      action: 'rooms.member.invite_units',
      actorId: user.id,
      subjectType: 'room',
      subjectId: roomId,
      detail: { unitIds: input.unitIds, withSubunits: input.withSubunits, added: added.length },
      req,
    });
  }
  return { added: added.length, alreadyMembers: wanted.length - added.length, skipped };
}

/** Role changes: owners anything (hand-over), moderators not to/from owner; self only downwards. */
export async function changeMemberRole(
  user: Actor,
  roomId: string,
  personId: string,
  role: RoomRole,
  req?: Request,
): Promise<void> {
  const access = await requireRoom(user, roomId, 'manageMembers');
  const check = (members: Members) => {
    const target = members.get(personId);
    if (!target) throw notFound('Not a member.');
    const now = abilitiesNow(access, user, members);
    if (!now.abilities.manageMembers) throw forbidden();
    const self = personId === user.id;
    if (!canChangeRole(now.abilities, now.role, target.role, role, self)) throw forbidden();
  };
  check(access.room.members);
  const { roles } = await changeRoomMembers(roomId, user.id, {
    roles: [{ personId, role }],
    check,
  });
  if (roles.length) {
    await audit({
      action: 'rooms.member.role',
      actorId: user.id,
      subjectType: 'room',
      subjectId: roomId,
      detail: { personId, role },
      req,
    });
  }
}

/** Moderators remove members (and moderators), owners anyone; removing oneself is leaving. */
export async function removeMember(user: Actor, roomId: string, personId: string, req?: Request) {
  if (personId === user.id) return leaveRoom(user, roomId);
  const access = await requireRoom(user, roomId, 'manageMembers');
  const check = (members: Members) => {
    const target = members.get(personId);
    if (!target) throw notFound('Not a member.');
    const now = abilitiesNow(access, user, members);
    if (!canRemoveMember(now.abilities, now.role, target.role)) throw forbidden();
  };
  check(access.room.members);
  const { removed } = await changeRoomMembers(roomId, user.id, { remove: [personId], check });
  if (removed.length) {
    await audit({
      action: 'rooms.member.remove',
      actorId: user.id,
      subjectType: 'room',
      subjectId: roomId,
      detail: { personId },
      req,
    });
  }
}

/** Open rooms: join (twice = one membership, 200). */
export async function joinRoom(user: Actor, roomId: string): Promise<void> {
  const access = await requireRoom(user, roomId, 'view');
  if (access.role !== null) return;
  if (!access.abilities.join) throw refusal(access, user, 'join');
  await changeRoomMembers(roomId, user.id, {
    add: [{ personId: user.id, role: 'member' }],
    check: (members) => {
      // The room as it is now (the index row is replaced on every change). Already a member
      // meanwhile: the add changes nothing.
      const room = roomMetaOf(roomId);
      const role = members.get(user.id)?.role ?? null;
      if (role === null && (!room || !canJoin(room, role))) throw forbidden();
    },
  });
}

/** Leave (the last owner hands over first: 409 `last_owner`). Not a member: 403. */
export async function leaveRoom(user: Actor, roomId: string): Promise<void> {
  await requireRoom(user, roomId, 'read');
  await changeRoomMembers(roomId, user.id, {
    remove: [user.id],
    check: (members) => {
      const me = members.get(user.id);
      if (!me) return; // left meanwhile: nothing to do
      const owners = [...members.values()].filter((m) => m.role === 'owner').length;
      if (!canLeave(me.role, owners)) throw lastOwner();
    },
  });
}

import type { Request } from 'express';
import {
  roomCreateSchema,
  roomModules,
  type RoomCreateInput,
  type RoomUpdateInput,
} from '@shared/rooms/schemas';
import { roomTemplates } from '@shared/rooms/templates';
import type { RoomAbilities, RoomDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, badRequest, forbidden, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { audit } from '../audit/audit.service';
import { hasPendingRequest, refusal, requireRoom, roomAccess, type RoomAccess } from './access';
import { provisionRoom } from './integrations/provision';
import { changeRoomMembers } from './member.store';
import { putRoomDoc, roomIndex } from './room-index';
import { RoomModel, type Room } from './room.model';
import { myUnread, presentRoom } from './room.presenter';
import { canCreateRoom } from './rooms.policy';

type Actor = Pick<CurrentUser, 'id' | 'roles'>;

export const roomLockKey = (roomId: string) => `room:${roomId}`;
const staleCopy = () => new HttpError(409, 'stale_copy', 'The room was changed meanwhile.');
const isDuplicate = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

/** The room as the viewer sees it (unread for members; pending request for non-members). */
export async function presentFor(user: Actor, access: RoomAccess): Promise<RoomDTO> {
  const member = access.role !== null;
  const unread = member
    ? (await myUnread(user.id, [access.room.id])).get(access.room.id)
    : undefined;
  const pending = !member && hasPendingRequest(access.room.id, user.id);
  return presentRoom(access, unread, pending);
}

interface Existing {
  id: string;
  createdBy: string;
}

/** From memory; the unique index catches a create racing on another instance. */
async function existingByClientId(clientId: string): Promise<Existing | null> {
  const row = [...(await roomIndex()).rooms.values()].find((r) => r.clientId === clientId);
  return row ? { id: row.id, createdBy: row.createdBy } : null;
}

/**
 * Creates a room (movers, editors, admins). Idempotent by `clientId`: the same person gets the
 * same room back (`created: false`), anyone else 409 `client_id_reused`. `ownerId` (room
 * requests): the decider creates the room for the requester, who becomes its owner.
 */
export async function createRoom(
  actor: Actor,
  rawInput: RoomCreateInput,
  opts: { req?: Request; ownerId?: string } = {},
): Promise<{ roomId: string; room: RoomDTO | null; created: boolean }> {
  if (!canCreateRoom(actor.roles)) throw forbidden();
  const input = roomCreateSchema.parse(rawInput);
  const ownerId = opts.ownerId ?? actor.id;
  const template = roomTemplates[input.template];
  let existing = await existingByClientId(input.clientId);
  let created = false;
  if (!existing) {
    try {
      const made = await RoomModel.create({
        clientId: input.clientId,
        name: input.name,
        description: input.description,
        visibility: input.visibility,
        template: input.template,
        modules: input.modules ?? template.modules,
        reviewBy: input.reviewBy,
        createdBy: actor.id,
        memberCount: 0,
        rev: 0,
      });
      const doc = made.toObject<Room>();
      putRoomDoc(doc);
      existing = { id: String(doc._id), createdBy: actor.id };
      created = true;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      const doc = await RoomModel.findOne({ clientId: input.clientId }).lean<Room>();
      if (!doc) throw new HttpError(503, 'service_unavailable', 'Please try again.');
      putRoomDoc(doc);
      existing = { id: String(doc._id), createdBy: String(doc.createdBy) };
    }
  }
  if (existing.createdBy !== actor.id) {
    throw new HttpError(409, 'client_id_reused', 'This client id belongs to another room.');
  }
  const roomId = existing.id;
  // Also on a retry: a create that crashed half-way is completed (both steps are idempotent).
  await changeRoomMembers(roomId, actor.id, { add: [{ personId: ownerId, role: 'owner' }] });
  await provisionRoom(roomId, actor.id);
  if (created) {
    await audit({
      action: 'rooms.room.create',
      actorId: actor.id,
      subjectType: 'room',
      subjectId: roomId,
      detail: { name: input.name, visibility: input.visibility, template: input.template, ownerId },
      req: opts.req,
    });
    events.publish('rooms.room_changed', {
      roomId,
      actorId: actor.id,
      change: 'created',
      accessChanged: false,
    });
  }
  const access = await roomAccess(actor, roomId);
  return { roomId, room: access ? await presentFor(actor, access) : null, created };
}

export async function getRoom(user: Actor, roomId: string): Promise<RoomDTO> {
  return presentFor(user, await requireRoom(user, roomId, 'view'));
}

const needOf = (field: keyof Omit<RoomUpdateInput, 'rev'>): keyof RoomAbilities =>
  field === 'name' || field === 'description' ? 'update' : 'administer';

/** Settings by ability (name/description: update; visibility/modules/review date: administer). */
export async function updateRoom(
  user: Actor,
  roomId: string,
  input: RoomUpdateInput,
  req?: Request,
): Promise<RoomDTO> {
  const { rev, ...fields } = input;
  const given = (Object.keys(fields) as (keyof typeof fields)[]).filter(
    (k) => fields[k] !== undefined,
  );
  const check = (access: RoomAccess | null): RoomAccess => {
    if (!access) throw notFound();
    for (const field of given) {
      const need = needOf(field);
      if (!access.abilities[need]) throw refusal(access, user, need);
    }
    if (given.length === 0 && !access.abilities.update) throw refusal(access, user, 'update');
    return access;
  };
  check(await roomAccess(user, roomId));
  if (given.length === 0) {
    throw badRequest('Nothing to change.', [
      { path: '', code: 'nothing_to_change', message: 'Nothing to change.' },
    ]);
  }
  const { before, after } = await withKeyLock(roomLockKey(roomId), async () => {
    const current = check(await roomAccess(user, roomId)).room;
    const $set: Record<string, unknown> = {};
    for (const field of given) $set[field] = fields[field];
    const stored = await RoomModel.findOneAndUpdate(
      { _id: roomId, rev },
      { $set, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean<Room>();
    if (!stored) throw staleCopy();
    putRoomDoc(stored);
    return { before: current, after: stored };
  });
  const enabled = roomModules.filter((m) => after.modules[m] && !before.modules[m]);
  const disabled = roomModules.filter((m) => !after.modules[m] && before.modules[m]);
  if (enabled.length > 0) await provisionRoom(roomId, user.id);
  await audit({
    action: 'rooms.room.update',
    actorId: user.id,
    subjectType: 'room',
    subjectId: roomId,
    detail: { fields: given, enabled, disabled },
    req,
  });
  events.publish('rooms.room_changed', {
    roomId,
    actorId: user.id,
    change: 'updated',
    // A module going on gives access back (the wiki space, the chat channel): re-checked too.
    accessChanged:
      before.visibility !== after.visibility || disabled.length > 0 || enabled.length > 0,
  });
  return getRoom(user, roomId);
}

/** Archive (read-only for everyone) or restore; owners only, rev-guarded: exactly one wins. */
export async function setArchived(
  user: Actor,
  roomId: string,
  archive: boolean,
  rev: number,
  req?: Request,
): Promise<RoomDTO> {
  const need = archive ? 'archive' : 'restore';
  await requireRoom(user, roomId, need);
  await withKeyLock(roomLockKey(roomId), async () => {
    await requireRoom(user, roomId, need);
    const stored = await RoomModel.findOneAndUpdate(
      { _id: roomId, rev, archived: !archive },
      {
        $set: archive
          ? { archived: true, archivedAt: new Date(), archivedBy: user.id }
          : { archived: false, archivedAt: null, archivedBy: null },
        $inc: { rev: 1 },
      },
      { returnDocument: 'after' },
    ).lean<Room>();
    if (!stored) throw staleCopy();
    putRoomDoc(stored);
  });
  await audit({
    action: archive ? 'rooms.room.archive' : 'rooms.room.restore',
    actorId: user.id,
    subjectType: 'room',
    subjectId: roomId,
    req,
  });
  events.publish('rooms.room_changed', {
    roomId,
    actorId: user.id,
    change: archive ? 'archived' : 'restored',
    accessChanged: true,
  });
  return getRoom(user, roomId);
}

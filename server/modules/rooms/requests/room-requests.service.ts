import { Types } from 'mongoose';
import type { z } from 'zod';
import type { roomRequestCreateSchema, roomRequestDecisionSchema } from '@shared/rooms/schemas';
import type { RoomRequestDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, forbidden, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import { audit } from '../../audit/audit.service';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { canCreateRoom } from '../rooms.policy';
import { createRoomFor } from './approve';
import { RoomRequestModel, type RoomRequest } from './room-request.model';

type Actor = Pick<CurrentUser, 'id' | 'roles'>;
type CreateInput = z.infer<typeof roomRequestCreateSchema>;
type DecisionInput = z.infer<typeof roomRequestDecisionSchema>;

/** Administrators and digital movers decide room requests. */
export const canDecideRoomRequests = (roles: readonly string[]) =>
  roles.includes('admin') || roles.includes('mover');

const invalid = () => new HttpError(409, 'invalid_transition', 'The request was already decided.');
const reused = () => new HttpError(409, 'client_id_reused', 'This id belongs to another request.');
const isDuplicate = (err: unknown) => (err as { code?: number } | null)?.code === 11000;

export async function presentRoomRequests(
  user: Actor,
  docs: RoomRequest[],
): Promise<RoomRequestDTO[]> {
  const ids = docs.flatMap((d) => [d.requesterId, ...(d.decidedBy ? [d.decidedBy] : [])]);
  const people = new Map((await peopleFromDirectory(ids)).map((p) => [String(p._id), p]));
  const decide = canDecideRoomRequests(user.roles);
  return docs.flatMap((d) => {
    const requester = people.get(String(d.requesterId));
    if (!requester) return [];
    const decider = d.decidedBy ? people.get(String(d.decidedBy)) : undefined;
    return [
      {
        id: String(d._id),
        name: d.name,
        description: d.description,
        visibility: d.visibility,
        template: d.template,
        reason: d.reason,
        requester: presentPersonRef(requester),
        status: d.status,
        decidedBy: decider ? presentPersonRef(decider) : null,
        decisionReason: d.decisionReason,
        roomId: d.roomId ? String(d.roomId) : null,
        createdAt: new Date(d.createdAt).toISOString(),
        abilities: { decide: decide && d.status === 'pending' },
      },
    ];
  });
}

/** Mine, and for deciders every pending request; newest first. */
export async function listRoomRequests(user: Actor): Promise<RoomRequestDTO[]> {
  const mine = { requesterId: new Types.ObjectId(user.id) };
  const filter = canDecideRoomRequests(user.roles)
    ? { $or: [mine, { status: 'pending' as const }] }
    : mine;
  const docs = await RoomRequestModel.find(filter)
    .sort({ createdAt: -1 })
    .limit(200)
    .lean<RoomRequest[]>();
  return presentRoomRequests(user, docs);
}

/** Idempotent by clientId (a repeat returns the stored request, `created: false`). */
export async function createRoomRequest(
  user: Actor,
  input: CreateInput,
): Promise<{ request: RoomRequestDTO; created: boolean }> {
  // People who may create rooms create them; a request is for everyone else.
  if (canCreateRoom(user.roles)) throw forbidden('You can create rooms yourself.');
  const known = async () => {
    const doc = await RoomRequestModel.findOne({ clientId: input.clientId }).lean<RoomRequest>();
    if (!doc) throw new HttpError(503, 'service_unavailable', 'Please try again.');
    if (String(doc.requesterId) !== user.id) throw reused();
    return {
      request: (await presentRoomRequests(user, [doc]))[0] as RoomRequestDTO,
      created: false,
    };
  };
  let doc: RoomRequest;
  try {
    doc = (
      await RoomRequestModel.create({ ...input, requesterId: user.id })
    ).toObject<RoomRequest>();
  } catch (err) {
    if (isDuplicate(err)) return known();
    throw err;
  }
  events.publish('rooms.room_request_changed', {
    requestId: String(doc._id),
    requesterId: user.id,
    status: 'pending',
    actorId: user.id,
    roomId: null,
  });
  return { request: (await presentRoomRequests(user, [doc]))[0] as RoomRequestDTO, created: true };
}

/**
 * Admins and movers decide exactly once (conditional on `pending`; the loser gets 409). Approval
 * creates the room (idempotent by the request's clientId) with the requester as its owner.
 */
export async function decideRoomRequest(
  user: Actor,
  requestId: string,
  input: DecisionInput,
): Promise<RoomRequestDTO> {
  if (!canDecideRoomRequests(user.roles)) throw forbidden();
  const decided = await withKeyLock(`room-request:${requestId}`, async () => {
    const current = await RoomRequestModel.findById(requestId).lean<RoomRequest>();
    if (!current) throw notFound();
    if (current.status !== 'pending') throw invalid();
    const approve = input.decision === 'approve';
    const roomId = approve ? await createRoomFor(user, current) : null;
    const doc = await RoomRequestModel.findOneAndUpdate(
      { _id: requestId, status: 'pending' },
      {
        $set: {
          status: approve ? 'approved' : 'rejected',
          decidedBy: user.id,
          decidedAt: new Date(),
          decisionReason: input.reason,
          roomId,
        },
      },
      { returnDocument: 'after' },
    ).lean<RoomRequest>();
    if (!doc) throw invalid();
    return doc;
  });
  await audit({
    action: `rooms.request.${decided.status}`,
    actorId: user.id,
    subjectType: 'room_request',
    subjectId: requestId,
    detail: { roomId: decided.roomId ? String(decided.roomId) : null },
  });
  events.publish('rooms.room_request_changed', {
    requestId,
    requesterId: String(decided.requesterId),
    status: decided.status,
    actorId: user.id,
    roomId: decided.roomId ? String(decided.roomId) : null,
  });
  return (await presentRoomRequests(user, [decided]))[0] as RoomRequestDTO;
}

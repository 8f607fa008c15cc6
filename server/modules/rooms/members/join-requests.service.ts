import type { z } from 'zod';
import type { joinDecisionSchema, joinRequestSchema } from '@shared/rooms/schemas';
import type { JoinRequestDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, forbidden, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { refusal, requireRoom, roomAccess } from '../access';
import { changeRoomMembers } from '../member.store';
import { roomAbilities } from '../rooms.policy';
import { roomIndex, roomMetaOf } from '../room-index';
import { JoinRequestModel, joinRequestId, type JoinRequest } from './join-request.model';
import {
  pendingOf,
  pendingRequestOf,
  rememberJoinRequest,
  warmJoinRequests,
} from './join-request.store';

type Actor = Pick<CurrentUser, 'id' | 'roles'>;
const invalid = () => new HttpError(409, 'invalid_transition', 'The request was already decided.');
const lockKey = (id: string) => `room-join-request:${id}`;

export async function presentJoinRequests(docs: JoinRequest[]): Promise<JoinRequestDTO[]> {
  const ids = docs.flatMap((d) => [d.personId, ...(d.decidedBy ? [d.decidedBy] : [])]);
  const people = new Map((await peopleFromDirectory(ids)).map((p) => [String(p._id), p]));
  return docs.flatMap((d) => {
    const person = people.get(String(d.personId));
    if (!person) return [];
    const decider = d.decidedBy ? people.get(String(d.decidedBy)) : undefined;
    return [
      {
        id: d._id,
        roomId: String(d.roomId),
        person: presentPersonRef(person),
        message: d.message,
        status: d.status,
        createdAt: new Date(d.createdAt).toISOString(),
        decidedBy: decider ? presentPersonRef(decider) : null,
        reason: d.reason,
      },
    ];
  });
}

const one = async (doc: JoinRequest) => (await presentJoinRequests([doc]))[0] as JoinRequestDTO;

/** Closed rooms: ask to join. A second request while one is pending returns it (`created: false`). */
export async function createJoinRequest(
  user: Actor,
  roomId: string,
  input: z.infer<typeof joinRequestSchema>,
): Promise<{ request: JoinRequestDTO; created: boolean }> {
  await warmJoinRequests();
  const access = await roomAccess(user, roomId);
  if (!access) throw notFound();
  const existing = pendingRequestOf(roomId, user.id);
  if (existing && access.role === null) return { request: await one(existing), created: false };
  if (!access.abilities.requestJoin) throw refusal(access, user, 'requestJoin');
  const id = joinRequestId(roomId, user.id);
  const result = await withKeyLock(lockKey(id), async () => {
    const current = await JoinRequestModel.findById(id).lean<JoinRequest>();
    if (current?.status === 'pending') return { doc: current, created: false };
    const fields = {
      roomId,
      personId: user.id,
      message: input.message,
      status: 'pending' as const,
      createdAt: new Date(),
      decidedBy: null,
      decidedAt: null,
      reason: '',
    };
    if (!current) {
      const doc = (
        await JoinRequestModel.create({ _id: id, ...fields, rev: 0 })
      ).toObject<JoinRequest>();
      return { doc, created: true };
    }
    const doc = await JoinRequestModel.findOneAndUpdate(
      { _id: id, rev: current.rev },
      { $set: fields, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean<JoinRequest>();
    if (!doc) throw invalid();
    return { doc, created: true };
  });
  rememberJoinRequest(result.doc);
  if (result.created) {
    events.publish('rooms.join_request_changed', {
      roomId,
      requestId: id,
      personId: user.id,
      status: 'pending',
      actorId: user.id,
    });
  }
  return { request: await one(result.doc), created: result.created };
}

/** Conditional transition from pending: exactly one caller wins; the others get 409. */
async function transition(
  id: string,
  set: Pick<JoinRequest, 'status' | 'reason' | 'decidedBy' | 'decidedAt' | 'memberAdded'>,
): Promise<JoinRequest> {
  const doc = await withKeyLock(lockKey(id), async () => {
    const current = await JoinRequestModel.findById(id).lean<JoinRequest>();
    if (!current || current.status !== 'pending') throw invalid();
    return JoinRequestModel.findOneAndUpdate(
      { _id: id, status: 'pending', rev: current.rev },
      { $set: set, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean<JoinRequest>();
  });
  if (!doc) throw invalid();
  rememberJoinRequest(doc);
  return doc;
}

/** Back to pending, only if nothing happened to the request since this approval (its rev). */
async function undoApproval(id: string, approved: JoinRequest): Promise<void> {
  const restored = await withKeyLock(lockKey(id), () =>
    JoinRequestModel.findOneAndUpdate(
      { _id: id, status: 'approved', rev: approved.rev },
      {
        $set: {
          status: 'pending',
          decidedBy: null,
          decidedAt: null,
          reason: '',
          memberAdded: null,
        },
        $inc: { rev: 1 },
      },
      { returnDocument: 'after' },
    ).lean<JoinRequest>(),
  );
  if (restored) rememberJoinRequest(restored);
}

/** The requester takes back their pending request (none: 404). */
export async function withdrawJoinRequest(user: Actor, roomId: string): Promise<void> {
  await warmJoinRequests();
  if (!(await roomAccess(user, roomId))) throw notFound();
  if (!pendingRequestOf(roomId, user.id)) throw notFound('No pending request.');
  const id = joinRequestId(roomId, user.id);
  await transition(id, { status: 'withdrawn', reason: '', decidedBy: null, decidedAt: new Date() });
  events.publish('rooms.join_request_changed', {
    roomId,
    requestId: id,
    personId: user.id,
    status: 'withdrawn',
    actorId: user.id,
  });
}

/** Pending requests of a room, oldest first (moderators+). */
export async function listJoinRequests(user: Actor, roomId: string): Promise<JoinRequestDTO[]> {
  await warmJoinRequests();
  await requireRoom(user, roomId, 'manageMembers');
  const docs = pendingOf(roomId).sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt));
  return presentJoinRequests(docs);
}

/** Moderators+ approve (adds the member) or reject, with a reason; exactly one decision. */
export async function decideJoinRequest(
  user: Actor,
  roomId: string,
  requestId: string,
  input: z.infer<typeof joinDecisionSchema>,
): Promise<JoinRequestDTO> {
  await warmJoinRequests();
  await requireRoom(user, roomId, 'manageMembers');
  const [rid, personId] = requestId.toLowerCase().split(':');
  if (rid !== roomId || !personId || !/^[0-9a-f]{24}$/.test(personId)) throw notFound();
  const id = joinRequestId(roomId, personId);
  if (!pendingRequestOf(roomId, personId)) {
    if (!(await JoinRequestModel.exists({ _id: id }))) throw notFound();
  }
  const approve = input.decision === 'approve';
  const doc = await transition(id, {
    status: approve ? 'approved' : 'rejected',
    reason: input.reason,
    decidedBy: user.id as unknown as JoinRequest['decidedBy'], // Mongoose casts the id string
    decidedAt: new Date(),
    memberAdded: approve ? false : null,
  });
  if (approve) {
    try {
      await changeRoomMembers(roomId, user.id, {
        add: [{ personId, role: 'member' }],
        check: (members) => {
          const room = roomMetaOf(roomId);
          const role = members.get(user.id)?.role ?? null;
          if (!room || !roomAbilities(user, room, role, false).manageMembers) throw forbidden();
        },
      });
    } catch (err) {
      // All or nothing: no member, no approval (the request is pending again).
      await undoApproval(id, doc);
      throw err;
    }
    await markMemberAdded(id);
  }
  events.publish('rooms.join_request_changed', {
    roomId,
    requestId: id,
    personId,
    status: doc.status,
    actorId: user.id,
  });
  return one(doc);
}

/** The approval's member is in the room: nothing left for the repair sweep. */
async function markMemberAdded(id: string): Promise<void> {
  await JoinRequestModel.updateOne(
    { _id: id, status: 'approved', memberAdded: false },
    { $set: { memberAdded: true } },
  );
}

/**
 * Finishes approvals whose member was never added (the process stopped between the two writes):
 * adds the member as the decider did, then marks the request. Approvals younger than `graceMs`
 * are left to the request still running them. Returns how many members were added.
 */
export async function repairApprovedJoins(now = new Date(), graceMs = 60_000): Promise<number> {
  const stuck = await JoinRequestModel.find({ status: 'approved', memberAdded: false }).lean<
    JoinRequest[]
  >();
  let added = 0;
  const { rooms } = await roomIndex();
  for (const r of stuck) {
    if (!r.decidedAt || now.getTime() - new Date(r.decidedAt).getTime() < graceMs) continue;
    const roomId = String(r.roomId);
    // A deleted room: nothing to add to.
    if (rooms.has(roomId)) {
      const result = await changeRoomMembers(roomId, r.decidedBy ? String(r.decidedBy) : null, {
        add: [{ personId: String(r.personId), role: 'member' }],
      });
      added += result.added.length;
    }
    await markMemberAdded(r._id);
  }
  return added;
}

import { cluster } from '../../../lib/cluster';
import { logger } from '../../../lib/logger';
import { setPendingRequestCount, setPendingRequestLookup } from '../access';
import { JoinRequestModel, type JoinRequest } from './join-request.model';

/**
 * Pending join requests in memory (room → person → request): the room policy asks synchronously
 * whether a person has one and how many a room has. Loaded once (one read of the pending ones),
 * then written through; other instances reload the one request by `_id` (cluster topic).
 */
const TOPIC = 'rooms-join-request:changed';
let pending: Map<string, Map<string, JoinRequest>> | null = null;
let loading: Promise<void> | null = null;

function put(doc: JoinRequest): void {
  if (!pending) return;
  const roomId = String(doc.roomId);
  const personId = String(doc.personId);
  let room = pending.get(roomId);
  if (doc.status === 'pending') {
    if (!room) pending.set(roomId, (room = new Map()));
    room.set(personId, doc);
  } else if (room) {
    room.delete(personId);
    if (room.size === 0) pending.delete(roomId);
  }
}

/** Loads the pending requests once (server start, first use). */
export function warmJoinRequests(): Promise<void> {
  if (pending) return Promise.resolve();
  loading ??= JoinRequestModel.find({ status: 'pending' })
    .lean<JoinRequest[]>()
    .then((docs) => {
      pending = new Map();
      for (const d of docs) put(d);
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** After a write here: this instance now, the others reload it. */
export function rememberJoinRequest(doc: JoinRequest): void {
  put(doc);
  cluster.broadcast(TOPIC, doc._id);
}

export function pendingOf(roomId: string): JoinRequest[] {
  return [...(pending?.get(roomId)?.values() ?? [])];
}

export function pendingRequestOf(roomId: string, personId: string): JoinRequest | undefined {
  return pending?.get(roomId)?.get(personId);
}

/** Tests: forget everything. */
export function resetJoinRequests(): void {
  pending = null;
}

setPendingRequestLookup((roomId, personId) => pending?.get(roomId)?.has(personId) ?? false);
setPendingRequestCount((roomId) => pending?.get(roomId)?.size ?? 0);

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !pending) return;
  JoinRequestModel.findById(payload)
    .lean<JoinRequest>()
    .then((doc) => doc && put(doc))
    .catch((err: unknown) => logger.warn({ err }, 'join request reload failed'));
});

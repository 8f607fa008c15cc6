import { randomUUID } from 'node:crypto';
import {
  presenceWatchSchema,
  type PresenceChoice,
  type PresenceStatus,
} from '@shared/chat/schemas';
import type { PresenceDTO } from '@shared/chat/types';
import type { PortalSocket, Realtime } from '../../realtime';
import { cluster } from '../../lib/cluster';
import { logger } from '../../lib/logger';
import { InboxModel } from './inbox.model';
import { events } from '../../lib/events';
import { absenceOf } from '../leave/absence';
import { todayInBerlin } from '../leave/holidays';

/** What decides a person's presence. */
export interface PresenceInputs {
  choice: PresenceChoice;
  /** Sockets of the person connected to any instance. */
  sockets: number;
  /** Of those, how many reported `presence:idle {idle: true}`. */
  idleSockets: number;
  /** Last day of the approved leave covering today (hand-over), or null. */
  onLeaveUntil?: string | null;
}

/** The one rule: dnd if chosen; offline without sockets; away if chosen or all idle; else online. */
export function presenceStatus(i: PresenceInputs): PresenceStatus {
  if (i.choice === 'dnd') return 'dnd';
  if (i.sockets <= 0) return 'offline';
  if (i.choice === 'away' || i.idleSockets >= i.sockets) return 'away';
  return 'online';
}

/**
 * What others see: the status, and "on leave until …" during approved leave (the status itself
 * stays as the sockets say; the key is left out when not on leave).
 */
export function presenceOf(personId: string, i: PresenceInputs): PresenceDTO {
  const status = presenceStatus(i);
  return i.onLeaveUntil ? { personId, status, onLeaveUntil: i.onLeaveUntil } : { personId, status };
}

/** The leave input: approved leave covering today in Stuttgart (from the leave read model). */
const leaveUntil = (userId: string): Promise<string | null> =>
  absenceOf(userId, todayInBerlin()).then(
    (a) => a?.until ?? null,
    () => null,
  );

export const presenceRoom = (personId: string) => `presence:${personId}`;
const TOPIC = 'chat-presence';
const HEARTBEAT_MS = 20_000;
/** Another instance's entries are forgotten when it has not been heard of for this long. */
const FORGET_MS = 60_000;

interface Counts {
  sockets: number;
  idle: number;
}
type ClusterMessage =
  | ({ type: 'count'; instanceId: string; userId: string } & Counts)
  | { type: 'hello' | 'heartbeat'; instanceId: string }
  | { type: 'snapshot'; instanceId: string; users: [string, number, number][] }
  | { type: 'choice'; instanceId: string; userId: string; choice: PresenceChoice };

interface PresenceHub {
  choiceChanged(userId: string, choice: PresenceChoice, fromCluster?: boolean): void;
}
const hubs = new Set<PresenceHub>();

/** The settings service tells presence (here and on the other instances) about a new choice. */
export function presenceChoiceChanged(userId: string, choice: PresenceChoice): void {
  for (const hub of hubs) hub.choiceChanged(userId, choice);
}

/**
 * Presence. Each instance counts its own sockets per person (and how many are idle) in memory and
 * tells the others over the cluster bus: `count` on every change, `heartbeat` every 20 s, `hello`
 * at start (answered with a `snapshot`). An instance not heard of for 60 s is forgotten (its people
 * go offline unless connected elsewhere). Every instance computes the same status and sends changes
 * to its OWN sockets in `presence:<id>` (so nobody gets one change twice). Non-`auto` choices
 * are kept in memory (loaded once from the inboxes; updated by `presenceChoiceChanged`).
 */
export function registerPresence(realtime: Realtime): () => void {
  const instanceId = randomUUID();
  const local = new Map<string, Map<string, boolean>>();
  const remote = new Map<string, { heardAt: number; users: Map<string, Counts> }>();
  const choices = new Map<string, PresenceChoice>();
  const shown = new Map<string, PresenceStatus>();
  const shownLeave = new Map<string, string>();
  let ready: Promise<void> | null = null;

  const loadChoices = (): Promise<void> => {
    ready ??= InboxModel.find({ presence: { $ne: 'auto' } }, { presence: 1 })
      .lean<{ _id: unknown; presence: PresenceChoice }[]>()
      .then((rows) => {
        // Choices that arrived while loading are newer than the rows.
        for (const r of rows)
          if (!choices.has(String(r._id))) choices.set(String(r._id), r.presence);
      })
      .catch((err: unknown) => {
        ready = null;
        throw err;
      });
    return ready;
  };

  const localCounts = (userId: string): Counts => {
    const sockets = local.get(userId);
    let idle = 0;
    for (const v of sockets?.values() ?? []) if (v) idle += 1;
    return { sockets: sockets?.size ?? 0, idle };
  };
  const inputs = (userId: string): PresenceInputs => {
    const own = localCounts(userId);
    let sockets = own.sockets;
    let idleSockets = own.idle;
    for (const inst of remote.values()) {
      const c = inst.users.get(userId);
      if (c) {
        sockets += c.sockets;
        idleSockets += c.idle;
      }
    }
    return { choice: choices.get(userId) ?? 'auto', sockets, idleSockets };
  };
  const presenceNow = async (userId: string): Promise<PresenceDTO> => {
    const onLeaveUntil = await leaveUntil(userId);
    // The sockets are counted after the wait, so the answer is as fresh as can be.
    return presenceOf(userId, { ...inputs(userId), onLeaveUntil });
  };

  const recompute = (userId: string) => {
    loadChoices()
      .then(() => presenceNow(userId))
      .then((dto) => {
        const leave = dto.onLeaveUntil ?? undefined;
        if ((shown.get(userId) ?? 'offline') === dto.status && shownLeave.get(userId) === leave) {
          return;
        }
        if (dto.status === 'offline') shown.delete(userId);
        else shown.set(userId, dto.status);
        if (leave) shownLeave.set(userId, leave);
        else shownLeave.delete(userId);
        realtime.io.local.to(presenceRoom(userId)).emit('presence', dto);
      })
      .catch((err: unknown) => logger.warn({ err }, 'presence not computed'));
  };

  const send = (msg: ClusterMessage) => cluster.broadcast(TOPIC, msg);
  const localChanged = (userId: string) => {
    send({ type: 'count', instanceId, userId, ...localCounts(userId) });
    recompute(userId);
  };

  const onMessage = (payload: unknown) => {
    const msg = payload as ClusterMessage;
    if (!msg || typeof msg !== 'object' || msg.instanceId === instanceId) return;
    let inst = remote.get(msg.instanceId);
    if (!inst && msg.type !== 'choice') {
      remote.set(msg.instanceId, (inst = { heardAt: Date.now(), users: new Map() }));
    }
    if (inst) inst.heardAt = Date.now();
    if (msg.type === 'count' && inst) {
      if (msg.sockets > 0) inst.users.set(msg.userId, { sockets: msg.sockets, idle: msg.idle });
      else inst.users.delete(msg.userId);
      recompute(msg.userId);
    } else if (msg.type === 'hello') {
      const users: [string, number, number][] = [];
      for (const id of local.keys()) {
        const c = localCounts(id);
        users.push([id, c.sockets, c.idle]);
      }
      send({ type: 'snapshot', instanceId, users });
    } else if (msg.type === 'snapshot' && inst) {
      const before = [...inst.users.keys()];
      inst.users = new Map(msg.users.map(([id, sockets, idle]) => [id, { sockets, idle }]));
      for (const id of new Set([...before, ...inst.users.keys()])) recompute(id);
    } else if (msg.type === 'choice') {
      hub.choiceChanged(msg.userId, msg.choice, true);
    }
  };

  const hub: PresenceHub = {
    choiceChanged(userId, choice, fromCluster = false) {
      if (choice === 'auto') choices.delete(userId);
      else choices.set(userId, choice);
      if (!fromCluster) send({ type: 'choice', instanceId, userId, choice });
      recompute(userId);
    },
  };
  hubs.add(hub);

  const onConnection = (socket: PortalSocket) => {
    const userId = socket.data.user.id;
    const mine = local.get(userId) ?? new Map<string, boolean>();
    local.set(userId, mine.set(socket.id, false));
    localChanged(userId);
    socket.on('presence:idle', (payload) => {
      const idle = (payload as { idle?: unknown } | null)?.idle;
      if (typeof idle !== 'boolean' || !mine.has(socket.id) || mine.get(socket.id) === idle) return;
      mine.set(socket.id, idle);
      localChanged(userId);
    });
    socket.on('presence:watch', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = presenceWatchSchema.safeParse(payload);
      const ids = parsed.success
        ? [...new Set(parsed.data.personIds.map((id) => id.toLowerCase()))]
        : [];
      for (const room of socket.rooms) if (room.startsWith('presence:')) void socket.leave(room);
      if (ids.length) void socket.join(ids.map(presenceRoom));
      loadChoices()
        .then(() => Promise.all(ids.map(presenceNow)))
        .then(
          (statuses) => reply({ statuses }),
          () => reply({ statuses: [] }),
        );
    });
    socket.on('disconnect', () => {
      mine.delete(socket.id);
      if (mine.size === 0 && local.get(userId) === mine) local.delete(userId);
      localChanged(userId);
    });
  };

  const offCluster = cluster.on(TOPIC, onMessage);
  // Leave approved, cancelled or shortened: "on leave until" may have changed.
  const offLeave = events.on('leave.changed', ({ personId }) => recompute(personId));
  realtime.io.on('connection', onConnection);
  send({ type: 'hello', instanceId });
  void loadChoices().catch((err: unknown) => logger.warn({ err }, 'presence choices not loaded'));
  const timer = setInterval(() => {
    send({ type: 'heartbeat', instanceId });
    const cutoff = Date.now() - FORGET_MS;
    for (const [id, inst] of remote) {
      if (inst.heardAt >= cutoff) continue;
      remote.delete(id);
      for (const userId of inst.users.keys()) recompute(userId);
    }
  }, HEARTBEAT_MS);
  timer.unref();

  return () => {
    clearInterval(timer);
    offCluster();
    offLeave();
    hubs.delete(hub);
    realtime.io.off('connection', onConnection);
  };
}

import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Request, RequestHandler } from 'express';
import type { Store } from 'express-session';
import type { RedisClientType } from 'redis';
import type { ClientToServerEvents, ServerToClientEvents } from '@shared/realtime/events';
import type { Env } from '../env';
import type { CurrentUser } from '../modules/auth/current-user';
import { audit } from '../modules/audit/audit.service';
import { logger } from '../lib/logger';
import { cluster } from '../lib/cluster';
import {
  guardRecovery,
  originAllowed,
  sessionOnHandshake,
  storedSessions,
  userOfHandshake,
} from './auth';
import { defaultSocketRateLimit, limitSocketEvents, type SocketRateLimit } from './rate-limit';

/** Messages between app instances (over the Redis adapter): the cluster bus for cache invalidation. */
export interface InterServerEvents {
  cluster: (topic: string, payload: unknown) => void;
}

export type PortalServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type PortalSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export interface SocketData {
  user: CurrentUser;
}

type EndReason = 'logout' | 'revoked' | 'expired' | 'deactivated';

/** Rooms (besides `user:` and `session:`) a person's sockets join, decided by a feature's policy. */
export type RoomProvider = (user: CurrentUser) => Promise<string[]>;

export interface Realtime {
  io: PortalServer;
  /** Sends an event to every open tab and device of one person, on every instance. */
  toUser<E extends keyof ServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Sends an event to a room (e.g. `room:<id>`), on every instance. */
  toRoom<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Sends to a room except the sockets of one person (e.g. a message to everyone but its sender). */
  toRoomExcept<E extends keyof ServerToClientEvents>(
    room: string,
    exceptUserId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Adds / removes every socket of a person to / from a room at once (membership changes). */
  joinRoom(userId: string, room: string): void;
  leaveRoom(userId: string, room: string): void;
  /** Registers a policy-backed source of rooms joined on connect and checked on recovery. */
  addRoomProvider(provider: RoomProvider): () => void;
  /** Ends the live connections of one session (logout, revocation), on every instance. */
  endSession(sessionId: string, reason: EndReason): Promise<void>;
  endUser(userId: string, reason: 'deactivated' | 'revoked'): Promise<void>;
  close(): Promise<void>;
}

export const userRoom = (id: string) => `user:${id}`;
export const sessionRoom = (id: string) => `session:${id}`;

interface Deps {
  session: RequestHandler;
  /** The session store, to check on recovery that a socket's session still exists. */
  store: Store;
  origins: string[];
  redis: RedisClientType | null;
  env: Env;
  rateLimit?: SocketRateLimit;
}

/**
 * Socket.IO on the app's HTTP server: Origin-checked and session-authenticated at the handshake,
 * re-authenticated on connection state recovery (see `./auth.ts`), packets ≤ 64 KB, client events
 * rate-limited per socket.
 */
export async function attachRealtime(server: http.Server, deps: Deps): Promise<Realtime> {
  const absoluteHours = deps.env.SESSION_ABSOLUTE_HOURS;
  const io: PortalServer = new Server(server, {
    path: '/socket.io',
    serveClient: false,
    // Engine.IO ends other paths' upgrades (the wiki's `/collab`) that wrote nothing within this
    // time; the collab session check can take longer than the 1 s default under load.
    destroyUpgradeTimeout: 10_000,
    // Bigger packets close that one connection (socket.io CVE-2024-38355 class).
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    // Cookie-authenticated handshakes are refused from foreign origins (CORS alone does not stop
    // them) and without a live session: nothing, not even a recovery, starts without one.
    allowRequest: (req, callback) => {
      if (!originAllowed(req, deps.origins)) {
        logger.warn({ origin: req.headers.origin }, 'socket handshake from foreign origin refused');
        return callback('origin_forbidden', false);
      }
      userOfHandshake(req, absoluteHours)
        .then((user) => callback(user ? null : 'unauthenticated', Boolean(user)))
        .catch((err: unknown) => {
          logger.warn({ err }, 'socket handshake auth failed');
          callback('unavailable', false);
        });
    },
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    ...(deps.redis ? { adapter: createAdapter(deps.redis) } : {}),
  });

  io.engine.use(sessionOnHandshake(deps.session));

  // The cluster bus (keyed-cache invalidation) rides on the adapter's server-side events: with
  // Redis they reach every other instance; with one instance there is nobody to tell (and the
  // in-memory adapter does not support them).
  const unplugCluster = deps.redis
    ? cluster.setTransport((topic, payload) => io.serverSideEmit('cluster', topic, payload))
    : () => undefined;
  io.on('cluster', (topic, payload) => {
    if (typeof topic === 'string') cluster.deliver(topic, payload);
  });

  const providers = new Set<RoomProvider>();
  const roomsFor = async (user: CurrentUser): Promise<Set<string>> => {
    const extra = await Promise.all([...providers].map((p) => p(user)));
    return new Set([userRoom(user.id), sessionRoom(user.sessionId), ...extra.flat()]);
  };
  guardRecovery(io.of('/').adapter, { store: deps.store, absoluteHours, allowedRooms: roomsFor });

  // Rooms decided in the middleware, joined synchronously on connection (no event slips between).
  const pendingRooms = new WeakMap<PortalSocket, Set<string>>();

  // Runs on every connect, recovered ones included (skipMiddlewares: false).
  io.use((socket, next) => {
    const req = socket.request as Request;
    const previous = socket.recovered ? socket.data.user : undefined;
    userOfHandshake(req, absoluteHours)
      .then(async (user) => {
        if (!user) return next(new Error('unauthenticated'));
        if (previous && (previous.id !== user.id || previous.sessionId !== user.sessionId)) {
          return next(new Error('unauthenticated'));
        }
        socket.data.user = user;
        pendingRooms.set(socket, await roomsFor(user));
        next();
      })
      .catch((err: unknown) => {
        logger.warn({ err }, 'socket auth failed');
        next(new Error('unavailable'));
      });
  });

  io.on('connection', (socket) => {
    const { user } = socket.data;
    limitSocketEvents(socket, deps.rateLimit ?? defaultSocketRateLimit, () =>
      logger.warn({ userId: user.id }, 'socket disconnected for flooding'),
    );
    void socket.join([
      ...(pendingRooms.get(socket) ?? [userRoom(user.id), sessionRoom(user.sessionId)]),
    ]);
    pendingRooms.delete(socket);
    // The absolute session lifetime also ends live connections.
    const loginAt = (socket.request as Request).session?.loginAt ?? 0;
    const timer = setTimeout(
      () => {
        socket.emit('session:ended', { reason: 'expired' });
        socket.disconnect(true);
      },
      Math.max(0, loginAt + absoluteHours * 3_600_000 - Date.now()),
    );
    timer.unref();
    socket.on('disconnect', () => clearTimeout(timer));
    socket.on('ping', (ack) => {
      if (typeof ack === 'function') ack({ at: new Date().toISOString() });
    });
  });

  // Sockets do not touch the REST session, so they would outlive its idle timeout: check the
  // sessions of this instance's sockets periodically and end those that are gone.
  const sweep = setInterval(() => {
    const bySession = new Map<string, PortalSocket[]>();
    for (const socket of io.of('/').sockets.values()) {
      const sid = socket.data.user?.sessionId;
      if (sid) bySession.set(sid, [...(bySession.get(sid) ?? []), socket]);
    }
    if (bySession.size === 0) return;
    storedSessions([...bySession.keys()])
      .then((alive) => {
        for (const [sid, sockets] of bySession) {
          if (alive.get(sid) === sockets[0]?.data.user.id) continue;
          for (const socket of sockets) {
            socket.emit('session:ended', { reason: 'expired' });
            socket.disconnect(true);
          }
        }
      })
      .catch((err: unknown) => logger.warn({ err }, 'socket session check failed'));
  }, deps.env.SOCKET_SESSION_CHECK_SECONDS * 1000);
  sweep.unref();

  const endSockets = async (room: string, reason: EndReason) => {
    io.to(room).emit('session:ended', { reason });
    io.in(room).disconnectSockets(true);
  };

  return {
    io,
    toUser: (userId, event, ...args) => {
      io.to(userRoom(userId)).emit(event, ...args);
    },
    toRoom: (room, event, ...args) => {
      io.to(room).emit(event, ...args);
    },
    toRoomExcept: (room, exceptUserId, event, ...args) => {
      io.to(room)
        .except(userRoom(exceptUserId))
        .emit(event, ...args);
    },
    joinRoom: (userId, room) => io.in(userRoom(userId)).socketsJoin(room),
    leaveRoom: (userId, room) => io.in(userRoom(userId)).socketsLeave(room),
    addRoomProvider: (provider) => {
      providers.add(provider);
      return () => providers.delete(provider);
    },
    endSession: (sessionId, reason) => endSockets(sessionRoom(sessionId), reason),
    endUser: async (userId, reason) => {
      await endSockets(userRoom(userId), reason);
      await audit({
        action: 'realtime.user_disconnected',
        subjectType: 'person',
        subjectId: userId,
        detail: { reason },
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        unplugCluster();
        io.close(() => resolve());
      }),
  };
}

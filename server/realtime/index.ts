import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { RequestHandler, Request } from 'express';
import type { RedisClientType } from 'redis';
import type { ClientToServerEvents, ServerToClientEvents } from '@shared/realtime/events';
import type { Env } from '../env';
import { loadCurrentUser, sessionExpired } from '../modules/auth/authenticate';
import type { CurrentUser } from '../modules/auth/current-user';
import { audit } from '../modules/audit/audit.service';
import { logger } from '../lib/logger';

export type PortalServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type PortalSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export interface SocketData {
  user: CurrentUser;
}

export interface Realtime {
  io: PortalServer;
  /** Sends an event to every open tab and device of one person, on every instance. */
  toUser<E extends keyof ServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Ends the live connections of one session (logout, revocation), on every instance. */
  endSession(
    sessionId: string,
    reason: 'logout' | 'revoked' | 'expired' | 'deactivated',
  ): Promise<void>;
  endUser(userId: string, reason: 'deactivated'): Promise<void>;
  close(): Promise<void>;
}

export const userRoom = (id: string) => `user:${id}`;
export const sessionRoom = (id: string) => `session:${id}`;

interface Deps {
  session: RequestHandler;
  origins: string[];
  redis: RedisClientType | null;
  env: Env;
}

/** Socket.IO on the app's HTTP server: session-authenticated, Origin-checked, recovery re-authenticates. */
export async function attachRealtime(server: http.Server, deps: Deps): Promise<Realtime> {
  const io: PortalServer = new Server(server, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    // Cookie-authenticated handshakes are refused from foreign origins (CORS alone does not stop them).
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, typeof origin === 'string' && deps.origins.includes(origin));
    },
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    ...(deps.redis ? { adapter: createAdapter(deps.redis) } : {}),
  });

  io.engine.use(deps.session);

  io.use((socket, next) => {
    const req = socket.request as Request;
    const userId = req.session?.userId;
    if (!userId || sessionExpired(req.session.loginAt, deps.env.SESSION_ABSOLUTE_HOURS)) {
      return next(new Error('unauthenticated'));
    }
    loadCurrentUser(userId, req.sessionID)
      .then((user) => {
        if (!user) return next(new Error('unauthenticated'));
        socket.data.user = user;
        next();
      })
      .catch((err: unknown) => {
        logger.warn({ err }, 'socket auth failed');
        next(new Error('unavailable'));
      });
  });

  io.on('connection', (socket) => {
    const { user } = socket.data;
    void socket.join([userRoom(user.id), sessionRoom(user.sessionId)]);
    socket.on('ping', (ack) => {
      if (typeof ack === 'function') ack({ at: new Date().toISOString() });
    });
  });

  const endSockets = async (
    room: string,
    reason: 'logout' | 'revoked' | 'expired' | 'deactivated',
  ) => {
    io.to(room).emit('session:ended', { reason });
    io.in(room).disconnectSockets(true);
  };

  return {
    io,
    toUser: (userId, event, ...args) => {
      io.to(userRoom(userId)).emit(event, ...args);
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
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

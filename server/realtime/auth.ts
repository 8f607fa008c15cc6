import mongoose from 'mongoose';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Store, SessionData } from 'express-session';
import type { Namespace } from 'socket.io';
import { loadCurrentUser, sessionExpired } from '../modules/auth/authenticate';
import type { CurrentUser } from '../modules/auth/current-user';

/**
 * Authentication of live connections. Three gates, because Socket.IO restores a recovered
 * socket's rooms and missed packets *before* its middleware runs:
 * 1. the Engine.IO handshake (`allowRequest`): foreign Origin or no valid session → refused;
 * 2. recovery (`guardRecovery`): only if the recovered socket's own session is still alive and
 *    the person still active, else the client starts fresh and catches up over REST;
 * 3. the namespace middleware (`skipMiddlewares: false`, so also on recovery): loads the person
 *    and refuses a recovered socket that belonged to a different session.
 */

type Adapter = Namespace['adapter'];
type Session = Awaited<ReturnType<Adapter['restoreSession']>>;
type HandshakeRequest = IncomingMessage & { _query?: Record<string, string | undefined> };

/** express-session only on the handshake request: polling requests must not touch the store. */
export function sessionOnHandshake(session: RequestHandler) {
  return (req: HandshakeRequest, res: unknown, next: (err?: unknown) => void) => {
    if (req._query?.sid !== undefined) return next();
    session(req as Request, res as Parameters<RequestHandler>[1], next);
  };
}

/** The signed-in person of a handshake request (session loaded by `sessionOnHandshake`). */
export async function userOfHandshake(
  req: IncomingMessage,
  absoluteHours: number,
): Promise<CurrentUser | null> {
  const { session, sessionID } = req as Request;
  const userId = session?.userId;
  if (!userId || sessionExpired(session.loginAt, absoluteHours)) return null;
  return loadCurrentUser(userId, sessionID);
}

export function originAllowed(req: IncomingMessage, origins: string[]): boolean {
  const origin = req.headers.origin;
  return typeof origin === 'string' && origins.includes(origin);
}

const getSession = (store: Store, sid: string) =>
  new Promise<SessionData | null>((resolve, reject) =>
    store.get(sid, (err: unknown, s?: SessionData | null) =>
      err ? reject(err) : resolve(s ?? null),
    ),
  );

/**
 * Which of these sessions the store still holds, as session id → person id: one query per 500
 * ids. The socket sweep checks every open socket's session each minute; one store read per
 * session (1,000 sockets → 1,000 reads, each decoding the sessions collection on the embedded
 * engine) stalled the database for seconds. connect-mongo keeps `{ _id, expires, session }`
 * unstringified (see `revokeSessionsOf`).
 */
export async function storedSessions(sessionIds: string[]): Promise<Map<string, string>> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  const found = new Map<string, string>();
  const now = new Date();
  for (let i = 0; i < sessionIds.length; i += 500) {
    const docs = await db
      .collection<{ _id: string; expires?: Date; session?: { userId?: string } }>('sessions')
      .find(
        { _id: { $in: sessionIds.slice(i, i + 500) } },
        { projection: { expires: 1, 'session.userId': 1 } },
      )
      .toArray();
    for (const d of docs) {
      if ((!d.expires || d.expires > now) && d.session?.userId) found.set(d._id, d.session.userId);
    }
  }
  return found;
}

/** Whether a session is still the live session of this person (not logged out, revoked or expired). */
export async function sessionAlive(
  store: Store,
  user: Pick<CurrentUser, 'id' | 'sessionId'>,
  absoluteHours: number,
): Promise<boolean> {
  const s = await getSession(store, user.sessionId);
  if (!s || s.userId !== user.id || sessionExpired(s.loginAt, absoluteHours)) return false;
  return (await loadCurrentUser(user.id, user.sessionId)) !== null;
}

/**
 * Wraps the adapter's `restoreSession` so a connection is only recovered when its session is
 * alive and every room it was in is still allowed (`allowedRooms`). A refused recovery is a normal
 * new connection: the socket gets no old rooms and no missed packets.
 */
export function guardRecovery(
  adapter: Adapter,
  deps: {
    store: Store;
    absoluteHours: number;
    allowedRooms: (user: CurrentUser) => Promise<Set<string>>;
  },
): void {
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid: string, offset: string): Promise<Session> => {
    const session = await restore(pid, offset);
    const user = (session?.data as { user?: CurrentUser } | undefined)?.user;
    if (!session || !user || !(await sessionAlive(deps.store, user, deps.absoluteHours))) {
      throw new Error('recovery refused: session ended');
    }
    const allowed = await deps.allowedRooms(user);
    if (!session.rooms.every((room) => room === session.sid || allowed.has(room))) {
      throw new Error('recovery refused: rooms changed');
    }
    return session;
  };
}

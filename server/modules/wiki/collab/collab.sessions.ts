import mongoose from 'mongoose';
import type { WebSocket } from 'ws';
import { cluster } from '../../../lib/cluster';
import { events } from '../../../lib/events';
import { logger } from '../../../lib/logger';
import { loadCurrentUser } from '../../auth/authenticate';
import type { CurrentUser } from '../../auth/current-user';
import { storedSessions } from '../../../realtime/auth';

/**
 * The sessions behind open co-editing WebSockets. One WebSocket carries many documents and
 * Hocuspocus re-runs `onAuthenticate` with the context of the upgrade for every document opened
 * on it, so ending a session must close the WebSocket itself (not only its documents), on every
 * instance, and each document open re-checks the session and the person (`currentCollabUser`).
 * WebSockets do not touch the REST session either: a sweep ends those whose session is gone
 * (idle timeout, logout elsewhere), as Socket.IO's does.
 */

const TOPIC = 'wiki-collab:end';
type EndMessage = { sessionId: string } | { personId: string };

export interface CollabSessions {
  add(ws: WebSocket, user: CurrentUser): void;
  /** Checks every open WebSocket's session once; returns how many were closed. */
  checkSessions(): Promise<number>;
  stop(): void;
}

/** The connection's person as of now: null when the session ended or the person is inactive. */
export async function currentCollabUser(user: CurrentUser): Promise<CurrentUser | null> {
  const db = mongoose.connection.db;
  if (!db) return null;
  // One `_id` read (any other filter scans the collection on the embedded engine).
  const row = await db
    .collection<{ _id: string; expires?: Date; session?: { userId?: string } }>('sessions')
    .findOne({ _id: user.sessionId }, { projection: { expires: 1, 'session.userId': 1 } });
  if (!row || row.session?.userId !== user.id) return null;
  if (row.expires && row.expires <= new Date()) return null;
  return loadCurrentUser(user.id, user.sessionId);
}

export function trackCollabSessions(opts: { checkSeconds: number }): CollabSessions {
  const open = new Map<WebSocket, CurrentUser>();

  const end = (match: (u: CurrentUser) => boolean, code: number, reason: string) => {
    let n = 0;
    for (const [ws, user] of open) {
      if (!match(user)) continue;
      open.delete(ws);
      ws.close(code, reason);
      n += 1;
    }
    return n;
  };
  const endBy = (msg: EndMessage) =>
    'sessionId' in msg
      ? end((u) => u.sessionId === msg.sessionId, 4401, 'session_ended')
      : end((u) => u.id === msg.personId, 4401, 'session_ended');
  const endEverywhere = (msg: EndMessage) => {
    endBy(msg);
    cluster.broadcast(TOPIC, msg);
  };

  const checkSessions = async () => {
    const sessionIds = [...new Set([...open.values()].map((u) => u.sessionId))];
    if (sessionIds.length === 0) return 0;
    const alive = await storedSessions(sessionIds);
    return end((u) => alive.get(u.sessionId) !== u.id, 4401, 'session_expired');
  };
  const sweep = setInterval(() => {
    checkSessions().catch((err: unknown) => logger.warn({ err }, 'collab session check failed'));
  }, opts.checkSeconds * 1000);
  sweep.unref();

  const offs = [
    events.on('auth.logout', (e) => endEverywhere({ sessionId: e.sessionId })),
    events.on('person.deactivated', (e) => endEverywhere({ personId: e.personId })),
    events.on('person.sessions_revoked', (e) => endEverywhere({ personId: e.personId })),
    cluster.on(TOPIC, (payload) => {
      const msg = payload as Partial<{ sessionId: unknown; personId: unknown }> | null;
      if (typeof msg?.sessionId === 'string') endBy({ sessionId: msg.sessionId });
      else if (typeof msg?.personId === 'string') endBy({ personId: msg.personId });
    }),
  ];

  return {
    add(ws, user) {
      open.set(ws, user);
      ws.once('close', () => open.delete(ws));
    },
    checkSessions,
    stop() {
      clearInterval(sweep);
      offs.forEach((off) => off());
      open.clear();
    },
  };
}

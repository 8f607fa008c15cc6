import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestHandler, Request, Response } from 'express';
import { Hocuspocus, type Document, type Extension } from '@hocuspocus/server';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { collabDocName, parseCollabDocName } from '@shared/wiki/schemas';
import { logger } from '../../../lib/logger';
import { auditRefusedJoin } from '../../audit/deny';
import type { CurrentUser } from '../../auth/current-user';
import { originAllowed, userOfHandshake } from '../../../realtime/auth';
import { pageAccess, viewerOf } from '../access';
import { afterContentStored, logStoreError } from '../content/content.service';
import { liveDocs, setLiveDocs, type LiveDocs } from '../content/live-docs';
import { createRevision } from '../content/revision.service';
import { loadState, storeState } from '../content/ydoc.store';
import { watchCollabAccess } from './collab.access';
import { awarenessEntriesIn, awarenessIsOwn } from './awareness-guard';
import { currentCollabUser, trackCollabSessions } from './collab.sessions';

/**
 * Co-editing: Hocuspocus on the app's own HTTP server, upgrade path `/collab` only (Socket.IO
 * keeps `/socket.io`). The upgrade is refused before the WebSocket opens for a foreign Origin
 * (403) or without a live session (401); each document is then authorised per page
 * (`onAuthenticate`): not readable → refused, readable without edit → read-only connection.
 */

export const COLLAB_PATH = '/collab';
/** Quiet time after changes before an `idle` revision is kept. */
export const IDLE_REVISION_MS = 2 * 60_000;

export interface CollabContext {
  user: CurrentUser;
}

export interface CollabServer {
  hocuspocus: Hocuspocus;
  /** Closes every WebSocket whose session is gone (runs periodically); returns how many. */
  checkSessions(): Promise<number>;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, text: string) {
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroy();
}

/** Runs express-session on an upgrade request (no real response exists for it). */
const loadSession = (session: RequestHandler, req: http.IncomingMessage) =>
  new Promise<void>((resolve, reject) => {
    const res = new http.ServerResponse(req);
    session(req as Request, res as unknown as Response, (err?: unknown) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
    );
  });

export function attachCollab(
  server: http.Server,
  opts: {
    session: RequestHandler;
    allowedOrigins: string[];
    redisUrl?: string;
    /** Absolute session lifetime (hours), as for Socket.IO. */
    absoluteHours?: number;
    /** Quiet time before an idle revision (tests shorten it). */
    idleRevisionMs?: number;
    /** How often open connections' sessions are checked (idle timeout, logout elsewhere). */
    sessionCheckSeconds?: number;
  },
): CollabServer {
  const absoluteHours = opts.absoluteHours ?? 12;
  const idleMs = opts.idleRevisionMs ?? IDLE_REVISION_MS;
  // Who changed each loaded document since its last store.
  const editors = new Map<string, Set<string>>();
  const idleTimers = new Map<string, NodeJS.Timeout>();
  const directChanges = new Set<string>();

  const keepIdle = (pageId: string) => {
    createRevision(pageId, 'idle', null).catch((err: unknown) =>
      logger.warn({ err, pageId }, 'wiki idle revision failed'),
    );
  };
  const scheduleIdle = (pageId: string) => {
    clearTimeout(idleTimers.get(pageId));
    const t = setTimeout(() => {
      idleTimers.delete(pageId);
      keepIdle(pageId);
    }, idleMs);
    t.unref();
    idleTimers.set(pageId, t);
  };

  const content: Extension = {
    extensionName: 'wiki-content',
    async onAuthenticate({ documentName, context, connectionConfig }) {
      const upgraded = (context as Partial<CollabContext>).user;
      const pageId = parseCollabDocName(documentName);
      if (!upgraded || !pageId) throw new Error('forbidden');
      // Every document opened on a long-lived WebSocket: the session must still be alive and the
      // person's roles and unit are read now (the upgrade's copy may be hours old).
      const user = await currentCollabUser(upgraded);
      if (!user) throw new Error('forbidden');
      const access = await pageAccess(await viewerOf(user), pageId);
      if (!access) {
        await auditRefusedJoin(user.id, 'collab:open', { type: 'wiki_page', id: pageId });
        throw new Error('forbidden');
      }
      if (!access.abilities.edit) connectionConfig.readOnly = true;
      return { user };
    },
    async beforeHandleMessage({ update, context, document }) {
      const entries = awarenessEntriesIn(update);
      if (!entries) return;
      const user = (context as Partial<CollabContext>).user;
      const clockOf = (id: number) => document.awareness.meta.get(id)?.clock;
      // A caret under another name closes the connection (the provider reconnects; honest
      // clients never send one).
      if (!user || !awarenessIsOwn(entries, user, clockOf)) {
        throw new Error('awareness of another person');
      }
    },
    async onLoadDocument({ documentName, document }) {
      const pageId = parseCollabDocName(documentName);
      if (!pageId) throw new Error('not_found');
      const stored = await loadState(pageId);
      if (stored) Y.applyUpdate(document, stored.state);
      return document;
    },
    async onChange({ documentName, context }) {
      const id = (context as Partial<CollabContext>).user?.id;
      if (!id) return;
      let set = editors.get(documentName);
      if (!set) editors.set(documentName, (set = new Set()));
      set.add(id);
    },
    async onStoreDocument({ documentName, document, context }) {
      const pageId = parseCollabDocName(documentName);
      if (!pageId) return;
      const authorIds = [...(editors.get(documentName) ?? [])];
      editors.delete(documentName);
      const actorId =
        authorIds.at(-1) ?? (context as { actorId?: string; user?: CurrentUser }).actorId ?? null;
      try {
        await storeState(pageId, Y.encodeStateAsUpdate(document), {
          dirty: true,
          authorIds: actorId && !authorIds.includes(actorId) ? [...authorIds, actorId] : authorIds,
        });
      } catch (err) {
        // Put the editors back so the next store still credits them, and let Hocuspocus retry.
        for (const a of authorIds) editors.get(documentName)?.add(a);
        logStoreError(pageId, err);
        throw err;
      }
      scheduleIdle(pageId);
      await afterContentStored(pageId, document, actorId).catch((err: unknown) =>
        logStoreError(pageId, err),
      );
    },
    async afterUnloadDocument({ documentName }) {
      // The last editor left and everything is stored: keep what changed as a revision now.
      const pageId = parseCollabDocName(documentName);
      if (!pageId || closing) return;
      // A server-side change (restore) keeps its own revision.
      if (directChanges.delete(pageId)) return;
      clearTimeout(idleTimers.get(pageId));
      idleTimers.delete(pageId);
      keepIdle(pageId);
    },
  };

  const extensions: Extension[] = [content];
  let redis: RedisExtension | null = null;
  if (opts.redisUrl) {
    const url = opts.redisUrl;
    redis = new RedisExtension({ createClient: () => new IORedis(url) });
    extensions.unshift(redis);
  }

  const hocuspocus = new Hocuspocus({
    name: 'wiki',
    quiet: true,
    debounce: 1_000,
    maxDebounce: 5_000,
    timeout: 30_000,
    extensions,
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  let closing = false;
  const sessions = trackCollabSessions({ checkSeconds: opts.sessionCheckSeconds ?? 60 });

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== COLLAB_PATH) return; // Socket.IO's (or nobody's) upgrade
    if (closing) return refuse(socket, 503, 'Service Unavailable');
    if (!originAllowed(req, opts.allowedOrigins)) {
      logger.warn({ origin: req.headers.origin }, 'collab upgrade from foreign origin refused');
      return refuse(socket, 403, 'Forbidden');
    }
    socket.on('error', () => socket.destroy());
    loadSession(opts.session, req)
      .then(() => userOfHandshake(req, absoluteHours))
      .then((user) => {
        if (!user) return refuse(socket, 401, 'Unauthorized');
        if (closing) return refuse(socket, 503, 'Service Unavailable');
        wss.handleUpgrade(req, socket, head, (ws) => {
          const context: CollabContext = { user };
          sessions.add(ws, user);
          hocuspocus.handleConnection(ws, req, context);
          // The absolute session lifetime also ends this connection (as for Socket.IO).
          const loginAt = (req as Request).session?.loginAt ?? 0;
          const end = setTimeout(
            () => ws.close(4401, 'session_expired'),
            Math.max(0, loginAt + absoluteHours * 3_600_000 - Date.now()),
          );
          end.unref();
          ws.once('close', () => clearTimeout(end));
        });
      })
      .catch((err: unknown) => {
        logger.warn({ err }, 'collab upgrade failed');
        refuse(socket, 503, 'Service Unavailable');
      });
  };
  server.on('upgrade', onUpgrade);

  const docOf = (pageId: string) => hocuspocus.documents.get(collabDocName(pageId));
  const live: LiveDocs = {
    loaded: (pageId) => docOf(pageId),
    change: async (pageId, actorId, change) => {
      directChanges.add(pageId);
      const conn = await hocuspocus.openDirectConnection(collabDocName(pageId), { actorId });
      try {
        await conn.transact((doc) => change(doc));
      } finally {
        await conn.disconnect();
      }
    },
  };
  setLiveDocs(live);

  const stopWatching = watchCollabAccess(hocuspocus);

  return {
    hocuspocus,
    checkSessions: () => sessions.checkSessions(),
    async close() {
      if (closing) return;
      closing = true;
      server.off('upgrade', onUpgrade);
      stopWatching();
      sessions.stop();
      for (const t of idleTimers.values()) clearTimeout(t);
      idleTimers.clear();
      // Store every loaded document before the database goes away.
      const docs: Document[] = [...hocuspocus.documents.values()];
      await Promise.allSettled(
        docs.map((document) =>
          hocuspocus.storeDocumentHooks(
            document,
            {
              clientsCount: document.getConnectionsCount(),
              context: {},
              document,
              documentName: document.name,
              instance: hocuspocus,
              requestHeaders: {},
              requestParameters: new URLSearchParams(),
              socketId: 'server',
            },
            true,
          ),
        ),
      );
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      if (liveDocs() === live) setLiveDocs(null);
      if (redis) await redis.onDestroy().catch(() => undefined);
    },
  };
}

import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider';
import { collabDocName } from '@shared/wiki/schemas';
import type { PageDTO, SpaceDTO } from '@shared/wiki/types';
import { loadEnv } from '../../../env';
import { createApp } from '../../../app';
import { cluster } from '../../../lib/cluster';
import { createSessionStore, sessionMiddleware } from '../../../middleware/session';
import { signIn, type SignedIn } from '../../../realtime/test-support';
import { useTestDatabase } from '../../../test/db';
import { TEST_PASSWORD, makePerson } from '../../../test/app';
import { PageModel } from '../page.model';
import { attachCollab, type CollabServer } from './collab.server';

/**
 * The sessions behind co-editing WebSockets: logout (here or on another instance), revocation,
 * the idle timeout and role changes end what the session allowed, also for a crafted client that
 * keeps its WebSocket open and authenticates a document again.
 */

useTestDatabase();

const PORT = 3816;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let server: http.Server;
let collab: CollabServer;
let page: PageDTO;
type Login = SignedIn & { id: string };
const who = {} as Record<'owner' | 'editor' | 'admin' | 'boss', Login>;
const ids: Record<string, string> = {};
const login = async (username: string): Promise<Login> => ({
  ...(await signIn(ORIGIN, username, TEST_PASSWORD)),
  id: ids[username]!,
});

async function api<T>(l: Login, method: string, path: string, body?: object): Promise<T> {
  const res = await fetch(`${ORIGIN}${path}`, {
    method,
    headers: {
      cookie: l.cookie,
      'x-csrf-token': l.csrf,
      'content-type': 'application/json',
      origin: ORIGIN,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (res.status === 204 ? null : ((await res.json()) as { data: T }).data) as T;
}

async function waitFor(what: string, cond: () => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A provider on its own WebSocket that does not reconnect by itself (a crafted client decides). */
function connect(l: Login) {
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { origin: ORIGIN, cookie: l.cookie } });
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${PORT}/collab`,
    WebSocketPolyfill: CookieSocket,
    maxAttempts: 1,
  });
  // Once the server closed it, stay closed (a reconnect would only be refused with 401).
  socket.on('disconnect', () => {
    socket.shouldConnect = false;
  });
  const state = { synced: false, failed: false, docClosed: false, authenticated: 0 };
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: collabDocName(page.id),
    document: new Y.Doc(),
    token: 'session',
    onAuthenticated: () => {
      state.authenticated += 1;
    },
    onAuthenticationFailed: () => {
      state.failed = true;
    },
    onSynced: () => {
      state.synced = true;
    },
    onClose: () => {
      state.docClosed = true;
    },
  });
  provider.attach();
  return {
    state,
    socketOpen: () => socket.status === WebSocketStatus.Connected,
    /** What a crafted client can do after the server closed the document: authenticate again. */
    reauthenticate: async () => {
      state.failed = false;
      await provider.sendToken();
      provider.startSync();
    },
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

beforeAll(async () => {
  const env = loadEnv({ NODE_ENV: 'test', STATIC_DIR: './does-not-exist', LOG_LEVEL: 'silent' });
  const session = sessionMiddleware(env, createSessionStore(), 'collab-sessions-secret-0123');
  server = http.createServer(createApp({ env, session, origins: [ORIGIN], redis: null }));
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
  // The sweep runs only when the test says (a long interval).
  collab = attachCollab(server, { session, allowedOrigins: [ORIGIN], sessionCheckSeconds: 3600 });
  const owner = await makePerson({ username: 'cs-owner', roles: ['employee', 'editor'] });
  const people = [
    owner,
    await makePerson({ username: 'cs-editor', unitId: owner.unitId }),
    await makePerson({ username: 'cs-admin', roles: ['employee', 'admin'] }), // other unit
    await makePerson({ username: 'cs-boss', roles: ['employee', 'admin'] }),
  ];
  for (const p of people) ids[p.username] = p.id;
  who.owner = await login('cs-owner');
  who.editor = await login('cs-editor');
  who.admin = await login('cs-admin');
  who.boss = await login('cs-boss');
  const space = await api<SpaceDTO>(who.owner, 'POST', '/api/wiki/spaces', {
    key: 'cs-space',
    name: 'Sitzungen',
    kind: 'topic',
    audience: { units: [{ unitId: owner.unitId, withSubunits: true }], roles: [], locationIds: [] },
    defaultRole: 'editor',
  });
  page = await api<PageDTO>(who.owner, 'POST', '/api/wiki/pages', {
    id: randomUUID(),
    spaceId: space.id,
    title: 'Sitzung',
  });
}, 60_000);

afterAll(async () => {
  await collab?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

describe('co-editing WebSockets follow their session', () => {
  it('logout closes the whole WebSocket and tells the other instances', async () => {
    const sent: [string, unknown][] = [];
    const unplug = cluster.setTransport((topic, payload) => sent.push([topic, payload]));
    try {
      const me = await login('cs-editor');
      const c = connect(me);
      await waitFor('synced', () => c.state.synced);
      await api(me, 'POST', '/api/auth/logout');
      await waitFor('socket closed', () => !c.socketOpen());
      expect(sent).toContainEqual(['wiki-collab:end', { sessionId: expect.any(String) }]);
      c.destroy();
    } finally {
      unplug();
    }
  });

  it('a logout on another instance closes this instance’s WebSockets of that session', async () => {
    const me = await login('cs-editor');
    const c = connect(me);
    const other = connect(who.owner);
    await waitFor('synced', () => c.state.synced && other.state.synced);
    const row = await mongoose.connection
      .db!.collection<{ _id: string; session: { userId: string } }>('sessions')
      .find({ 'session.userId': me.id })
      .toArray();
    // The other instance removed the session and broadcast its end.
    for (const r of row) cluster.deliver('wiki-collab:end', { sessionId: r._id });
    await waitFor('socket closed', () => !c.socketOpen());
    expect(other.socketOpen()).toBe(true);
    c.destroy();
    other.destroy();
  });

  it('ends WebSockets whose session expired (idle timeout) at the sweep', async () => {
    const me = await login('cs-editor');
    const c = connect(me);
    await waitFor('synced', () => c.state.synced);
    expect(await collab.checkSessions()).toBe(0);
    await mongoose.connection
      .db!.collection('sessions')
      .updateMany({ 'session.userId': me.id }, { $set: { expires: new Date(Date.now() - 1000) } });
    expect(await collab.checkSessions()).toBeGreaterThanOrEqual(1);
    await waitFor('socket closed', () => !c.socketOpen());
    c.destroy();
  });

  it('refuses a document authenticated again on an open WebSocket after the session ended', async () => {
    const me = await login('cs-editor');
    const c = connect(me);
    await waitFor('synced', () => c.state.synced);
    // The session is gone (e.g. logout elsewhere, before any sweep); the WebSocket is still open.
    await mongoose.connection.db!.collection('sessions').deleteMany({ 'session.userId': me.id });
    // Closing the document (as an access re-check does) and authenticating it again.
    for (const doc of collab.hocuspocus.documents.values()) {
      for (const conn of doc.getConnections()) {
        const user = (conn.context as { user?: { id: string } }).user;
        if (user?.id === me.id) conn.close({ code: 4403, reason: 'forbidden' });
      }
    }
    await waitFor('document closed', () => c.state.docClosed);
    const before = c.state.authenticated;
    await c.reauthenticate();
    await waitFor('refused', () => c.state.failed);
    expect(c.state.authenticated).toBe(before);
    c.destroy();
  });

  it('reads roles fresh when a document is authenticated again on the same WebSocket', async () => {
    // A portal admin outside the audience is space admin only through the role.
    const c = connect(who.admin);
    await waitFor('synced', () => c.state.synced);
    await api(who.boss, 'PATCH', `/api/people/${who.admin.id}`, { roles: ['employee'] });
    await waitFor('document closed by the re-check', () => c.state.docClosed);
    expect(c.socketOpen()).toBe(true);
    const before = c.state.authenticated;
    await c.reauthenticate();
    await waitFor('refused', () => c.state.failed);
    expect(c.state.authenticated).toBe(before);
    c.destroy();
  });

  it('access changes made on another instance close this instance’s documents too', async () => {
    const sent: [string, unknown][] = [];
    const unplug = cluster.setTransport((topic, payload) => sent.push([topic, payload]));
    try {
      const c = connect(await login('cs-editor'));
      await waitFor('synced', () => c.state.synced);
      // Another instance restricted the page to its owner: the row changed in the database, no
      // event here, only its cluster messages.
      await PageModel.updateOne(
        { _id: page.id },
        { $set: { restriction: { personIds: [who.owner.id], unitIds: [] } }, $inc: { rev: 1 } },
      );
      cluster.deliver('wiki-collab:recheck', { pageId: page.id });
      await waitFor('document closed', () => c.state.docClosed);
      c.destroy();
      // And a change made here is announced to the others.
      const current = await api<PageDTO>(who.owner, 'GET', `/api/wiki/pages/${page.id}`);
      await api(who.owner, 'PATCH', `/api/wiki/pages/${page.id}`, {
        rev: current.rev,
        restriction: null,
      });
      expect(sent).toContainEqual(['wiki-collab:recheck', { pageId: page.id }]);
    } finally {
      unplug();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { COLLAB_FIELD, collabDocName } from '@shared/wiki/schemas';
import type { PageDTO, RevisionDTO, SpaceDTO } from '@shared/wiki/types';
import { loadEnv } from '../../../env';
import { startServer, type RunningServer } from '../../../main';
import { testDatabaseUri } from '../../../test/db';
import { TEST_PASSWORD, makePerson } from '../../../test/app';
import { AuditModel } from '../../audit/audit.model';

/**
 * Co-editing end to end in Node: the real server (app + Socket.IO + /collab) on the test
 * database, two providers with session cookies, a restart mid-session on the same database.
 */

const PORT = 3811;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const env = () =>
  loadEnv({
    NODE_ENV: 'test',
    MONGODB_URI: testDatabaseUri(),
    PORT: String(PORT),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    STATIC_DIR: './does-not-exist',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'collab-test-secret-0123456789',
  });

let server: RunningServer;
interface Login {
  cookie: string;
  csrf: string;
}
const who = {} as Record<'editor' | 'editor2' | 'reader' | 'outsider', Login>;
let page: PageDTO;

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

async function login(username: string): Promise<Login> {
  const r1 = await fetch(`${ORIGIN}/api/auth/csrf`);
  const token = ((await r1.json()) as { token: string }).token;
  const r2 = await fetch(`${ORIGIN}/api/auth/login`, {
    method: 'POST',
    headers: {
      cookie: cookiesOf(r1),
      'x-csrf-token': token,
      'content-type': 'application/json',
      origin: ORIGIN,
    },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(r2.status).toBe(200);
  return {
    cookie: cookiesOf(r2),
    csrf: ((await r2.json()) as { data: { csrfToken: string } }).data.csrfToken,
  };
}

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
  return ((await res.json()) as { data: T }).data;
}

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function connect(l: Login | null, origin = ORIGIN) {
  const headers: Record<string, string> = { origin };
  if (l) headers.cookie = l.cookie;
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${PORT}/collab`,
    WebSocketPolyfill: CookieSocket,
    delay: 100,
    factor: 1.5,
    minDelay: 50,
    maxDelay: 500,
  });
  const doc = new Y.Doc();
  const state = { failed: false, synced: false, closed: false };
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: collabDocName(page.id),
    document: doc,
    token: 'session',
    onAuthenticationFailed: () => {
      state.failed = true;
    },
    onSynced: () => {
      state.synced = true;
    },
    onClose: () => {
      state.closed = true;
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    state,
    text: () => doc.getXmlFragment(COLLAB_FIELD).toString(),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}
type Client = ReturnType<typeof connect>;

/** The text node of the first paragraph (created on first use). */
function firstText(c: Client): Y.XmlText {
  const para = c.doc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement;
  let t = para.get(0) as Y.XmlText | undefined;
  if (!(t instanceof Y.XmlText)) {
    t = new Y.XmlText();
    para.insert(0, [t]);
  }
  return t;
}
const acked = (c: Client) => waitFor('acknowledged', () => !c.provider.hasUnsyncedChanges);

/** The stored Yjs state's text, read with a separate client (the server is down). */
async function storedText(pageId: string): Promise<string> {
  const client = new mongoose.mongo.MongoClient(testDatabaseUri());
  try {
    await client.connect();
    const row = await client
      .db()
      .collection<{ _id: string; state: { buffer: Uint8Array } }>('wiki_ydocs')
      .findOne({ _id: pageId });
    const doc = new Y.Doc();
    if (row) Y.applyUpdate(doc, new Uint8Array(row.state.buffer));
    return doc.getXmlFragment(COLLAB_FIELD).toString();
  } finally {
    await client.close();
  }
}

/** An HTTP status for a raw upgrade attempt (101 = opened). */
const upgradeStatus = (headers: Record<string, string>) =>
  new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${PORT}/collab`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });

beforeAll(async () => {
  server = await startServer(env());
  await mongoose.connection.db?.dropDatabase();
  const owner = await makePerson({ username: 'co-editor', roles: ['employee', 'editor'] });
  await makePerson({ username: 'co-editor2', unitId: owner.unitId });
  await makePerson({ username: 'co-reader', unitId: owner.unitId });
  await makePerson({ username: 'co-outsider' });
  who.editor = await login('co-editor');
  who.editor2 = await login('co-editor2');
  who.reader = await login('co-reader');
  who.outsider = await login('co-outsider');
  const space = await api<SpaceDTO>(who.editor, 'POST', '/api/wiki/spaces', {
    key: 'co-space',
    name: 'Co',
    kind: 'topic',
    audience: { units: [{ unitId: owner.unitId, withSubunits: true }], roles: [], locationIds: [] },
  });
  const editor2 = (await mongoose.connection.db
    ?.collection('people')
    .findOne({ username: 'co-editor2' }))!._id;
  await api(who.editor, 'PUT', `/api/wiki/spaces/${space.id}/members`, {
    personId: String(editor2),
    role: 'editor',
  });
  page = await api<PageDTO>(who.editor, 'POST', '/api/wiki/pages', {
    id: randomUUID(),
    spaceId: space.id,
    title: 'Gemeinsam',
  });
}, 60_000);

afterAll(async () => {
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await server?.close();
});

describe('wiki co-editing over /collab', () => {
  it('refuses upgrades without a session (401) or from a foreign origin (403)', async () => {
    expect(await upgradeStatus({ origin: ORIGIN })).toBe(401);
    expect(await upgradeStatus({ origin: 'https://evil.example', cookie: who.editor.cookie })).toBe(
      403,
    );
    expect(await upgradeStatus({ origin: ORIGIN, cookie: who.editor.cookie })).toBe(101);
  });

  it('relays carets under the real name only: a caret under another name never arrives', async () => {
    const me = (l: Login) => api<{ id: string; displayName: string }>(l, 'GET', '/api/me');
    const [one, two] = [await me(who.editor), await me(who.editor2)];
    const a = connect(who.editor);
    const b = connect(who.editor2);
    await waitFor('both synced', () => a.state.synced && b.state.synced);
    const namesSeenBy = (c: Client) =>
      [...(c.provider.awareness?.getStates().values() ?? [])].map(
        (s) => (s as { user?: { name?: string } }).user?.name,
      );
    a.provider.setAwarenessField('user', { id: one.id, name: one.displayName, color: '#123456' });
    await waitFor('b sees a by name', () => namesSeenBy(b).includes(one.displayName));

    // b claims to be a (id and name), then to be a stranger with b's own id: both are refused.
    b.provider.setAwarenessField('user', { id: one.id, name: one.displayName, color: '#654321' });
    await waitFor('b reset', () => b.state.closed);
    b.destroy();
    const c = connect(who.editor2);
    await waitFor('c synced', () => c.state.synced);
    c.provider.setAwarenessField('user', {
      id: two.id,
      name: 'Oberbürgermeister',
      color: '#000000',
    });
    // The honest update after it shows the relay still works for c.
    c.provider.setAwarenessField('user', { id: two.id, name: two.displayName, color: '#000000' });
    await waitFor('a sees c by name', () => namesSeenBy(a).includes(two.displayName));
    expect(namesSeenBy(a)).not.toContain('Oberbürgermeister');
    const colours = [...(a.provider.awareness?.getStates().values() ?? [])].map(
      (s) => (s as { user?: { color?: string } }).user?.color,
    );
    expect(colours).not.toContain('#654321');
    a.destroy();
    c.destroy();
  });

  it('converges, keeps readers read-only, refuses outsiders, survives a restart, restores', async () => {
    const a = connect(who.editor);
    const b = connect(who.editor2);
    await waitFor('both synced', () => a.state.synced && b.state.synced);
    firstText(a).insert(0, 'Start');
    await waitFor('b sees start', () => b.text().includes('Start'));

    // Concurrent typing in one paragraph.
    firstText(a).insert(0, 'AAA ');
    firstText(b).insert(firstText(b).length, ' BBB');
    await waitFor(
      'converged',
      () => a.text() === b.text() && a.text().includes('BBB') && a.text().includes('AAA'),
    );
    expect(a.text()).toBe('<paragraph>AAA Start BBB</paragraph>');

    // A reader's change is refused; the editors never see it.
    const r = connect(who.reader);
    await waitFor('reader synced', () => r.state.synced);
    firstText(r).insert(0, 'READER ');
    firstText(a).insert(0, 'after ');
    await waitFor('reader gets a’s edit', () => r.text().includes('after'));
    await acked(a);
    expect(a.text()).not.toContain('READER');
    expect(b.text()).not.toContain('READER');
    r.destroy();

    // An outsider cannot open the document.
    const o = connect(who.outsider);
    await waitFor('outsider refused', () => o.state.failed);
    expect(o.text()).toBe('');
    o.destroy();
    expect(
      await AuditModel.findOne({ action: 'realtime.join_refused', subjectId: page.id }).lean(),
    ).toMatchObject({
      subjectType: 'wiki_page',
      outcome: 'denied',
      detail: { event: 'collab:open' },
    });

    // The snapshot for readers follows.
    await waitFor('snapshot stored', async () => {
      const p = await api<PageDTO>(who.reader, 'GET', `/api/wiki/pages/${page.id}`);
      return p.html.includes('after AAA Start BBB');
    });

    // Restart on the same database mid-session.
    firstText(a).insert(firstText(a).length, ' vorher');
    await acked(a);
    await server.close();
    // What the server acknowledged is in the database (not only in the client's copy).
    expect(await storedText(page.id)).toContain('vorher');
    firstText(a).insert(firstText(a).length, ' offline');
    server = await startServer(env());
    await waitFor(
      'a resynced',
      () => a.provider.isSynced && !a.provider.hasUnsyncedChanges,
      30_000,
    );
    await waitFor('b resynced', () => b.text() === a.text(), 30_000);
    const fresh = connect(who.editor2);
    await waitFor('fresh synced', () => fresh.state.synced && fresh.text() === a.text());
    expect(fresh.text()).toBe('<paragraph>after AAA Start BBB vorher offline</paragraph>');
    fresh.destroy();

    // A restore reaches connected editors at once.
    const saved = await api<RevisionDTO>(
      who.editor,
      'POST',
      `/api/wiki/pages/${page.id}/revisions`,
      {},
    );
    firstText(b).insert(0, 'später ');
    await waitFor('a sees later edit', () => a.text().includes('später'));
    await acked(b);
    await api(who.editor, 'POST', `/api/wiki/pages/${page.id}/revisions/${saved.id}/restore`);
    await waitFor(
      'restore reached a',
      () => !a.text().includes('später') && a.text().includes('offline'),
    );
    await waitFor('restore reached b', () => b.text() === a.text());

    // Restricting the page to the first editor closes the second one's connection for good.
    const current = await api<PageDTO>(who.editor, 'GET', `/api/wiki/pages/${page.id}`);
    const me = await api<{ id: string }>(who.editor, 'GET', '/api/me');
    b.state.closed = false; // (set by the restart)
    await api(who.editor, 'PATCH', `/api/wiki/pages/${page.id}`, {
      rev: current.rev,
      restriction: { personIds: [me.id], unitIds: [] },
    });
    await waitFor('b closed', () => b.state.closed);
    firstText(a).insert(0, 'nur A ');
    await acked(a);
    expect(b.text()).not.toContain('nur A');
    const again = connect(who.editor2);
    await waitFor('b refused on reconnect', () => again.state.failed);
    again.destroy();
    a.destroy();
    b.destroy();
  }, 120_000);
});

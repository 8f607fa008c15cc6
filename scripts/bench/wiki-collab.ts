/**
 * Co-editing delivery: `--editors` people (default 50) on `--pages` pages (10), each typing about
 * `--rate` edits per second (2) for `--seconds` (60), on the embedded engine (fresh temp dir).
 *
 *   npm run bench -- wiki-collab [--editors 50] [--pages 10] [--rate 2] [--seconds 60] [--port 3822]
 *
 * The portal runs in this process (`startServer`, Hocuspocus on `/collab`); every editor signs in
 * over HTTP and connects its own `HocuspocusProvider` with its own WebSocket (session cookie and
 * Origin as a browser sends them). Each editor types into its own paragraph of the shared
 * document; every edit carries a marker `[e<editor>.<seq>]` whose send time is kept here, so a
 * receiver's observer of the Y fragment gives the time for an edit to reach each other editor of
 * its page. Afterwards: convergence of every page across its editors, and the stored snapshot
 * (`GET /api/wiki/pages/:id`) holding every editor's last edit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { COLLAB_FIELD, collabDocName } from '@shared/wiki/schemas';
import { startEmbeddedEngine } from '../../server/db/engine';
import { connectDatabase, disconnectDatabase, syncIndexes } from '../../server/db/connect';
import { loadEnv } from '../../server/env';
import { startServer } from '../../server/main';
import { logger } from '../../server/lib/logger';
import { hashPassword } from '../../server/modules/auth/password';
import { PersonModel } from '../../server/modules/people/person.model';
import { UnitModel } from '../../server/modules/org/unit.model';
import { bumpPeopleVersion } from '../../server/modules/people/directory-version';
import { loadCurrentUser } from '../../server/modules/auth/authenticate';
import type { CurrentUser } from '../../server/modules/auth/current-user';
import { createSpace } from '../../server/modules/wiki/space.service';
import { createPage } from '../../server/modules/wiki/page.service';
import { personRow, unitRow, type PersonRow } from '../../server/db/seed/build';
import { doc, h, p } from '../../server/db/seed/wiki-content';
import { login, pct, PASSWORD } from './wiki-common';

const { values } = parseArgs({
  options: {
    editors: { type: 'string', default: '50' },
    pages: { type: 'string', default: '10' },
    rate: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '60' },
    port: { type: 'string', default: '3822' },
  },
  allowPositionals: true,
});
const EDITORS = Number(values.editors);
const PAGES = Number(values.pages);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const PORT = Number(values.port);
const ORIGIN = `http://127.0.0.1:${PORT}`;

async function seedPeople(): Promise<PersonRow[]> {
  const hash = await hashPassword(PASSWORD);
  const unit = unitRow('Bench-Amt', '97', 'office', null, null);
  const people = Array.from({ length: EDITORS }, (_, i) =>
    personRow({
      username: `editor${i}`,
      givenName: 'Editor',
      familyName: `Nummer ${i}`,
      position: null,
      unitId: unit._id,
      locationId: null,
      phone: null,
      // The first one may create the space (portal role editor).
      roles: i === 0 ? ['editor'] : [],
      languages: [],
      responsibilities: [],
      passwordHash: hash,
    }),
  );
  await UnitModel.insertMany([unit], { lean: true });
  await PersonModel.insertMany(people, { lean: true });
  await bumpPeopleVersion();
  return people;
}

/** ws with the headers a browser sends (the collab upgrade checks Origin and the session cookie). */
const socketClass = (cookie: string) =>
  class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin: ORIGIN } });
    }
  };

interface Editor {
  index: number;
  pageId: string;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
  text: Y.XmlText;
  seq: number;
}

const MARK = /\[e(\d+)\.(\d+)\]/g;

async function main() {
  logger.level = 'silent';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wiki-collab-bench-'));
  const engine = await startEmbeddedEngine({ dataDir });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const editors: Editor[] = [];
  try {
    await connectDatabase(engine.uri);
    await syncIndexes();
    const people = await seedPeople();
    await disconnectDatabase();
    server = await startServer(
      loadEnv({
        MONGODB_URI: engine.uri,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'silent',
        STATIC_DIR: './none',
        RATE_LIMIT_PER_MINUTE: '1000000',
      }),
    );
    const owner = (await loadCurrentUser(String(people[0]?._id), 'bench')) as CurrentUser;
    const space = await createSpace(owner, {
      key: 'co-edit',
      name: 'Co-Editing',
      kind: 'org',
      defaultRole: 'editor',
    });
    const pageIds = Array.from({ length: PAGES }, () => randomUUID());
    for (const [n, id] of pageIds.entries()) {
      await createPage(
        owner,
        { id, spaceId: space.id, parentId: null, title: `Protokoll ${n + 1}` },
        { content: doc(h(2, `Besprechung ${n + 1}`), p('Gemeinsame Notizen:')) },
      );
    }
    const t0 = Date.now();
    const cookies: string[] = [];
    for (const person of people) cookies.push(await login(ORIGIN, person.username));
    console.log(`${EDITORS} sign-ins in ${Date.now() - t0} ms`);

    // Send times of every marker, and the delivery latencies seen by the other editors.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let duplicates = 0;
    const seen = new Set<string>();

    const t1 = Date.now();
    await Promise.all(
      people.map(async (_, index) => {
        const pageId = pageIds[index % PAGES] as string;
        const socket = new HocuspocusProviderWebsocket({
          url: `ws://127.0.0.1:${PORT}/collab`,
          WebSocketPolyfill: socketClass(cookies[index] as string),
        });
        const ydoc = new Y.Doc();
        const provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: collabDocName(pageId),
          document: ydoc,
          token: 'session',
        });
        provider.attach();
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`editor ${index}: no sync`)), 60_000);
          provider.on('synced', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        const fragment = ydoc.getXmlFragment(COLLAB_FIELD);
        const para = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        para.insert(0, [text]);
        ydoc.transact(() => fragment.push([para]));
        fragment.observeDeep((events, tx) => {
          if (tx.local) return;
          const now = performance.now();
          for (const e of events) {
            if (!(e.target instanceof Y.XmlText)) continue;
            for (const d of e.changes.delta) {
              if (typeof d.insert !== 'string') continue;
              for (const m of d.insert.matchAll(MARK)) {
                const key = `${m[1]}.${m[2]}:${index}`;
                const sent = sentAt.get(`${m[1]}.${m[2]}`);
                if (sent === undefined) continue;
                if (seen.has(key)) duplicates += 1;
                else {
                  seen.add(key);
                  latencies.push(now - sent);
                }
              }
            }
          }
        });
        editors.push({ index, pageId, provider, socket, doc: ydoc, text, seq: 0 });
      }),
    );
    console.log(`${EDITORS} editors connected and synced in ${Date.now() - t1} ms`);

    const peers = new Map<string, number>();
    for (const e of editors) peers.set(e.pageId, (peers.get(e.pageId) ?? 0) + 1);
    let expected = 0;
    const started = performance.now();
    const end = started + SECONDS * 1000;
    await Promise.all(
      editors.map(async (e) => {
        // Spread the editors over the first interval, then type with ±30 % jitter.
        await new Promise((r) => setTimeout(r, Math.random() * (1000 / RATE)));
        while (performance.now() < end) {
          e.seq += 1;
          const marker = `[e${e.index}.${e.seq}]`;
          sentAt.set(`${e.index}.${e.seq}`, performance.now());
          e.text.insert(e.text.length, `${marker} Punkt ${e.seq}. `);
          expected += (peers.get(e.pageId) ?? 1) - 1;
          const gap = (1000 / RATE) * (0.7 + Math.random() * 0.6);
          await new Promise((r) => setTimeout(r, gap));
        }
      }),
    );
    const edits = editors.reduce((n, e) => n + e.seq, 0);
    await new Promise((r) => setTimeout(r, 3000));
    latencies.sort((a, b) => a - b);
    const f = (x: number) => x.toFixed(1);
    console.log(
      `\n${EDITORS} editors on ${PAGES} pages, ~${RATE} edits/s each for ${SECONDS} s: ${edits} edits (${(edits / SECONDS).toFixed(0)}/s)\n`,
    );
    console.log('| p50 ms | p95 ms | p99 ms | max ms | delivered | duplicates |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    console.log(
      `| ${f(pct(latencies, 50))} | ${f(pct(latencies, 95))} | ${f(pct(latencies, 99))} | ${f(latencies.at(-1) ?? NaN)} | ${latencies.length}/${expected} | ${duplicates} |`,
    );

    // Convergence: every editor of a page holds the same document.
    let diverged = 0;
    for (const pageId of pageIds) {
      const states = editors
        .filter((e) => e.pageId === pageId)
        .map((e) => e.doc.getXmlFragment(COLLAB_FIELD).toString());
      if (new Set(states).size !== 1) diverged += 1;
    }
    console.log(`pages with diverging copies: ${diverged}/${PAGES}`);

    // The stored snapshot catches up (debounce ≤ 5 s): every editor's last edit is in it.
    const cookie = cookies[0] as string;
    let missing = -1;
    for (let attempt = 0; attempt < 20 && missing !== 0; attempt++) {
      await new Promise((r) => setTimeout(r, 1000));
      missing = 0;
      for (const pageId of pageIds) {
        const res = await fetch(`${ORIGIN}/api/wiki/pages/${pageId}`, { headers: { cookie } });
        const html = ((await res.json()) as { data: { html: string } }).data.html;
        for (const e of editors.filter((x) => x.pageId === pageId)) {
          if (!html.includes(`[e${e.index}.${e.seq}]`)) missing += 1;
        }
      }
    }
    console.log(`editors whose last edit is missing from the stored snapshot: ${missing}`);
    const mem = process.memoryUsage();
    console.log(
      `process (portal + ${EDITORS} clients): RSS ${(mem.rss / 1e6).toFixed(0)} MB, heap ${(mem.heapUsed / 1e6).toFixed(0)} MB`,
    );
  } finally {
    for (const e of editors) {
      e.provider.destroy();
      e.socket.destroy();
    }
    await server?.close().catch(() => undefined);
    await engine.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

/**
 * Wiki page load at 10,000 pages on the embedded engine (fresh temp data dir).
 *
 *   npm run bench -- wiki-load [--pages 10000] [--n 300] [--port 3821]
 *
 * Seeds one organisation-wide space with `--pages` pages (100 top-level pages with sub-pages)
 * by bulk inserts in the real stored format: page rows, Y documents (`prosemirrorJSONToYDoc`)
 * and bodies rendered by the server's own snapshot renderer (`renderSnapshot`: HTML, text,
 * outline, links). Starts the portal in this process, signs in one reader, and measures
 * `GET /api/wiki/pages/:id` over random pages (p50/p95/p99, 1 and 8 in flight), then
 * `GET /api/wiki/search` (first search loads the text index; then warm).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { COLLAB_FIELD } from '@shared/wiki/schemas';
import { wikiExtensions } from '@shared/wiki/extensions';
import { startEmbeddedEngine } from '../../server/db/engine';
import { connectDatabase, disconnectDatabase, syncIndexes } from '../../server/db/connect';
import { loadEnv } from '../../server/env';
import { startServer } from '../../server/main';
import { logger } from '../../server/lib/logger';
import { hashPassword } from '../../server/modules/auth/password';
import { PersonModel } from '../../server/modules/people/person.model';
import { UnitModel } from '../../server/modules/org/unit.model';
import { bumpPeopleVersion } from '../../server/modules/people/directory-version';
import { SpaceModel } from '../../server/modules/wiki/space.model';
import { PageModel } from '../../server/modules/wiki/page.model';
import { BodyModel, YdocModel } from '../../server/modules/wiki/content/content.model';
import { viewCollectionName, viewDocOf } from '../../server/modules/wiki/content/view.store';
import {
  WikiCommentThreadModel,
  WikiPageWatchersModel,
} from '../../server/modules/wiki/social/social.model';
import { renderSnapshot } from '../../server/modules/wiki/content/snapshot';
import { personRow, unitRow } from '../../server/db/seed/build';
import { callout, doc, h, link, ol, p, table, ul } from '../../server/db/seed/wiki-content';
import { login, pct, PASSWORD } from './wiki-common';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '10000' },
    n: { type: 'string', default: '300' },
    port: { type: 'string', default: '3821' },
  },
  allowPositionals: true,
});
const PAGES = Number(values.pages);
const N = Number(values.n);
const PORT = Number(values.port);
const TOP = 100;

const words = [
  'Antrag',
  'Bescheid',
  'Frist',
  'Zuständigkeit',
  'Vorlage',
  'Gebühr',
  'Verfahren',
  'Prüfung',
  'Haushalt',
  'Beteiligung',
  'Vertretung',
  'Ablage',
];

const NUM = 'NUMMERX';
const LINK = '00000000-0000-4000-8000-000000000000';
const SELF = '11111111-1111-4111-8111-111111111111';
const VARIANTS = 48;

/** A page of about 2 kB of text: headings, paragraphs, a list, a table, a callout, a link. */
function contentOf(v: number): JSONContent {
  const w = (k: number) => words[(v + k) % words.length] as string;
  const para = (k: number) =>
    p(
      `${w(k)} Nummer ${NUM}: Die Sachbearbeitung prüft den Vorgang und dokumentiert das Ergebnis in der E-Akte. `.repeat(
        3,
      ),
    );
  return doc(
    para(0),
    h(2, `${w(1)} und ${w(2)}`),
    para(1),
    ul(`${w(3)} vorbereiten`, `${w(4)} abstimmen`, `${w(5)} weiterleiten`),
    h(2, 'Fristen'),
    table(['Schritt', 'Dauer'], [w(6), '2 Wochen'], [w(7), '1 Monat']),
    callout('info', p(`Hinweis zu ${w(8)}: bitte die Dienstanweisung beachten.`)),
    h(3, 'Ablauf'),
    ol('Eingang', 'Prüfung', 'Entscheidung'),
    para(2),
    p('Siehe auch ', link('verwandte Seite', LINK), '.'),
  );
}

/**
 * Rendering 10,000 pages through happy-dom takes minutes on this machine, so each of
 * `VARIANTS` documents is rendered once by the real renderer with placeholders (a page number
 * and a link target of the same shape as a page id) and the placeholders are replaced per page:
 * the stored HTML, text, outline, links and JSON are exactly what the renderer writes.
 */
const rendered = Array.from({ length: VARIANTS }, (_, v) => {
  const json = contentOf(v);
  return { json: JSON.stringify(json), snap: renderSnapshot(json, SELF) };
});
const fill = (s: string, n: number, linkTo: string) =>
  s.replaceAll(NUM, String(n)).replaceAll(LINK, linkTo);

async function seed(): Promise<{ ids: string[]; ms: number }> {
  const t0 = Date.now();
  const hash = await hashPassword(PASSWORD);
  const unit = unitRow('Bench-Amt', '98', 'office', null, null);
  const reader = personRow({
    username: 'reader',
    givenName: 'Rita',
    familyName: 'Reader',
    position: null,
    unitId: unit._id,
    locationId: null,
    phone: null,
    roles: [],
    languages: [],
    responsibilities: [],
    passwordHash: hash,
  });
  await UnitModel.insertMany([unit], { lean: true });
  await PersonModel.insertMany([reader], { lean: true });
  await bumpPeopleVersion();
  const space = await SpaceModel.create({
    key: 'bench',
    name: 'Bench-Wiki',
    kind: 'org',
    defaultRole: 'reader',
    members: [],
    createdBy: reader._id,
  });
  const schema = getSchema(wikiExtensions());
  const ids = Array.from({ length: PAGES }, () => randomUUID());
  const now = new Date();
  const batch = {
    pages: [] as object[],
    bodies: [] as object[],
    ydocs: [] as object[],
    views: [] as ReturnType<typeof viewDocOf>[],
    watchers: [] as object[],
    threads: [] as object[],
  };
  const flush = async () => {
    await PageModel.collection.insertMany(batch.pages as never[]);
    await BodyModel.collection.insertMany(batch.bodies as never[]);
    await YdocModel.collection.insertMany(batch.ydocs as never[]);
    await WikiPageWatchersModel.collection.insertMany(batch.watchers as never[]);
    if (batch.threads.length) {
      await WikiCommentThreadModel.collection.insertMany(batch.threads as never[]);
    }
    // The page view's documents, each in its bucket collection (as `writeBody` keeps them).
    const byBucket = new Map<string, ReturnType<typeof viewDocOf>[]>();
    for (const v of batch.views) {
      const name = viewCollectionName(v._id);
      byBucket.set(name, [...(byBucket.get(name) ?? []), v]);
    }
    for (const [name, docs] of byBucket) {
      await mongoose.connection.collection(name).insertMany(docs as never[]);
    }
    batch.pages = [];
    batch.bodies = [];
    batch.ydocs = [];
    batch.views = [];
    batch.watchers = [];
    batch.threads = [];
  };
  for (let n = 0; n < PAGES; n++) {
    const id = ids[n] as string;
    const parentId = n < TOP ? null : (ids[n % TOP] as string);
    const linkTo = ids[n > 0 ? (n * 7) % n : 1] as string;
    const v = rendered[n % VARIANTS] as (typeof rendered)[number];
    const jsonText = fill(v.json, n, linkTo);
    const json = JSON.parse(jsonText) as JSONContent;
    const snap = {
      html: fill(v.snap.html, n, linkTo),
      text: fill(v.snap.text, n, linkTo),
      toc: v.snap.toc,
      links: [linkTo],
      fileIds: [],
    };
    const stored = { ...snap, json: jsonText, at: now, revisionId: null };
    const ydoc = prosemirrorJSONToYDoc(schema, json, COLLAB_FIELD);
    batch.pages.push({
      _id: id,
      spaceId: space._id,
      parentId,
      order: n,
      title: `Seite ${n}: ${words[n % words.length]}`,
      ownerId: reader._id,
      reviewBy: null,
      reviewRemindedFor: null,
      restriction: null,
      archived: false,
      archivedAt: null,
      archivedBy: null,
      archiveRootId: null,
      isTemplate: false,
      review: { state: 'none', requestedBy: null, requestedAt: null, comment: null },
      publishedAt: now,
      updatedBy: reader._id,
      links: snap.links,
      createdBy: reader._id,
      rev: 0,
      createdAt: now,
      updatedAt: now,
    });
    batch.bodies.push({ _id: id, draft: stored, published: stored });
    batch.views.push(viewDocOf({ _id: id, draft: stored, published: stored }));
    // Every page is watched by its creator (auto-watch); every fifth has a discussion.
    batch.watchers.push({ _id: id, personIds: [String(reader._id)] });
    if (n % 5 === 0) {
      batch.threads.push({
        _id: id,
        rev: 3,
        comments: [0, 1, 2].map((c) => ({
          id: randomUUID(),
          parentId: null,
          authorId: String(reader._id),
          body: `Anmerkung ${c} zu Seite ${n}: ${words[(n + c) % words.length]}`,
          createdAt: now,
          editedAt: null,
          resolved: false,
          resolvedBy: null,
          resolvedAt: null,
          deleted: false,
          deletedBy: null,
          deletedAt: null,
        })),
      });
    }
    batch.ydocs.push({
      _id: id,
      state: Buffer.from(Y.encodeStateAsUpdate(ydoc)),
      authorIds: [],
      dirty: false,
      updatedAt: now,
    });
    if (batch.pages.length === 500) {
      await flush();
      if ((n + 1) % 2000 === 0) console.log(`  ${n + 1} pages`);
    }
  }
  if (batch.pages.length) await flush();
  return { ids, ms: Date.now() - t0 };
}

async function measure(
  label: string,
  urls: () => string,
  cookie: string,
  concurrency: number,
): Promise<void> {
  let kb = 0;
  const one = async () => {
    const url = urls();
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const text = await res.text();
    if (!res.ok) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
    kb = Buffer.byteLength(text) / 1024;
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await one();
  const times: number[] = [];
  let left = N;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) times.push(await one());
    }),
  );
  times.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1);
  console.log(
    `| ${label} | ${concurrency} | ${f(pct(times, 50))} | ${f(pct(times, 95))} | ${f(pct(times, 99))} | ${kb.toFixed(1)} kB |`,
  );
}

async function main() {
  logger.level = 'silent';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wiki-load-bench-'));
  const engine = await startEmbeddedEngine({ dataDir });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await connectDatabase(engine.uri);
    await syncIndexes();
    const { ids, ms } = await seed();
    console.log(`seeded ${PAGES} pages (rendered snapshots, Y states) in ${ms} ms`);
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
    const origin = `http://127.0.0.1:${PORT}`;
    const cookie = await login(origin, 'reader');
    let t = performance.now();
    let res = await fetch(`${origin}/api/wiki/pages/${ids[0] as string}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`first page: ${res.status} ${await res.text()}`);
    console.log(`first page (loads the page index): ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    res = await fetch(`${origin}/api/wiki/search?q=pruefung`, { headers: { cookie } });
    if (!res.ok) throw new Error(`first search: ${res.status} ${await res.text()}`);
    console.log(`first search (loads every page text): ${(performance.now() - t).toFixed(0)} ms`);
    const random = () =>
      `${origin}/api/wiki/pages/${ids[Math.floor(Math.random() * ids.length)] as string}`;
    const queries = ['frist', 'seite 42', 'haushalt beteiligung', 'nummer 9999', 'dienstanweisung'];
    let q = 0;
    const search = () =>
      `${origin}/api/wiki/search?q=${encodeURIComponent(queries[q++ % queries.length] as string)}`;
    console.log(`\n${N} requests per line after 5 warm-up requests\n`);
    console.log('| what | in flight | p50 ms | p95 ms | p99 ms | answer |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    await measure('`GET /api/wiki/pages/:id`, random page', random, cookie, 1);
    await measure('`GET /api/wiki/pages/:id`, random page', random, cookie, 8);
    await measure(
      '`GET /api/wiki/pages/:id`, one page again (body cached)',
      () => `${origin}/api/wiki/pages/${ids[5] as string}`,
      cookie,
      1,
    );
    // What one uncached read costs: the full body (10,000 rows) and the page view (a 16th of them, HTML only).
    for (const [what, read] of [
      ['full body `findById` alone', (id: string) => BodyModel.findById(id).lean()],
      [
        'page view document alone',
        (id: string) =>
          mongoose.connection.collection(viewCollectionName(id)).findOne({ _id: id as never }),
      ],
    ] as const) {
      const reads: number[] = [];
      for (let i = 0; i < 50; i++) {
        const id = ids[Math.floor(Math.random() * ids.length)] as string;
        const t0 = performance.now();
        await read(id);
        reads.push(performance.now() - t0);
      }
      reads.sort((a, b) => a - b);
      console.log(
        `| ${what} (50 reads) | 1 | ${pct(reads, 50).toFixed(1)} | ${pct(reads, 95).toFixed(1)} | ${pct(reads, 99).toFixed(1)} | |`,
      );
    }
    await measure('`GET /api/wiki/search`', search, cookie, 1);
    await measure('`GET /api/wiki/search`', search, cookie, 8);
  } finally {
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

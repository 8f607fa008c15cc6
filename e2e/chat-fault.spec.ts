import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import { test, expect } from '@playwright/test';
import { assertPortFree, type Proc } from './support/processes';
import {
  baseOf,
  crash,
  insertPeople,
  loginAll,
  sleep,
  startChatServer,
  terminate,
  waitReady,
  withDatabase,
  type BotPerson,
} from './support/chat-harness';
import { ChatBot } from './support/chat-bots';

// Fault test (issue 4): 200 bots in 10 group conversations chat over REST + Socket.IO while the
// portal process is stopped with SIGTERM and restarted, later killed with SIGKILL (with its
// embedded database engine) and restarted on the same DATA_DIR. Afterwards every acknowledged
// message is stored exactly once, positions are gap-free, and every bot has seen every message of
// its conversation exactly once (live or by REST catch-up). Own ports from this suite's range.
const PORT = 3740;
const DB_PORT = 3741;
const BASE = baseOf(PORT);
const BOTS = 200;
const GROUPS = 10;
const PHASE_MS = 10_000;

test.describe.configure({ mode: 'serial' });

let dataDir = '';
let people: BotPerson[] = [];
let portal: Proc | null = null;
let bots: ChatBot[] = [];

const start = async () => {
  portal = startChatServer({ name: 'portal', port: PORT, dataDir });
  await waitReady(portal, PORT);
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await assertPortFree(PORT);
  await assertPortFree(DB_PORT);
  dataDir = mkdtempSync(path.join(tmpdir(), 'portal-chat-fault-'));
  people = await withDatabase(dataDir, DB_PORT, (db) => insertPeople(db, BOTS, 'fault'));
  await start();
});

test.afterAll(async () => {
  bots.forEach((b) => b.close());
  if (portal) await terminate(portal);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface StoredMessage {
  _id: string;
  conversationId: ObjectId;
  seq: number;
  senderId: ObjectId;
  clientId: string;
}

test('200 bots chat through SIGTERM and SIGKILL: nothing acknowledged is lost or doubled, everyone caught up', async () => {
  test.setTimeout(240_000);
  const sessions = await loginAll(BASE, people, 8);
  const size = BOTS / GROUPS;
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    const members = sessions.slice(g * size, (g + 1) * size);
    const res = await members[0]!.request<{ data: { id: string } }>('POST', '/api/conversations', {
      kind: 'group',
      name: `Störfall ${g + 1}`,
      memberIds: members.slice(1).map((s) => s.personId),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    groups.push(res.body.data.id);
  }
  bots = sessions.map((s, i) => new ChatBot(s, groups[Math.floor(i / size)]!));
  await Promise.all(bots.map((b) => b.connect()));

  const timings: string[] = [];
  const timed = async (what: string, fn: () => Promise<void>) => {
    const t0 = Date.now();
    await fn();
    timings.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  let stopped = false;
  // About 25 messages per second overall (each bot every 4–12 s).
  const chatting = bots.map((b) => b.chat(4_000, 12_000, () => stopped));
  try {
    await sleep(PHASE_MS);
    await timed('SIGTERM', async () => {
      // An engine outliving the portal would run next to the restarted one on the same files.
      if (await terminate(portal!)) timings.push('ENGINE LEFT RUNNING after SIGTERM (killed)');
    });
    await timed('restart', start);
    await sleep(PHASE_MS);
    await timed('SIGKILL', () => crash(portal!));
    await timed('restart', start);
    await sleep(PHASE_MS);
  } finally {
    stopped = true;
  }
  await timed('last sends acked', () => Promise.all(chatting).then(() => undefined));
  // Final catch-up of every bot: the same REST path as after a reconnect.
  await timed('final catch-up', () =>
    Promise.all(bots.map((b) => b.catchUp())).then(() => undefined),
  );
  expect(bots.map((b) => b.fatal).filter(Boolean)).toEqual([]);
  const connectedAtEnd = bots.filter((b) => b.connected).length;

  // Check against the database itself (portal stopped, our own engine on its DATA_DIR).
  await terminate(portal!);
  portal = null;
  const { stored, lastSeqs } = await withDatabase(dataDir, DB_PORT, async (db) => ({
    stored: await db
      .collection<StoredMessage>('chat_messages')
      .find({ conversationId: { $in: groups.map((id) => new ObjectId(id)) } })
      .project<StoredMessage>({ _id: 1, conversationId: 1, seq: 1, senderId: 1, clientId: 1 })
      .toArray(),
    lastSeqs: new Map(
      (
        await db
          .collection<{ _id: ObjectId; lastSeq: number }>('chat_conversations')
          .find({ _id: { $in: groups.map((id) => new ObjectId(id)) } })
          .toArray()
      ).map((c) => [String(c._id), c.lastSeq]),
    ),
  }));

  const problems: string[] = [];
  const byConv = new Map<string, StoredMessage[]>(groups.map((g) => [g, []]));
  const bySenderClient = new Map<string, StoredMessage[]>();
  for (const m of stored) {
    byConv.get(String(m.conversationId))?.push(m);
    const key = `${String(m.senderId)}/${m.clientId}`;
    bySenderClient.set(key, [...(bySenderClient.get(key) ?? []), m]);
  }
  // Positions gap-free and unique per conversation; the conversation's lastSeq agrees.
  for (const [conv, list] of byConv) {
    const seqs = list.map((m) => m.seq).sort((a, b) => a - b);
    if (!seqs.every((s, i) => s === i + 1)) problems.push(`${conv}: seqs not 1..${seqs.length}`);
    if (lastSeqs.get(conv) !== seqs.length)
      problems.push(`${conv}: lastSeq ${lastSeqs.get(conv)} but ${seqs.length} messages`);
  }
  // Every acknowledged client id stored exactly once, under the acknowledged id and position.
  let ackedTotal = 0;
  const ackedIds = new Set<string>();
  for (const bot of bots) {
    for (const a of bot.acked.values()) {
      ackedTotal += 1;
      ackedIds.add(a.id);
      const rows = bySenderClient.get(`${bot.id}/${a.clientId}`) ?? [];
      if (rows.length !== 1) problems.push(`${a.id}: stored ${rows.length} times`);
      else if (rows[0]!._id !== a.id || rows[0]!.seq !== a.seq)
        problems.push(`${a.id}: stored as ${rows[0]!._id} #${rows[0]!.seq}, acked #${a.seq}`);
    }
  }
  // Nothing stored that nobody sent (every send ended acknowledged).
  for (const m of stored) if (!ackedIds.has(m._id)) problems.push(`${m._id}: stored, never acked`);
  // Every bot saw exactly its conversation's messages, each once (after dedupe by id), same seq.
  for (const bot of bots) {
    const expected = byConv.get(bot.conversationId) ?? [];
    const missing = expected.filter((m) => bot.received.get(m._id) !== m.seq);
    if (missing.length) problems.push(`bot ${bot.id}: ${missing.length} messages missing`);
    const storedIds = new Set(expected.map((m) => m._id));
    const unknown = [...bot.received.keys()].filter((id) => !storedIds.has(id));
    if (unknown.length) problems.push(`bot ${bot.id}: received ${unknown.length} not stored`);
  }

  const reasons = new Map<string, number>();
  for (const b of bots)
    for (const [r, n] of b.disconnects) reasons.set(r, (reasons.get(r) ?? 0) + n);
  const sum = (f: (b: ChatBot) => number) => bots.reduce((n, b) => n + f(b), 0);
  console.log(
    `chat fault test: ${ackedTotal} messages acknowledged, ${stored.length} stored in ` +
      `${GROUPS} conversations; deliveries ${sum((b) => b.liveCount)} live + ` +
      `${sum((b) => b.catchUpCount)} by catch-up, ${sum((b) => b.duplicates)} duplicates dropped; ` +
      `${sum((b) => b.retries)} send retries; ${sum((b) => b.connects)} connects ` +
      `(${sum((b) => b.recoveredConnects)} recovered), ${connectedAtEnd} connected ` +
      `at the end; disconnects ${JSON.stringify(Object.fromEntries(reasons))}; ${timings.join(', ')}`,
  );
  expect(problems.slice(0, 20)).toEqual([]);
  expect(ackedTotal).toBeGreaterThan(300);
  expect(stored.length).toBe(ackedTotal);
});

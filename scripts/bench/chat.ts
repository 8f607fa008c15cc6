/**
 * Chat benchmark, portal against a bare Socket.IO server in the same run.
 *
 *   npm run bench -- chat [--duration 30] [--big 10000] [--skip-big] [--port 3750] [--cpu-prof]
 *
 * (a) 1,000 clients in 50 group conversations (20 members each), one message per second per
 *     conversation sent over REST by one member: send→receive latency (one clock: senders and
 *     receivers live in this process), server CPU and memory; then the same fan-out on the bare
 *     server (`chat-bare.ts`, no storage).
 * (b) `--big` connected clients (default 10,000) in 500 conversations: heap per client after a
 *     forced GC (heap after connecting − heap before, / clients), portal and bare.
 *
 * Setup (documented shortcuts): 1,000 people are written into a fresh DATA_DIR before the portal
 * starts, with a cheap scrypt hash so they sign in through the real login route quickly; part (a)
 * conversations are created over REST; part (b)'s 500 conversations are written into the database
 * before the start in the models' shape (500 REST creations would take minutes on the embedded
 * engine). In (b) each person has 10 tabs (10 sockets on one session): 1,000 people × 10.
 * Server CPU and memory come from a probe preloaded into both server processes (`chat-probe.ts`);
 * the embedded engine's CPU (a child of the portal) from /proc. Why the portal is database-bound
 * on the embedded engine: `chat-dbops.ts` (every update by `_id` decodes the whole collection).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import {
  type ApiSession,
  baseOf,
  insertPeople,
  loginAll,
  sleep,
  startChatServer,
  terminate,
  waitReady,
  withDatabase,
  type BotPerson,
} from '../../e2e/support/chat-harness';
import { startProcess, stopProcess, waitForHttp, type Proc } from '../../e2e/support/processes';
import { insertBigConversations } from './chat-seed';
import {
  bareSocket,
  childrenCpuMs,
  closeAll,
  connectMany,
  mb,
  ms,
  percentile,
  portalSocket,
  probe,
  type ProbeReading,
} from './chat-clients';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    big: { type: 'string', default: '10000' },
    'skip-big': { type: 'boolean', default: false },
    port: { type: 'string', default: '3750' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const DURATION = Number(values.duration);
const BIG = Number(values.big);
const PORT = Number(values.port);
const BARE_PORT = PORT + 1;
const DB_PORT = PORT + 2;
const PROBE_PORT = PORT + 3;
const BARE_PROBE_PORT = PORT + 4;
const PEOPLE = 1000;
const CONVERSATIONS = 50;
const MEMBERS = 20;
const BIG_CONVERSATIONS = 500;
const root = path.resolve(import.meta.dirname, '../..');

interface Member {
  person: BotPerson;
  session: ApiSession | null;
}
interface Conv {
  id: string;
  members: Member[];
}

/** What one side (portal or bare) needs to be driven the same way. */
interface Target {
  name: string;
  probePort: number;
  /** The server process (its children, the embedded engine, are measured too). */
  pid: number;
  socket(member: Member, conversationIds: string[]): Socket;
  send(conv: Conv, sender: Member, clientId: string, body: string): Promise<number>;
}

interface RunStats {
  latencies: number[];
  acks: number[];
  expected: number;
  delivered: number;
  failed: number;
  cpuPercent: number;
  engineCpuPercent: number;
  /** Send→receive p95 of the first and the second half of the run (a growing queue shows here). */
  halves: [number, number];
  after: ProbeReading;
  afterGc: ProbeReading;
}

/** (a): every conversation's first member sends once per second, phases spread evenly. */
async function drive(target: Target, convs: Conv[], seconds: number): Promise<RunStats> {
  const sockets: Socket[] = [];
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const acks: number[] = [];
  let failed = 0;
  let measuring = false;
  let half = Infinity;
  const first: number[] = [];
  const second: number[] = [];
  const pending = new Set<string>();
  for (const conv of convs) {
    for (const m of conv.members) {
      const s = target.socket(m, [conv.id]);
      s.on('chat:message', (payload: { message?: { clientId?: string; senderId?: string } }) => {
        const clientId = payload.message?.clientId ?? '';
        const start = sentAt.get(clientId);
        if (start === undefined || m === conv.members[0]) return;
        const key = `${clientId}/${m.person.id}`;
        if (!pending.delete(key)) return; // a duplicate would not count twice
        if (measuring) {
          latencies.push(performance.now() - start);
          (start < half ? first : second).push(performance.now() - start);
        }
      });
      sockets.push(s);
    }
  }
  // Connect in batches (the sockets were created above; wait for them all).
  await connectMany(sockets.length, (i) => sockets[i] as Socket, sockets.length);

  const sendOne = async (conv: Conv, tag: string) => {
    const sender = conv.members[0] as Member;
    const clientId = `${tag}-${conv.id.slice(-6)}-${Math.random().toString(36).slice(2, 10)}`;
    for (const m of conv.members.slice(1)) pending.add(`${clientId}/${m.person.id}`);
    const t0 = performance.now();
    sentAt.set(clientId, t0);
    const status = await target.send(conv, sender, clientId, `Nachricht ${tag}`).catch(() => 0);
    if (status >= 200 && status < 300) acks.push(performance.now() - t0);
    else failed += 1;
  };

  // Warm-up: one message per conversation, delivered to every member (rooms joined, caches warm).
  await Promise.all(convs.map((c) => sendOne(c, 'warm')));
  const warmDeadline = Date.now() + 15_000;
  while (pending.size > 0 && Date.now() < warmDeadline) await sleep(100);
  if (pending.size > 0) console.log(`  warm-up: ${pending.size} deliveries missing`);
  pending.clear();
  acks.length = 0;

  measuring = true;
  const before = await probe(target.probePort);
  const engineBefore = childrenCpuMs(target.pid);
  const total = convs.length * seconds;
  const t0 = performance.now();
  half = t0 + (seconds * 1000) / 2;
  const sends: Promise<void>[] = [];
  for (let k = 0; k < total; k += 1) {
    const due = t0 + (k * 1000) / convs.length;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    sends.push(sendOne(convs[k % convs.length] as Conv, `m${k}`));
  }
  await Promise.all(sends);
  const drainUntil = Date.now() + 5_000;
  while (pending.size > 0 && Date.now() < drainUntil) await sleep(50);
  const after = await probe(target.probePort);
  const engineAfter = childrenCpuMs(target.pid);
  const expected = total * (MEMBERS - 1);
  const missing = pending.size;
  closeAll(sockets);
  await sleep(1000);
  const afterGc = await probe(target.probePort, true);
  latencies.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  return {
    latencies,
    acks,
    expected,
    delivered: expected - missing,
    failed,
    cpuPercent: ((after.cpuMs - before.cpuMs) / (after.at - before.at)) * 100,
    engineCpuPercent: ((engineAfter - engineBefore) / (after.at - before.at)) * 100,
    halves: [first, second].map((l) =>
      percentile(
        l.sort((a, b) => a - b),
        95,
      ),
    ) as [number, number],
    after,
    afterGc,
  };
}

function report(name: string, s: RunStats): void {
  const l = s.latencies;
  console.log(
    `${name.padEnd(7)} send→receive p50 ${ms(percentile(l, 50))}  p95 ${ms(percentile(l, 95))}  ` +
      `p99 ${ms(percentile(l, 99))}  max ${ms(l[l.length - 1] ?? NaN)} | ` +
      `send ack p50 ${ms(percentile(s.acks, 50))} p95 ${ms(percentile(s.acks, 95))} | ` +
      `delivered ${s.delivered}/${s.expected}, failed sends ${s.failed} | ` +
      `p95 1st/2nd half ${ms(s.halves[0])} / ${ms(s.halves[1])} | CPU ${s.cpuPercent.toFixed(0)} % ` +
      `(+ engine ${s.engineCpuPercent.toFixed(0)} %) | ` +
      `RSS ${mb(s.after.rss)}, heap ${mb(s.after.heapUsed)} (after GC ${mb(s.afterGc.heapUsed)})`,
  );
}

/** (b): `count` sockets (tabs) spread over the people; heap per socket after a forced GC. */
async function heapPerClient(
  target: Target,
  members: Member[],
  convsOf: Map<string, string[]>,
  count: number,
): Promise<void> {
  await sleep(1000);
  const before = await probe(target.probePort, true);
  const t0 = Date.now();
  const sockets = await connectMany(
    count,
    (i) => {
      const m = members[i % members.length] as Member;
      return target.socket(m, convsOf.get(m.person.id) ?? []);
    },
    250,
  );
  const connectSeconds = (Date.now() - t0) / 1000;
  await sleep(3000);
  const after = await probe(target.probePort, true);
  const perClient = (after.heapUsed - before.heapUsed) / count / 1024;
  console.log(
    `${target.name.padEnd(7)} ${count} sockets connected in ${connectSeconds.toFixed(1)} s: heap ` +
      `${mb(before.heapUsed)} → ${mb(after.heapUsed)} = ${perClient.toFixed(1)} KB per client ` +
      `(RSS ${mb(before.rss)} → ${mb(after.rss)} = ${((after.rss - before.rss) / count / 1024).toFixed(1)} KB)`,
  );
  closeAll(sockets);
  await sleep(2000);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-chat-bench-'));
  const procs: Proc[] = [];
  try {
    let t = Date.now();
    const { people, bigConvs } = await withDatabase(dataDir, DB_PORT, async (db) => {
      const seeded = await insertPeople(db, PEOPLE, 'bench');
      return {
        people: seeded,
        bigConvs: values['skip-big']
          ? []
          : await insertBigConversations(db, seeded, BIG_CONVERSATIONS, MEMBERS),
      };
    });
    console.log(
      `seeded ${people.length} people, ${bigConvs.length} conversations (${Date.now() - t} ms)`,
    );

    const profDir = path.join(root, 'bench-profiles');
    const portal = startChatServer({
      name: 'portal',
      port: PORT,
      dataDir,
      nodeArgs: [
        '--expose-gc',
        '--import',
        './scripts/bench/chat-probe.ts',
        ...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
      ],
      env: { BENCH_PROBE_PORT: String(PROBE_PORT), SOCKET_SESSION_CHECK_SECONDS: '3600' },
    });
    procs.push(portal);
    await waitReady(portal, PORT);
    const base = baseOf(PORT);
    t = Date.now();
    const sessions = await loginAll(base, people, 8);
    console.log(`${sessions.length} logins in ${Date.now() - t} ms`);
    const members: Member[] = people.map((person, i) => ({ person, session: sessions[i] ?? null }));

    t = Date.now();
    const convs: Conv[] = [];
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      const group = members.slice(i * MEMBERS, (i + 1) * MEMBERS);
      const creator = group[0] as Member;
      const res = await (creator.session as ApiSession).request<{ data: { id: string } }>(
        'POST',
        '/api/conversations',
        {
          kind: 'group',
          name: `Bench ${i + 1}`,
          memberIds: group.slice(1).map((m) => m.person.id),
        },
      );
      if (res.status !== 201)
        throw new Error(`create conversation: ${res.status} ${JSON.stringify(res.body)}`);
      convs.push({ id: res.body.data.id, members: group });
    }
    console.log(`${convs.length} conversations created over REST in ${Date.now() - t} ms`);

    const portalTarget: Target = {
      name: 'portal',
      probePort: PROBE_PORT,
      pid: portal.child.pid ?? 0,
      socket: (m) => portalSocket(base, (m.session as ApiSession).cookie),
      send: async (conv, sender, clientId, body) =>
        (
          await (sender.session as ApiSession).request(
            'POST',
            `/api/conversations/${conv.id}/messages`,
            {
              clientId,
              body,
            },
          )
        ).status,
    };
    const bare = startProcess(
      'bare',
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        '--import',
        './scripts/bench/chat-probe.ts',
        'scripts/bench/chat-bare.ts',
        '--port',
        String(BARE_PORT),
      ],
      { BENCH_PROBE_PORT: String(BARE_PROBE_PORT) },
    );
    procs.push(bare);
    await waitForHttp(bare, `${baseOf(BARE_PORT)}/readyz`);
    const bareBase = baseOf(BARE_PORT);
    const bareTarget: Target = {
      name: 'bare',
      probePort: BARE_PROBE_PORT,
      pid: bare.child.pid ?? 0,
      socket: (m, conversationIds) => bareSocket(bareBase, m.person.id, conversationIds),
      send: async (conv, sender, clientId, body) =>
        (
          await fetch(`${bareBase}/send`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              conversationId: conv.id,
              senderId: sender.person.id,
              clientId,
              body,
            }),
          })
        ).status,
    };

    console.log(
      `\n(a) ${CONVERSATIONS * MEMBERS} clients, ${CONVERSATIONS} conversations × ${MEMBERS}, ` +
        `1 message/s per conversation for ${DURATION} s`,
    );
    report('portal', await drive(portalTarget, convs, DURATION));
    report('bare', await drive(bareTarget, convs, DURATION));

    if (!values['skip-big']) {
      console.log(
        `\n(b) ${BIG} connected clients in ${bigConvs.length} conversations (10 tabs per person)`,
      );
      const convsOf = new Map<string, string[]>();
      for (const c of bigConvs)
        for (const id of c.memberIds) convsOf.set(id, [...(convsOf.get(id) ?? []), c.id]);
      await heapPerClient(portalTarget, members, convsOf, BIG);
      await heapPerClient(bareTarget, members, convsOf, BIG);
    }
  } finally {
    for (const p of [...procs].reverse()) {
      if (p.name === 'portal') await terminate(p);
      else await stopProcess(p);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

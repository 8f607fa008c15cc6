/**
 * Team calendar and manager inbox at office scale: an office of 1,500 people (30 departments)
 * with a year of leave requests, on the embedded engine (fresh temp data dir).
 *
 *   npm run bench -- leave [--people 1500] [--per-person 6] [--n 200] [--concurrency 1] [--port 3763]
 *
 * Seeds with bulk inserts, starts the portal in this process on the same database, signs in the
 * office head and one department leader, then measures `GET /api/leave/calendar` (office with all
 * departments, one month; one department) and `GET /api/leave/inbox` (p50/p95/p99 over `--n`
 * requests after a warm-up, `--concurrency` in flight).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Types } from 'mongoose';
import { addDays, countDays, isoWeekday } from '@shared/leave/days';
import { FULL_WEEK } from '@shared/leave/schemas';
import { startEmbeddedEngine } from '../../server/db/engine';
import { connectDatabase, disconnectDatabase, syncIndexes } from '../../server/db/connect';
import { loadEnv } from '../../server/env';
import { startServer } from '../../server/main';
import { logger } from '../../server/lib/logger';
import { hashPassword } from '../../server/modules/auth/password';
import { PersonModel } from '../../server/modules/people/person.model';
import { UnitModel } from '../../server/modules/org/unit.model';
import { bumpPeopleVersion } from '../../server/modules/people/directory-version';
import { ensureDefaultLeaveTypes, leaveTypes } from '../../server/modules/leave/leave-type.model';
import { holidaysFor, todayInBerlin } from '../../server/modules/leave/holidays';
import { defaultLeaveSettings } from '@shared/leave/schemas';
import { LeaveRequestModel } from '../../server/modules/leave/request.model';
import { personRow, unitRow, type PersonRow, type UnitRow } from '../../server/db/seed/build';
import { login as loginAs, pct } from './lib/http';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1500' },
    'per-person': { type: 'string', default: '6' },
    n: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '1' },
    port: { type: 'string', default: '3763' },
  },
  allowPositionals: true,
});
const PEOPLE = Number(values.people);
const PER_PERSON = Number(values['per-person']);
const N = Number(values.n);
const CONCURRENCY = Number(values.concurrency);
const PORT = Number(values.port);
const DEPARTMENTS = 30;
const PASSWORD = 'bench-password-1';

async function seed(): Promise<{
  office: UnitRow;
  dept: UnitRow;
  requests: number;
  pending: number;
}> {
  const hash = await hashPassword(PASSWORD);
  const office = unitRow('Bench-Amt', '99', 'office', null, null);
  const depts = Array.from({ length: DEPARTMENTS }, (_, i) =>
    unitRow(`Abteilung ${i + 1}`, `99-${i + 1}`, 'department', office, null),
  );
  const people: PersonRow[] = [];
  const add = (unit: UnitRow, i: number, username?: string) => {
    const p = personRow({
      username: username ?? `bench${i}`,
      givenName: `Vorname${i}`,
      familyName: `Nachname${i}`,
      position: null,
      unitId: unit._id,
      locationId: null,
      phone: null,
      roles: [],
      languages: [],
      responsibilities: [],
      passwordHash: username ? hash : null,
      emailLocal: `bench${i}`,
    });
    people.push(p);
    return p;
  };
  office.leaderId = add(office, 0, 'head')._id;
  depts.forEach((d, i) => {
    d.leaderId = add(d, i + 1, i === 0 ? 'unitmanager' : undefined)._id;
  });
  for (let i = people.length; i < PEOPLE; i++) add(depts[i % DEPARTMENTS] as UnitRow, i);
  for (const p of people)
    p.deputyId = people[(people.indexOf(p) + DEPARTMENTS) % people.length]?._id ?? null;
  await UnitModel.insertMany([office, ...depts], { lean: true });
  for (let i = 0; i < people.length; i += 1000) {
    await PersonModel.insertMany(people.slice(i, i + 1000), { lean: true });
  }
  await bumpPeopleVersion();

  await ensureDefaultLeaveTypes();
  const types = await leaveTypes();
  const today = todayInBerlin();
  const year = Number(today.slice(0, 4));
  const holidays = holidaysFor([year - 1, year, year + 1], defaultLeaveSettings);
  const workdays = new Set<number>(FULL_WEEK);
  const docs = [];
  let pending = 0;
  let rnd = 42;
  const random = () => (rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const now = new Date();
  for (const p of people) {
    // A year of requests around today: 300 days back, 65 ahead.
    for (let k = 0; k < PER_PERSON; k++) {
      let from = addDays(today, -300 + Math.floor((365 / PER_PERSON) * k + random() * 20));
      while (isoWeekday(from) > 5) from = addDays(from, 1);
      const to = addDays(from, Math.floor(random() * 10));
      const range = { from, to, halfStart: false, halfEnd: false };
      const days = countDays(range, workdays, holidays);
      if (days === 0) continue;
      const future = from > today;
      const roll = random();
      const status = future
        ? roll < 0.35
          ? 'pending'
          : 'approved'
        : roll < 0.9
          ? 'approved'
          : roll < 0.95
            ? 'rejected'
            : 'withdrawn';
      if (status === 'pending') pending += 1;
      const type = types[roll < 0.8 ? 0 : Math.floor(random() * types.length)] ?? types[0];
      if (!type) throw new Error('no leave types');
      docs.push({
        _id: randomUUID(),
        personId: p._id,
        typeId: new Types.ObjectId(type.id),
        counts: type.counts,
        from,
        to,
        halfStart: false,
        halfEnd: false,
        days,
        charges: [],
        status,
        comment: '',
        deputyId: p.deputyId,
        decidedBy: null,
        decidedAt: null,
        decisionComment: '',
        escalatedAt: null,
        history: [
          { at: now, actorId: p._id, action: 'created', from: null, to: 'pending', comment: '' },
        ],
        rev: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  for (let i = 0; i < docs.length; i += 1000) {
    await LeaveRequestModel.collection.insertMany(docs.slice(i, i + 1000) as never[]);
  }
  return { office, dept: depts[0] as UnitRow, requests: docs.length, pending };
}

const login = (origin: string, username: string) => loginAs(origin, username, PASSWORD);

async function measure(
  url: string,
  cookie: string,
): Promise<{ p50: number; p95: number; p99: number; kb: number; check: string }> {
  let kb = 0;
  let check = '';
  const one = async () => {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const text = await res.text();
    if (!res.ok) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
    kb = Buffer.byteLength(text) / 1024;
    const data = (JSON.parse(text) as { data: { people?: unknown[]; count?: number } }).data;
    check = data.people ? `${data.people.length} people` : `${data.count ?? '?'} waiting`;
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await one();
  const times: number[] = [];
  let left = N;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) times.push(await one());
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), kb, check };
}

async function main() {
  // The request log would cost more than the requests (LOG_LEVEL is read when the logger loads).
  logger.level = 'silent';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leave-bench-'));
  const engine = await startEmbeddedEngine({ dataDir });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await connectDatabase(engine.uri);
    await syncIndexes();
    const t0 = Date.now();
    const { office, dept, requests, pending } = await seed();
    console.log(
      `seeded ${PEOPLE} people, ${requests} requests (${pending} pending) in ${Date.now() - t0} ms`,
    );
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
    const head = await login(origin, 'head');
    const manager = await login(origin, 'unitmanager');
    const month = todayInBerlin().slice(0, 7);
    const rows: [string, string, string][] = [
      [
        'team calendar, office with all 30 departments (head)',
        `/api/leave/calendar?month=${month}&unitId=${String(office._id)}&subtree=true`,
        head,
      ],
      [
        'team calendar, one department (its leader)',
        `/api/leave/calendar?month=${month}&unitId=${String(dept._id)}`,
        manager,
      ],
      ['inbox, office head', '/api/leave/inbox', head],
      ['inbox, department leader', '/api/leave/inbox', manager],
    ];
    console.log(`\n${N} requests each, concurrency ${CONCURRENCY}, month ${month}\n`);
    console.log('| what | p50 ms | p95 ms | p99 ms | answer |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const [label, url, cookie] of rows) {
      const r = await measure(`${origin}${url}`, cookie);
      console.log(
        `| ${label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.check}, ${r.kb.toFixed(0)} kB |`,
      );
    }
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

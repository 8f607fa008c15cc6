import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../main';
import { TEST_PASSWORD } from '../../test/app';
import { events } from '../../lib/events';
import {
  client,
  next,
  open,
  record,
  signIn,
  sleep,
  startTestPortal,
  type SignedIn,
} from '../../realtime/test-support';
import { makeLeaveOrg } from './leave-read.fixtures';
import { resetLeaveIndex } from './request-index';
import { AuditModel } from '../audit/audit.model';

let server: RunningServer;
let base: string;
let org: Awaited<ReturnType<typeof makeLeaveOrg>>;
const sockets: Socket[] = [];
const signed: Record<string, SignedIn> = {};

beforeAll(async () => {
  server = await startTestPortal('3761');
  base = server.url;
  resetLeaveIndex();
  org = await makeLeaveOrg('rt');
  for (const name of ['emp', 'head', 'stranger', 'colleague']) {
    signed[name] = await signIn(base, `rt-${name}`, TEST_PASSWORD);
  }
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await server?.close();
});

const connect = async (name: string) => {
  const s = client(base, { cookie: signed[name]!.cookie, origin: base });
  sockets.push(s);
  expect(await open(s)).toBe('connected');
  return s;
};
const watch = (s: Socket, unitId: unknown) =>
  s.timeout(2000).emitWithAck('leave:watch-calendar', { unitId }) as Promise<
    { ok: true } | { error: string }
  >;
const changed = (personId: string) =>
  events.publish('leave.changed', {
    requestId: '6a4b7a8e-1b0c-4c55-9e52-3f6d1c7f2a10',
    personId,
    actorId: personId,
    action: 'created',
    before: null,
    after: 'pending',
    from: '2026-05-04',
    to: '2026-05-08',
  });

describe('leave:watch-calendar', () => {
  it('refuses a calendar the person may not open', async () => {
    const s = await connect('stranger');
    expect(await watch(s, String(org.units.a._id))).toEqual({ error: 'forbidden' });
    expect(await watch(s, 'not-an-id')).toEqual({ error: 'forbidden' });
    const member = await connect('colleague');
    expect(await watch(member, String(org.units.b._id))).toEqual({ error: 'forbidden' });
    const refused = await AuditModel.find({
      action: 'realtime.join_refused',
      subjectType: 'unit',
    }).lean();
    expect(refused.map((a) => a.subjectId)).toEqual(
      expect.arrayContaining([String(org.units.a._id), String(org.units.b._id)]),
    );
    expect(refused.every((a) => a.outcome === 'denied' && a.actorId)).toBe(true);
  });

  it('sends leave:calendar to watchers of the unit and of units above it, nothing to others', async () => {
    const member = await connect('emp');
    const head = await connect('head');
    const idle = await connect('colleague'); // same unit, not watching
    const stranger = await connect('stranger');
    expect(await watch(member, String(org.units.a._id))).toEqual({ ok: true });
    expect(await watch(head, String(org.units.o._id))).toEqual({ ok: true });
    await watch(stranger, String(org.units.a._id));
    const idleSeen = record(idle);
    const strangerSeen = record(stranger);

    const atMember = next<{ unitId: string; from: string; to: string }>(member, 'leave:calendar');
    const atHead = next<{ unitId: string }>(head, 'leave:calendar');
    changed(org.colleague.id);
    expect(await atMember).toEqual({
      unitId: String(org.units.a._id),
      from: '2026-05-04',
      to: '2026-05-08',
    });
    expect((await atHead).unitId).toBe(String(org.units.o._id));
    await sleep(2000);
    expect(idleSeen.filter((e) => e.event === 'leave:calendar')).toEqual([]);
    expect(strangerSeen.filter((e) => e.event === 'leave:calendar')).toEqual([]);
  });

  it('stops after leave:unwatch-calendar', async () => {
    const member = await connect('emp');
    expect(await watch(member, String(org.units.a._id))).toEqual({ ok: true });
    member.emit('leave:unwatch-calendar', { unitId: String(org.units.a._id) });
    await sleep(200);
    const seen = record(member);
    changed(org.lead.id);
    await sleep(1000);
    expect(seen.filter((e) => e.event === 'leave:calendar')).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { AssignmentDTO } from '@shared/learning/types';
import type { RunningServer } from '../../../main';
import { TEST_PASSWORD } from '../../../test/app';
import {
  client,
  next,
  open,
  record,
  signIn,
  sleep,
  startTestPortal,
  type SignedIn,
} from '../../../realtime/test-support';
import { addDays } from './reminders';
import { todayInBerlin } from '../../leave/holidays';
import {
  assignmentBody,
  makeMandatoryWorld,
  makeOneLessonCourse,
  send,
  type MWorld,
} from './mandatory.fixtures';
import { AuditModel } from '../../audit/audit.model';

let server: RunningServer;
let base: string;
let w: MWorld;
const sockets: Socket[] = [];
const signed: Record<string, SignedIn> = {};

beforeAll(async () => {
  server = await startTestPortal('3915');
  base = server.url;
  w = await makeMandatoryWorld('rt');
  for (const name of ['hr', 'leadA1', 'a1', 'admin']) {
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
const watch = (s: Socket) =>
  s.timeout(2000).emitWithAck('learning:watch-compliance') as Promise<
    { ok: true } | { error: string }
  >;

describe('learning:watch-compliance', () => {
  it('refuses people who may not see the dashboard', async () => {
    expect(await watch(await connect('a1'))).toEqual({ error: 'forbidden' });
    expect(await watch(await connect('admin'))).toEqual({ error: 'forbidden' });
    const refused = await AuditModel.find({ action: 'realtime.join_refused' }).lean();
    expect(refused.filter((a) => a.detail?.event === 'learning:watch-compliance')).toHaveLength(2);
  });

  it('sends learning:compliance to watchers after an assignment and after a completion', async () => {
    const hr = await connect('hr');
    const lead = await connect('leadA1');
    const learner = await connect('a1');
    expect(await watch(hr)).toEqual({ ok: true });
    expect(await watch(lead)).toEqual({ ok: true });
    await watch(learner);
    const learnerSeen = record(learner);

    const course = await makeOneLessonCourse(w);
    const created = next<{ assignmentId: string }>(hr, 'learning:compliance', 4000);
    const res = await send(
      w,
      'hr',
      'post',
      '/api/learning/assignments',
      assignmentBody(course, addDays(todayInBerlin(), 30)),
    ).expect(201);
    const assignment = (res.body as { data: AssignmentDTO }).data;
    expect(await created).toEqual({ assignmentId: assignment.id });

    const atHr = next<{ assignmentId: string }>(hr, 'learning:compliance', 4000);
    const atLead = next<{ assignmentId: string }>(lead, 'learning:compliance', 4000);
    const path = `/api/learning/courses/${course}`;
    await send(w, 'a1', 'post', `${path}/enrol`).expect(200);
    await send(w, 'a1', 'post', `${path}/progress`, { lessonId: 'lesson-1', done: true }).expect(
      200,
    );
    expect(await atHr).toEqual({ assignmentId: assignment.id });
    expect(await atLead).toEqual({ assignmentId: assignment.id });
    await sleep(1500);
    expect(learnerSeen.filter((e) => e.event === 'learning:compliance')).toEqual([]);
  });

  it('stops after learning:unwatch-compliance', async () => {
    const hr = await connect('hr');
    expect(await watch(hr)).toEqual({ ok: true });
    hr.emit('learning:unwatch-compliance');
    await sleep(200);
    const seen = record(hr);
    const course = await makeOneLessonCourse(w);
    await send(
      w,
      'hr',
      'post',
      '/api/learning/assignments',
      assignmentBody(course, addDays(todayInBerlin(), 10)),
    ).expect(201);
    await sleep(1800);
    expect(seen.filter((e) => e.event === 'learning:compliance')).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../main';
import { TEST_PASSWORD, makePerson } from '../../test/app';
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
import { AuditModel } from '../audit/audit.model';

let server: RunningServer;
let base: string;
const sockets: Socket[] = [];
const signed: Record<string, SignedIn> = {};

beforeAll(async () => {
  server = await startTestPortal('3900');
  base = server.url;
  await makePerson({ username: 'rt_hr', roles: ['employee', 'hr'] });
  await makePerson({ username: 'rt_learner', roles: ['employee'] });
  for (const name of ['rt_hr', 'rt_learner'])
    signed[name] = await signIn(base, name, TEST_PASSWORD);
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
const call = (name: string, method: string, path: string, body?: object) =>
  fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: signed[name]!.cookie,
      'x-csrf-token': signed[name]!.csrf,
      origin: base,
    },
    body: body ? JSON.stringify(body) : undefined,
  });

describe('learning:watch', () => {
  it('authors watch a draft course and get id-only invalidations; learners are refused', async () => {
    const made = await call('rt_hr', 'POST', '/api/learning/courses', {
      clientId: randomUUID(),
      kind: 'course',
      title: 'Brandschutz',
    });
    expect(made.status).toBe(201);
    const course = ((await made.json()) as { data: { id: string; rev: number } }).data;
    const hr = await connect('rt_hr');
    const learner = await connect('rt_learner');
    expect(await hr.timeout(2000).emitWithAck('learning:watch', { courseId: course.id })).toEqual({
      ok: true,
    });
    expect(
      await learner.timeout(2000).emitWithAck('learning:watch', { courseId: course.id }),
    ).toEqual({ error: 'forbidden' });
    expect(await learner.timeout(2000).emitWithAck('learning:watch', { courseId: 'x' })).toEqual({
      error: 'forbidden',
    });
    const refused = await AuditModel.findOne({
      action: 'realtime.join_refused',
      subjectId: course.id,
    }).lean();
    expect(refused).toMatchObject({ subjectType: 'learning_course', outcome: 'denied' });
    const seen = record(learner);
    const changed = next<{ courseId: string; part: string }>(hr, 'learning:course');
    const patch = await call('rt_hr', 'PATCH', `/api/learning/courses/${course.id}`, {
      rev: course.rev,
      title: 'Brandschutz kompakt',
    });
    expect(patch.status).toBe(200);
    expect(await changed).toEqual({ courseId: course.id, part: 'meta' });
    await sleep(200);
    expect(seen.filter((e) => e.event === 'learning:course')).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationDTO, SessionDTO } from '@shared/learning/types';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { makeRequestOrg, septemberDays } from '../../leave/request.fixtures';
import { CourseModel } from '../courses/course.model';
import { rememberCourse } from '../courses/course-index';
import { SessionModel } from './session.model';
import { refreshSession } from './session-index';

/** Review findings (L8-R): repairs after a write that stopped half-way. */
useTestDatabase();

let app: ReturnType<typeof makeTestApp>;
let org: Awaited<ReturnType<typeof makeRequestOrg>>;
let trainer: Session;
let trainerId: string;
const day = septemberDays();

const send = (s: Session, url: string, body: object) =>
  s.agent.post(url).set('X-CSRF-Token', s.csrf).send(body);

beforeAll(async () => {
  app = makeTestApp();
  org = await makeRequestOrg(app, 'rv');
  const t = await makePerson({ username: 'rv-trainer', unitId: String(org.units.x._id) });
  trainerId = t.id;
  trainer = await session(app, 'rv-trainer');
});

describe('session cancel', () => {
  it('a cancel that stopped after marking the session cancels the registrations when repeated', async () => {
    const course = await CourseModel.create({
      clientId: randomUUID(),
      kind: 'training',
      status: 'published',
      title: 'Review training',
      audience: { units: [], roles: [], locationIds: [] },
      trainerIds: [trainerId],
      version: 1,
    });
    const courseId = String(course._id);
    await rememberCourse(courseId);
    const created = await send(trainer, `/api/learning/courses/${courseId}/sessions`, {
      clientId: randomUUID(),
      days: [{ date: day[0], start: '09:00', end: '12:00' }],
      format: 'classroom',
      place: 'Rathaus',
      seats: null,
    }).expect(201);
    const s = (created.body as { data: SessionDTO }).data;
    const r = await send(org.s.emp, `/api/learning/sessions/${s.id}/registrations`, {
      clientId: randomUUID(),
      note: '',
    }).expect(201);
    const registration = (r.body as { data: RegistrationDTO }).data;
    expect(registration.status).not.toBe('cancelled');

    // The first cancel wrote the session and stopped (crash) before the registrations.
    await SessionModel.updateOne(
      { _id: s.id },
      { $set: { cancelledAt: new Date(), cancelledBy: trainerId }, $inc: { rev: 1 } },
    );
    await refreshSession(s.id);

    await send(trainer, `/api/learning/sessions/${s.id}/cancel`, {
      rev: s.rev + 1,
      reason: 'krank',
    }).expect(200);
    const after = await org.s.emp.agent
      .get(`/api/learning/registrations/${registration.id}`)
      .expect(200);
    expect((after.body as { data: RegistrationDTO }).data.status).toBe('cancelled');
  });
});

describe('registration ids', () => {
  it('two people sending the same clientId at once: one registration, the other 409 client_id_reused', async () => {
    const course = await CourseModel.create({
      clientId: randomUUID(),
      kind: 'training',
      status: 'published',
      title: 'Review training 2',
      audience: { units: [], roles: [], locationIds: [] },
      trainerIds: [trainerId],
      version: 1,
    });
    const courseId = String(course._id);
    await rememberCourse(courseId);
    const created = await send(trainer, `/api/learning/courses/${courseId}/sessions`, {
      clientId: randomUUID(),
      days: [{ date: day[1], start: '09:00', end: '12:00' }],
      format: 'classroom',
      place: 'Rathaus',
      seats: null,
    }).expect(201);
    const s = (created.body as { data: SessionDTO }).data;
    const clientId = randomUUID();
    const body = { clientId, note: '' };
    const [a, b] = await Promise.all([
      send(org.s.emp, `/api/learning/sessions/${s.id}/registrations`, body),
      send(org.s.emp2, `/api/learning/sessions/${s.id}/registrations`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('client_id_reused');
    // The loser is not blocked from registering with a fresh id.
    const who = a.status === 409 ? org.s.emp : org.s.emp2;
    await send(who, `/api/learning/sessions/${s.id}/registrations`, {
      clientId: randomUUID(),
      note: '',
    }).expect(201);
  });
});

describe('register while the session is being cancelled', () => {
  it('a session cancelled elsewhere (not yet in this index) refuses the registration it just stored', async () => {
    const course = await CourseModel.create({
      clientId: randomUUID(),
      kind: 'training',
      status: 'published',
      title: 'Review training 3',
      audience: { units: [], roles: [], locationIds: [] },
      trainerIds: [trainerId],
      version: 1,
    });
    const courseId = String(course._id);
    await rememberCourse(courseId);
    const created = await send(trainer, `/api/learning/courses/${courseId}/sessions`, {
      clientId: randomUUID(),
      days: [{ date: day[2], start: '09:00', end: '12:00' }],
      format: 'classroom',
      place: 'Rathaus',
      seats: null,
    }).expect(201);
    const s = (created.body as { data: SessionDTO }).data;
    // Another instance cancelled it and swept its registrations; this one has not heard yet.
    await SessionModel.updateOne(
      { _id: s.id },
      { $set: { cancelledAt: new Date(), cancelledBy: trainerId }, $inc: { rev: 1 } },
    );
    const res = await send(org.s.emp, `/api/learning/sessions/${s.id}/registrations`, {
      clientId: randomUUID(),
      note: '',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('session_cancelled');
    const mine = await org.s.emp.agent.get('/api/learning/registrations?scope=mine').expect(200);
    const active = (mine.body as { data: RegistrationDTO[] }).data.filter(
      (r) => r.sessionId === s.id && r.status !== 'cancelled',
    );
    expect(active).toEqual([]);
  });
});

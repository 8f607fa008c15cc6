import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationDTO, SessionDTO } from '@shared/learning/types';
import type { TeamCalendarDTO as TeamCalendarDTOLike } from '@shared/leave/types';
import type { Realtime } from '../../../realtime';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { NotificationModel } from '../../notifications/notification.model';
import { UnitModel } from '../../org/unit.model';
import { registerLeaveCalendarRealtime } from '../../leave/calendar.realtime';
import { makeRequestOrg, septemberDays } from '../../leave/request.fixtures';
import { CourseModel } from '../courses/course.model';
import { rememberCourse } from '../courses/course-index';
import { registerTrainings } from './notifications';

useTestDatabase();

let app: ReturnType<typeof makeTestApp>;
let org: Awaited<ReturnType<typeof makeRequestOrg>>;
let trainer: Session;
let trainerId: string;
const day = septemberDays();

async function makeTraining(opts: { costCents?: number } = {}): Promise<string> {
  const doc = await CourseModel.create({
    clientId: randomUUID(),
    kind: 'training',
    status: 'published',
    title: `Moderation ${randomUUID().slice(0, 4)}`,
    audience: { units: [], roles: [], locationIds: [] },
    trainerIds: [trainerId],
    costCents: opts.costCents ?? 0,
    version: 1,
  });
  await rememberCourse(String(doc._id));
  return String(doc._id);
}

const send = (s: Session, method: 'post' | 'patch', url: string, body: object) =>
  s.agent[method](url).set('X-CSRF-Token', s.csrf).send(body);

async function addSession(
  courseId: string,
  seats: number | null,
  date = day[0]!,
): Promise<SessionDTO> {
  const res = await send(org.s.hr, 'post', `/api/learning/courses/${courseId}/sessions`, {
    clientId: randomUUID(),
    days: [{ date, start: '09:00', end: '16:00' }],
    format: 'online',
    onlineUrl: 'https://meet.example.test/x',
    seats,
  }).expect(201);
  return (res.body as { data: SessionDTO }).data;
}

const register = (s: Session, sessionId: string, clientId = randomUUID()) =>
  send(s, 'post', `/api/learning/sessions/${sessionId}/registrations`, { clientId, note: 'gern' });
const decide = (s: Session, id: string, decision: 'approve' | 'reject', reason = '') =>
  send(s, 'post', `/api/learning/registrations/${id}/decision`, { rev: 0, decision, reason });
/** Waits until `check` passes (subscribers run after the response). */
async function eventually(check: () => Promise<void> | void): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (err) {
      if (i > 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const reg = (res: request.Response) => (res.body as { data: RegistrationDTO }).data;

beforeAll(async () => {
  app = makeTestApp();
  org = await makeRequestOrg(app, 'tr');
  const t = await makePerson({ username: 'tr-trainer', unitId: String(org.units.x._id) });
  trainerId = t.id;
  trainer = await session(app, 'tr-trainer');
  registerTrainings();
});

describe('sessions', () => {
  it('401 without a session, 404 unknown course, 403 for learners, 400 bad input, 201 then 200', async () => {
    const courseId = await makeTraining();
    await request(app).get(`/api/learning/courses/${courseId}/sessions`).expect(401);
    await org.s.emp.agent.get(`/api/learning/courses/${'a'.repeat(24)}/sessions`).expect(404);
    const body = {
      clientId: randomUUID(),
      days: [{ date: day[1], start: '09:00', end: '12:00' }],
      format: 'classroom',
      place: 'Rathaus',
      seats: 10,
    };
    await send(org.s.emp, 'post', `/api/learning/courses/${courseId}/sessions`, body).expect(403);
    await send(trainer, 'post', `/api/learning/courses/${courseId}/sessions`, {
      ...body,
      days: [{ date: day[1], start: '12:00', end: '09:00' }],
    }).expect(400);
    const first = await send(
      trainer,
      'post',
      `/api/learning/courses/${courseId}/sessions`,
      body,
    ).expect(201);
    const again = await send(
      trainer,
      'post',
      `/api/learning/courses/${courseId}/sessions`,
      body,
    ).expect(200);
    expect((again.body as { data: SessionDTO }).data.id).toBe(
      (first.body as { data: SessionDTO }).data.id,
    );
    const list = await org.s.emp.agent
      .get(`/api/learning/courses/${courseId}/sessions`)
      .expect(200);
    const [s] = (list.body as { data: SessionDTO[] }).data;
    expect(s).toMatchObject({
      seats: 10,
      taken: 0,
      needsHr: true,
      registrationUntil: expect.any(String),
    });
    expect(s!.abilities).toMatchObject({ register: true, edit: false, seeParticipants: false });
    await org.s.emp.agent.get(`/api/learning/sessions/${s!.id}/participants`).expect(403);
    await send(org.s.emp, 'patch', `/api/learning/sessions/${s!.id}`, { rev: 0, seats: 5 }).expect(
      403,
    );
    await send(trainer, 'patch', `/api/learning/sessions/${s!.id}`, { rev: 7, seats: 5 }).expect(
      409,
    );
    await send(trainer, 'patch', `/api/learning/sessions/${s!.id}`, { rev: 0, seats: 5 }).expect(
      200,
    );
  });
});

describe('registration chain', () => {
  it('employee → manager → HR → confirmed, with replays, refusals and notifications', async () => {
    const courseId = await makeTraining({ costCents: 5000 });
    const s = await addSession(courseId, null);
    expect(s.onlineUrl).toBe('https://meet.example.test/x');
    const clientId = randomUUID();
    const created = await register(org.s.emp, s.id, clientId).expect(201);
    expect(reg(created)).toMatchObject({
      status: 'pending_manager',
      approver: { id: org.ids.lead },
    });
    expect(reg(await register(org.s.emp, s.id, clientId).expect(200)).id).toBe(reg(created).id);
    expect((await register(org.s.emp, s.id).expect(409)).body.error.code).toBe(
      'already_registered',
    );
    const id = reg(created).id;
    const emps = await org.s.emp.agent
      .get(`/api/learning/courses/${courseId}/sessions`)
      .expect(200);
    expect((emps.body as { data: SessionDTO[] }).data[0]!.onlineUrl).toBeNull();

    await org.s.xlead.agent.get(`/api/learning/registrations/${id}`).expect(404);
    await decide(org.s.xlead, id, 'approve').expect(404);
    await decide(org.s.hr, id, 'approve').expect(409);
    await decide(org.s.lead, id, 'reject').expect(400);
    const inbox = await org.s.lead.agent
      .get('/api/learning/registrations?scope=decide')
      .expect(200);
    expect((inbox.body as { data: RegistrationDTO[] }).data.map((r) => r.id)).toContain(id);
    expect(
      await NotificationModel.countDocuments({
        userId: org.ids.lead,
        kind: 'learning.registration_submitted',
      }),
    ).toBe(1);

    const approved = await decide(org.s.lead, id, 'approve', 'Passt zum Entwicklungsplan').expect(
      200,
    );
    expect(reg(approved).status).toBe('pending_hr');
    // The optional approval comment is kept in the history (the dialog offers it).
    expect(reg(approved).history.at(-1)?.reason).toBe('Passt zum Entwicklungsplan');
    expect(reg(await decide(org.s.lead, id, 'approve').expect(200)).status).toBe('pending_hr');
    expect((await decide(org.s.lead, id, 'reject', 'nein').expect(409)).body.error.code).toBe(
      'invalid_transition',
    );
    const hrInbox = await org.s.hr.agent
      .get('/api/learning/registrations?scope=decide')
      .expect(200);
    expect((hrInbox.body as { data: RegistrationDTO[] }).data.map((r) => r.id)).toContain(id);
    // One row is enough for the sub-nav count: the total counts them all.
    const counted = await org.s.hr.agent
      .get('/api/learning/registrations?scope=decide&limit=1')
      .expect(200);
    expect(counted.body.data).toHaveLength(1);
    expect(counted.body.total).toBe((hrInbox.body as { data: RegistrationDTO[] }).data.length);

    const confirmed = await decide(org.s.hr, id, 'approve').expect(200);
    expect(reg(confirmed).status).toBe('confirmed');
    expect(reg(confirmed).history.map((h) => h.action)).toEqual([
      'created',
      'manager_approved',
      'hr_confirmed',
    ]);
    const mine = await org.s.emp.agent.get('/api/learning/registrations?scope=mine').expect(200);
    expect((mine.body as { data: RegistrationDTO[] }).data[0]!.status).toBe('confirmed');
    const after = await org.s.emp.agent
      .get(`/api/learning/courses/${courseId}/sessions`)
      .expect(200);
    expect((after.body as { data: SessionDTO[] }).data[0]!.onlineUrl).toBe(
      'https://meet.example.test/x',
    );
    await eventually(async () => {
      const kinds = (await NotificationModel.find({ userId: org.ids.emp }).lean()).map(
        (n) => n.kind,
      );
      expect(kinds).toEqual(
        expect.arrayContaining([
          'learning.registration_approved',
          'learning.registration_confirmed',
        ]),
      );
    });
    await org.s.emp.agent.get('/api/learning/registrations/not-a-uuid').expect(400);
  });

  it('exactly one of two parallel decisions applies; the person cannot decide', async () => {
    const courseId = await makeTraining();
    const s = await addSession(courseId, null);
    const id = reg(await register(org.s.emp2, s.id).expect(201)).id;
    await decide(org.s.emp2, id, 'approve').expect(403);
    const results = await Promise.all([
      decide(org.s.lead, id, 'approve'),
      decide(org.s.lead, id, 'reject', 'kein Budget'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    await send(org.s.emp2, 'post', `/api/learning/registrations/${id}/cancel`, { rev: 0 }).expect(
      (r) => {
        expect([200, 409]).toContain(r.status);
      },
    );
  });
});

describe('seats', () => {
  it('10 parallel confirmations for 3 seats; move-up on cancel; session cancel', async () => {
    const z = await UnitModel.create({ name: 'tr Z', kind: 'office', sortKey: 'tr z' });
    const people: Session[] = [];
    for (let i = 0; i < 10; i++) {
      await makePerson({ username: `tr-z${i}`, unitId: String(z._id) });
      people.push(await session(app, `tr-z${i}`));
    }
    const courseId = await makeTraining();
    const s = await addSession(courseId, 3);
    const ids: string[] = [];
    for (const p of people) {
      const r = reg(await register(p, s.id).expect(201));
      expect(r.status).toBe('pending_hr');
      ids.push(r.id);
    }
    const results = await Promise.all(ids.map((id) => decide(org.s.hr, id, 'approve')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const part = await trainer.agent.get(`/api/learning/sessions/${s.id}/participants`).expect(200);
    const rows = (part.body as { data: RegistrationDTO[] }).data;
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    expect(waiting.map((r) => r.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const leaving = rows.find((r) => r.status === 'confirmed')!;
    const leaver = people[ids.indexOf(leaving.id)]!;
    const cancelled = await send(
      leaver,
      'post',
      `/api/learning/registrations/${leaving.id}/cancel`,
      { rev: 1 },
    ).expect(200);
    expect(reg(cancelled).status).toBe('cancelled');
    const moved = await trainer.agent
      .get(`/api/learning/registrations/${waiting[0]!.id}`)
      .expect(200);
    expect(reg(moved).status).toBe('confirmed');
    await eventually(async () =>
      expect(
        await NotificationModel.countDocuments({
          userId: reg(moved).person.id,
          kind: 'learning.registration_moved_up',
        }),
      ).toBe(1),
    );
    // A trainer cancelling someone needs a reason.
    await send(trainer, 'post', `/api/learning/registrations/${waiting[1]!.id}/cancel`, {
      rev: 0,
    }).expect(400);

    await send(org.s.emp, 'post', `/api/learning/sessions/${s.id}/cancel`, { rev: 0 }).expect(403);
    const sess = await trainer.agent.get(`/api/learning/courses/${courseId}/sessions`).expect(200);
    const rev = (sess.body as { data: SessionDTO[] }).data[0]!.rev;
    await send(trainer, 'post', `/api/learning/sessions/${s.id}/cancel`, {
      rev,
      reason: 'krank',
    }).expect(200);
    const end = await trainer.agent.get(`/api/learning/sessions/${s.id}/participants`).expect(200);
    expect((end.body as { data: RegistrationDTO[] }).data).toHaveLength(0);
    expect((await register(org.s.emp, s.id).expect(409)).body.error.code).toBe('session_cancelled');
  });
});

describe('team calendar', () => {
  it('shows confirmed training days to the manager and announces the change live', async () => {
    const rooms: string[] = [];
    const fake = {
      io: { on: () => undefined, off: () => undefined },
      toRoom: (room: string) => rooms.push(room),
    } as unknown as Realtime;
    const off = registerLeaveCalendarRealtime(fake);
    const courseId = await makeTraining();
    const s = await addSession(courseId, null, day[3]);
    const id = reg(await register(org.s.col, s.id).expect(201)).id;
    expect(reg(await decide(org.s.lead, id, 'approve').expect(200)).status).toBe('confirmed');
    await eventually(() => expect(rooms).toContain(`leave-cal:${String(org.units.a._id)}`));
    expect(rooms).toContain(`leave-cal:${String(org.units.a._id)}`);
    off();
    const month = day[3]!.slice(0, 7);
    const cal = await org.s.lead.agent
      .get(`/api/leave/calendar?month=${month}&unitId=${String(org.units.a._id)}`)
      .expect(200);
    const people = (cal.body as { data: TeamCalendarDTOLike }).data.people;
    const col = people.find((p) => p.person.id === org.ids.col)!;
    expect(col.trainings).toEqual([
      expect.objectContaining({
        registrationId: id,
        courseId,
        date: day[3],
        start: '09:00',
        title: expect.any(String),
      }),
    ]);
  });
});

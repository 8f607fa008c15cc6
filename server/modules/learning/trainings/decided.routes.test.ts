import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationDTO, SessionDTO } from '@shared/learning/types';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { AuditModel } from '../../audit/audit.model';
import { makeRequestOrg, septemberDays } from '../../leave/request.fixtures';
import { CourseModel } from '../courses/course.model';
import { rememberCourse } from '../courses/course-index';

useTestDatabase();

let org: Awaited<ReturnType<typeof makeRequestOrg>>;
let courseId: string;
let otherCourseId: string;
let sessionId: string;
const regs = {} as Record<'emp' | 'col' | 'emp2' | 'xemp' | 'dep', string>;
const day = septemberDays();

const send = (s: Session, url: string, body: object) =>
  s.agent.post(url).set('X-CSRF-Token', s.csrf).send(body);

async function makeTraining(): Promise<string> {
  const doc = await CourseModel.create({
    clientId: randomUUID(),
    kind: 'training',
    status: 'published',
    title: `Konfliktmoderation ${randomUUID().slice(0, 4)}`,
    audience: { units: [], roles: [], locationIds: [] },
    trainerIds: [],
    costCents: 0,
    version: 1,
  });
  await rememberCourse(String(doc._id));
  return String(doc._id);
}

async function addSession(course: string): Promise<string> {
  const res = await send(org.s.hr, `/api/learning/courses/${course}/sessions`, {
    clientId: randomUUID(),
    days: [{ date: day[2], start: '09:00', end: '16:00' }],
    format: 'classroom',
    place: 'Rathaus',
    seats: null,
  }).expect(201);
  return (res.body as { data: SessionDTO }).data.id;
}

async function register(s: Session, session: string): Promise<string> {
  const res = await send(s, `/api/learning/sessions/${session}/registrations`, {
    clientId: randomUUID(),
    note: '',
  }).expect(201);
  return (res.body as { data: RegistrationDTO }).data.id;
}

const decide = (s: Session, id: string, decision: 'approve' | 'reject', reason = '') =>
  send(s, `/api/learning/registrations/${id}/decision`, { rev: 0, decision, reason }).expect(200);

type Page = { data: RegistrationDTO[]; nextCursor: string | null };
async function decided(s: Session, query = '', expectStatus = 200): Promise<Page> {
  const res = await s.agent
    .get(`/api/learning/registrations?scope=decide&state=decided${query}`)
    .expect(expectStatus);
  return res.body as Page;
}
const ids = (p: Page) => p.data.map((r) => r.id);

beforeAll(async () => {
  const app = makeTestApp();
  org = await makeRequestOrg(app, 'dc');
  courseId = await makeTraining();
  otherCourseId = await makeTraining();
  sessionId = await addSession(courseId);
  const otherSession = await addSession(otherCourseId);
  // Unit A (leader `lead`, chain leader `head`): emp confirmed, col rejected; emp2 in the other
  // course. Unit X (leader `xlead`): xemp confirmed. `dep` stays pending for the paging test.
  regs.emp = await register(org.s.emp, sessionId);
  regs.col = await register(org.s.col, sessionId);
  regs.emp2 = await register(org.s.emp2, otherSession);
  regs.xemp = await register(org.s.xemp, sessionId);
  regs.dep = await register(org.s.dep, sessionId);
  await decide(org.s.lead, regs.emp, 'approve');
  await decide(org.s.lead, regs.col, 'reject', 'Dienstbetrieb geht vor');
  await decide(org.s.lead, regs.emp2, 'approve');
  await decide(org.s.xlead, regs.xemp, 'approve');
});

describe('GET /api/learning/registrations?scope=decide&state=decided', () => {
  it('400 for an unknown state, 403 (audited) for a learner', async () => {
    await org.s.hr.agent.get('/api/learning/registrations?scope=decide&state=done').expect(400);
    await decided(org.s.col, '', 403);
    const entry = await AuditModel.findOne({
      action: 'learning.registrations.decided',
      actorId: org.ids.col,
    }).lean();
    expect(entry).not.toBeNull();
  });

  it("a manager sees only their people's decided registrations, with who decided and why", async () => {
    const lead = await decided(org.s.lead);
    expect(new Set(ids(lead))).toEqual(new Set([regs.emp, regs.col, regs.emp2]));
    const rejected = lead.data.find((r) => r.id === regs.col)!;
    expect(rejected.status).toBe('rejected');
    expect(rejected.history.at(-1)).toMatchObject({
      to: 'rejected',
      reason: 'Dienstbetrieb geht vor',
      actor: { id: org.ids.lead },
    });
    expect(ids(await decided(org.s.xlead))).toEqual([regs.xemp]);
    // Chain leader above unit A sees A's people too; the deputy (leader not away) nobody's.
    expect(new Set(ids(await decided(org.s.head)))).toEqual(
      new Set([regs.emp, regs.col, regs.emp2]),
    );
    expect(ids(await decided(org.s.dep))).toEqual([]);
  });

  it('HR sees all, newest decision first, filtered by course or session', async () => {
    const all = await decided(org.s.hr);
    expect(ids(all)).toEqual([regs.xemp, regs.emp2, regs.col, regs.emp]);
    expect(ids(await decided(org.s.hr, `&courseId=${otherCourseId}`))).toEqual([regs.emp2]);
    expect(ids(await decided(org.s.hr, `&sessionId=${sessionId}`))).toEqual([
      regs.xemp,
      regs.col,
      regs.emp,
    ]);
    expect(ids(await decided(org.s.hr, '&status=rejected'))).toEqual([regs.col]);
    // The open list is unchanged: only what waits (dep's registration, for the manager).
    const open = await org.s.lead.agent.get('/api/learning/registrations?scope=decide').expect(200);
    expect(ids(open.body as Page)).toEqual([regs.dep]);
  });

  it('pages without gaps or doubles, even when a decision lands between pages', async () => {
    const first = await decided(org.s.hr, '&limit=2');
    expect(ids(first)).toEqual([regs.xemp, regs.emp2]);
    expect(first.nextCursor).toEqual(expect.any(String));
    // A new decision goes to the top; the next page still continues after the last row sent.
    await decide(org.s.lead, regs.dep, 'approve');
    const second = await decided(org.s.hr, `&limit=2&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual([regs.col, regs.emp]);
    expect(second.nextCursor).toBeNull();
    const fresh = await decided(org.s.hr, '&limit=2');
    expect(ids(fresh)).toEqual([regs.dep, regs.xemp]);
    await decided(org.s.hr, '&cursor=bm9wZQ', 400);
  });
});

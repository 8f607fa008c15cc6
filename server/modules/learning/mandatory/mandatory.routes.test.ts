import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AssignmentDTO,
  ComplianceDTO,
  CompliancePersonDTO,
  DueTrainingDTO,
} from '@shared/learning/types';
import { useTestDatabase } from '../../../test/db';
import { AuditModel } from '../../audit/audit.model';
import { todayInBerlin } from '../../leave/holidays';
import { NotificationModel } from '../../notifications/notification.model';
import { makeCourse } from '../progress/progress.fixtures';
import { registerProgress } from '../progress/register';
import { mandatoryNotificationsSettled } from './notifications';
import { registerMandatory } from './register';
import { addDays, resetReminderMemory, runReminderSweep } from './reminders';
import { dueTrainingsWidget } from './widget';
import {
  assignmentBody,
  get,
  makeMandatoryWorld,
  makeOneLessonCourse,
  send,
  type MWorld,
} from './mandatory.fixtures';

useTestDatabase();

let w: MWorld;
let course: string;
let assignment: AssignmentDTO;
const today = todayInBerlin();
const future = addDays(today, 30);
const past = addDays(today, -2);
const ASSIGNED = 9; // active people of the test org (the inactive one is left out)

beforeAll(async () => {
  w = await makeMandatoryWorld('m');
  registerProgress();
  registerMandatory();
  course = await makeOneLessonCourse(w);
});

const complete = async (who: 'a1' | 'a2' | 'b1', courseId = course) => {
  const base = `/api/learning/courses/${courseId}`;
  await send(w, who, 'post', `${base}/enrol`).expect(200);
  await send(w, who, 'post', `${base}/progress`, { lessonId: 'lesson-1', done: true }).expect(200);
};

describe('mandatory routes: status codes', () => {
  it('401 without a session on every route', async () => {
    const anon = request(w.app);
    await anon.get('/api/learning/assignments').expect(401);
    await anon.get('/api/learning/me/due').expect(401);
    await anon.get('/api/learning/compliance').expect(401);
    await anon
      .get(
        `/api/learning/compliance/people?assignmentId=${'0'.repeat(24)}&unitId=${w.units.officeA}`,
      )
      .expect(401);
    const res = await anon.post('/api/learning/assignments').send({});
    expect([401, 403]).toContain(res.status);
  });

  it('201 for HR, then 200 with the same assignment on a replay; everyone assigned is notified once', async () => {
    const body = assignmentBody(course, future);
    const res = await send(w, 'hr', 'post', '/api/learning/assignments', body).expect(201);
    assignment = (res.body as { data: AssignmentDTO }).data;
    expect(assignment.totals).toEqual({ assigned: ASSIGNED, done: 0, open: ASSIGNED, overdue: 0 });
    expect(assignment.abilities).toEqual({ edit: true, seePeople: true });
    const again = await send(w, 'hr', 'post', '/api/learning/assignments', body).expect(200);
    expect((again.body as { data: AssignmentDTO }).data.id).toBe(assignment.id);
    await send(w, 'hr2', 'post', '/api/learning/assignments', body).expect(409);
    await mandatoryNotificationsSettled();
    expect(await NotificationModel.countDocuments({ kind: 'learning.mandatory_assigned' })).toBe(
      ASSIGNED,
    );
    const list = await get(w, 'hr', '/api/learning/assignments').expect(200);
    expect((list.body as { data: AssignmentDTO[] }).data.map((a) => a.id)).toContain(assignment.id);
  });

  it('403 (audited) for everyone but HR on writes, and for non-leaders on reads', async () => {
    await send(w, 'a1', 'post', '/api/learning/assignments', assignmentBody(course, future)).expect(
      403,
    );
    await send(
      w,
      'admin',
      'post',
      '/api/learning/assignments',
      assignmentBody(course, future),
    ).expect(403);
    await send(w, 'leadB', 'patch', `/api/learning/assignments/${assignment.id}`, {
      rev: 0,
    }).expect(403);
    await get(w, 'a1', '/api/learning/assignments').expect(403);
    await get(w, 'admin', '/api/learning/compliance').expect(403);
    await get(
      w,
      'a1',
      `/api/learning/compliance/people?assignmentId=${assignment.id}&unitId=${w.units.teamA1}`,
    ).expect(403);
    expect(
      await AuditModel.countDocuments({ action: 'learning.assignment.create', outcome: 'denied' }),
    ).toBe(2);
  });

  it('400 for bad input and self-assessments; 409 for unpublished courses and stale revs; 404 unknown', async () => {
    await send(w, 'hr', 'post', '/api/learning/assignments', { courseId: course }).expect(400);
    await send(
      w,
      'hr',
      'post',
      '/api/learning/assignments',
      assignmentBody(course, '31.12.2099'),
    ).expect(400);
    const check = await makeOneLessonCourse(w, 'self_assessment');
    await send(w, 'hr', 'post', '/api/learning/assignments', assignmentBody(check, future)).expect(
      400,
    );
    const draft = await makeCourse(w.world, { status: 'draft', everyone: true });
    const res = await send(
      w,
      'hr',
      'post',
      '/api/learning/assignments',
      assignmentBody(draft, future),
    ).expect(409);
    expect((res.body as { error: { code: string } }).error.code).toBe('course_not_published');
    await send(w, 'hr', 'patch', `/api/learning/assignments/${assignment.id}`, {
      rev: 7,
      note: 'x',
    }).expect(409);
    await send(w, 'hr', 'patch', `/api/learning/assignments/${'0'.repeat(24)}`, { rev: 0 }).expect(
      404,
    );
    await get(w, 'hr', `/api/learning/compliance?assignmentId=${'0'.repeat(24)}`).expect(404);
    await get(
      w,
      'hr',
      `/api/learning/compliance/people?assignmentId=${assignment.id}&unitId=${'0'.repeat(24)}`,
    ).expect(404);
    await get(w, 'hr', '/api/learning/compliance?assignmentId=nope').expect(400);
  });

  it('200 PATCH with the right rev', async () => {
    const res = await send(w, 'hr', 'patch', `/api/learning/assignments/${assignment.id}`, {
      rev: assignment.rev,
      note: 'Bitte bis Monatsende',
    }).expect(200);
    assignment = (res.body as { data: AssignmentDTO }).data;
    expect(assignment.note).toBe('Bitte bis Monatsende');
    expect(assignment.rev).toBe(1);
  });
});

describe('compliance', () => {
  const rowsOf = async (who: 'hr' | 'leadA1' | 'leadB', id = assignment.id) => {
    const res = await get(w, who, `/api/learning/compliance?assignmentId=${id}`).expect(200);
    return (res.body as { data: ComplianceDTO[] }).data[0]!;
  };
  const people = (who: 'hr' | 'leadA1' | 'leadB', unitId: string) =>
    get(w, who, `/api/learning/compliance/people?assignmentId=${assignment.id}&unitId=${unitId}`);

  it('counts per office and changes when a learner completes; no names in the aggregate', async () => {
    let c = await rowsOf('hr');
    const a = () => c.rows.find((r) => r.unit.id === w.units.officeA)!;
    const b = () => c.rows.find((r) => r.unit.id === w.units.officeB)!;
    expect(a()).toMatchObject({ assigned: 4, done: 0, open: 4, overdue: 0, canSeePeople: true });
    expect(b()).toMatchObject({ assigned: 5, done: 0, open: 5, overdue: 0 });
    await complete('a1');
    c = await rowsOf('hr');
    expect(a()).toMatchObject({ assigned: 4, done: 1, open: 3 });
    expect(c.assignment.totals).toEqual({ assigned: 9, done: 1, open: 8, overdue: 0 });
    // Learners never appear (the creator in `assignment.createdBy` is HR, not a learner).
    const json = JSON.stringify(c.rows);
    for (const who of ['a1', 'a2', 'a3', 'b1', 'leadA1', 'leadB'] as const) {
      expect(json).not.toContain(w.ids[who]);
    }
    expect(json).not.toContain('Test Person');
  });

  it('overdue past the deadline; completions before the assignment count', async () => {
    const res = await send(
      w,
      'hr',
      'post',
      '/api/learning/assignments',
      assignmentBody(course, past),
    ).expect(201);
    const late = (res.body as { data: AssignmentDTO }).data;
    expect(late.totals).toEqual({ assigned: 9, done: 1, open: 0, overdue: 8 });
  });

  it('leaders see only rows of their offices and people of the units they lead', async () => {
    const lead = await rowsOf('leadA1');
    expect(lead.rows.map((r) => r.unit.id)).toEqual([w.units.officeA]);
    const mine = await people('leadA1', w.units.officeA).expect(200);
    const ids = (mine.body as { data: CompliancePersonDTO[] }).data.map((p) => p.person.id).sort();
    expect(ids).toEqual([w.ids.a1, w.ids.a2, w.ids.leadA1].sort());
    const a1 = (mine.body as { data: CompliancePersonDTO[] }).data.find(
      (p) => p.person.id === w.ids.a1,
    );
    expect(a1).toMatchObject({ status: 'done', percent: 100 });
    await people('leadA1', w.units.officeB).expect(403);
    await people('leadB', w.units.teamA1).expect(403);
    expect(
      await AuditModel.countDocuments({ action: 'learning.compliance.people', outcome: 'denied' }),
    ).toBeGreaterThanOrEqual(2);
    const all = await people('hr', w.units.officeA).expect(200);
    expect((all.body as { data: CompliancePersonDTO[] }).data).toHaveLength(4);
  });
});

describe('due trainings and reminders', () => {
  it('lists my due trainings by deadline and drops them once done', async () => {
    const res = await get(w, 'a2', '/api/learning/me/due').expect(200);
    const due = (res.body as { data: DueTrainingDTO[] }).data;
    expect(due).toHaveLength(1); // one per course: the earliest deadline
    expect(due[0]).toMatchObject({ deadline: past, overdue: true, percent: 0 });
    const widget = await dueTrainingsWidget({ id: w.ids.a2 });
    expect(widget.overdue).toBe(1);
    const done = await get(w, 'a1', '/api/learning/me/due').expect(200);
    expect((done.body as { data: DueTrainingDTO[] }).data).toEqual([]);
  });

  it('sends each reminder stage once, even when two sweeps run in parallel', async () => {
    await NotificationModel.deleteMany({});
    const at = new Date(`${addDays(future, -3)}T10:00:00Z`);
    const [x, y] = await Promise.all([runReminderSweep(at), runReminderSweep(at)]);
    // the future assignment: d3 for the 8 not done; the past one: overdue for the same 8
    expect(x + y).toBe(16);
    resetReminderMemory(); // as after a restart: the claims in the database still hold
    expect(await runReminderSweep(at)).toBe(0);
    expect(await NotificationModel.countDocuments({ kind: 'learning.mandatory_reminder' })).toBe(8);
    expect(await NotificationModel.countDocuments({ kind: 'learning.mandatory_overdue' })).toBe(8);
    await complete('a2');
    const later = new Date(`${addDays(future, 1)}T10:00:00Z`);
    expect(await runReminderSweep(later)).toBe(7); // overdue of the first assignment, a2 done now
  });
});

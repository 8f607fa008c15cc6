import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import mongoose from 'mongoose';
import request from 'supertest';
import type { CourseCardDTO, MyCourseDTO } from '@shared/learning/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp } from '../../test/app';
import { PersonModel } from '../../modules/people/person.model';
import { UnitModel } from '../../modules/org/unit.model';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './demo';
import { demoLearningId, insertDemoLearning } from './learning';
import type { PersonRow, UnitRow } from './build';

useTestDatabase();
let app: Express;

beforeAll(async () => {
  app = makeTestApp();
  expect(await seedDemoIfEmpty()).toBe(true);
}, 120_000);

async function as(username: string) {
  const agent = request.agent(app);
  const csrf = (await agent.get('/api/auth/csrf')).body.token as string;
  await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ username, password: DEMO_PASSWORD })
    .expect(200);
  return agent;
}

const collection = (name: string) => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  return db.collection(name);
};

/** Everything the learning seed writes, counted (embedded enrolments and replies too). */
async function counts() {
  const count = (name: string) => collection(name).countDocuments();
  const learners = await collection('learning_learners').find().toArray();
  const threads = await collection('learning_threads').find().toArray();
  const registrations = await collection('learning_registrations').find().toArray();
  return {
    categories: await count('learning_categories'),
    courses: await count('learning_courses'),
    content: await count('learning_content'),
    files: await count('learning_files.files'),
    learners: learners.length,
    enrolments: learners.reduce((n, l) => n + Object.keys(l.courses ?? {}).length, 0),
    attempts: await count('learning_attempts'),
    certificates: await count('learning_certificates'),
    threads: threads.length,
    replies: threads.reduce((n, t) => n + ((t.replies as unknown[]) ?? []).length, 0),
    announcements: await count('learning_announcements'),
    sessions: await count('learning_sessions'),
    registrations: registrations.map((r) => String(r.status)).sort(),
    claims: await count('learning_claims'),
    assignments: await count('learning_assignments'),
  };
}

describe('demo e-learning', () => {
  it('writes the categories, six courses, files, progress, discussion, sessions and registrations', async () => {
    const c = await counts();
    expect(c).toMatchObject({
      categories: 5,
      courses: 6,
      files: 3,
      attempts: 1,
      certificates: 1,
      threads: 1,
      replies: 1,
      announcements: 1,
      sessions: 3,
      assignments: 1,
      claims: 5,
    });
    // 5 published versions + 6 drafts.
    expect(c.content).toBe(11);
    expect(c.enrolments).toBe(3);
    expect(c.registrations).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'pending_manager',
      'waitlisted',
    ]);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await counts();
    const people = await PersonModel.find().lean<PersonRow[]>();
    const units = await UnitModel.find().lean<UnitRow[]>();
    await insertDemoLearning({ people, units });
    expect(await counts()).toEqual(before);
  });

  it('shows employee the published courses with progress, never the draft', async () => {
    const employee = await as('employee');
    const list = await employee.get('/api/learning/courses?limit=100').expect(200);
    const titles = (list.body.data as CourseCardDTO[]).map((c) => c.title).sort();
    expect(titles).toEqual([
      'Datenschutz (DSGVO) kompakt',
      'Digital-Check: Wie fit bin ich digital?',
      'Erste Hilfe Auffrischung',
      'Informationssicherheit im Arbeitsalltag',
      'Moderation von Besprechungen',
    ]);
    const infosec = (list.body.data as CourseCardDTO[]).find((c) => c.title.startsWith('Info'));
    expect(infosec?.mandatoryDeadline).not.toBeNull();
    expect(infosec?.myProgress?.percent).toBe(40);
    const draft = await collection('learning_courses').findOne({
      clientId: demoLearningId('teilzeit'),
    });
    expect(draft?.status).toBe('draft');
    await employee.get(`/api/learning/courses/${String(draft?._id)}`).expect(404);
  });

  it('keeps the office course from employee2, who completed the mandatory course', async () => {
    const e2 = await as('employee2');
    const list = await e2.get('/api/learning/courses?limit=100').expect(200);
    const titles = (list.body.data as CourseCardDTO[]).map((c) => c.title);
    expect(titles).not.toContain('Datenschutz (DSGVO) kompakt');
    const mine = (await e2.get('/api/learning/me/courses').expect(200)).body.data as MyCourseDTO[];
    expect(mine).toHaveLength(1);
    expect(mine[0]?.enrolment.completedAt).not.toBeNull();
    expect(mine[0]?.enrolment.certificateCode).toBeTruthy();
  });
});

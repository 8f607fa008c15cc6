import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { Role } from '@shared/people/roles';
import type { CourseStatus } from '@shared/learning/schemas';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { CourseModel } from '../courses/course.model';
import { rememberCourse } from '../courses/course-index';
import { LearnerModel } from '../progress/learner.model';
import { rememberLearner } from '../progress/learner-index';

/** Test fixtures for the discussion route tests (real database; courses written directly). */
export type Who = 'hr' | 'trainer' | 'learner' | 'learner2' | 'visitor' | 'outsider';
const roleOf: Record<Who, Role[]> = {
  hr: ['employee', 'hr'],
  trainer: ['employee'],
  learner: ['employee'],
  learner2: ['employee'],
  visitor: ['employee'],
  outsider: ['employee', 'admin'],
};

export interface World {
  app: Express;
  ids: Record<Who, string>;
  s: Record<Who, Session>;
  /** The unit everyone but the outsider belongs to (restricted courses target it). */
  unitId: string;
}

export async function makeWorld(): Promise<World> {
  const app = makeTestApp();
  const first = await makePerson({ roles: roleOf.hr });
  const ids = { hr: first.id } as Record<Who, string>;
  const names = { hr: first.username } as Record<Who, string>;
  const s = {} as Record<Who, Session>;
  for (const who of Object.keys(roleOf) as Who[]) {
    if (who === 'hr') continue;
    const p = await makePerson({
      roles: roleOf[who],
      ...(who === 'outsider' ? {} : { unitId: first.unitId }),
    });
    ids[who] = p.id;
    names[who] = p.username;
  }
  for (const who of Object.keys(roleOf) as Who[]) s[who] = await session(app, names[who]);
  return { app, ids, s, unitId: first.unitId };
}

/** A course of the given status; audience = the shared unit (the outsider is not in it). */
export async function makeCourse(
  w: World,
  status: CourseStatus = 'published',
  enrolled: Who[] = ['learner', 'learner2'],
): Promise<string> {
  const doc = await CourseModel.create({
    clientId: randomUUID(),
    kind: 'course',
    status,
    title: `Datenschutz ${randomUUID().slice(0, 4)}`,
    audience: { units: [{ unitId: w.unitId, withSubunits: true }], roles: [], locationIds: [] },
    trainerIds: [w.ids.trainer],
    version: status === 'draft' ? 0 : 1,
    publishedAt: status === 'draft' ? null : new Date(),
  });
  const courseId = String(doc._id);
  await rememberCourse(courseId);
  for (const who of enrolled) await enrol(w, who, courseId);
  return courseId;
}

export async function enrol(w: World, who: Who, courseId: string): Promise<void> {
  const personId = w.ids[who];
  const enrolment = {
    enrolledAt: new Date(),
    lastLessonId: null,
    done: {},
    positions: {},
    quizzes: {},
    completedAt: null,
    completedVersion: null,
    certificateCode: null,
  };
  const updated = await LearnerModel.updateOne(
    { _id: personId },
    { $set: { [`courses.${courseId}`]: enrolment }, $inc: { rev: 1 } },
  );
  if (updated.matchedCount === 0) {
    await LearnerModel.create({
      _id: personId,
      courses: { [courseId]: enrolment },
      assessments: {},
      rev: 1,
    });
  }
  await rememberLearner(personId);
}

export async function setStatus(courseId: string, status: CourseStatus): Promise<void> {
  await CourseModel.updateOne({ _id: courseId }, { $set: { status }, $inc: { rev: 1 } });
  await rememberCourse(courseId);
}

export const send = (w: World, who: Who, method: 'post' | 'delete', path: string, body?: object) =>
  w.s[who].agent[method](path)
    .set('X-CSRF-Token', w.s[who].csrf)
    .send(body ?? {});

export const get = (w: World, who: Who, path: string) => w.s[who].agent.get(path);

export const threadBody = (extra: object = {}) => ({
  clientId: randomUUID(),
  title: 'Wie lange gilt das Zertifikat?',
  body: 'Muss ich den Kurs jährlich wiederholen?',
  ...extra,
});

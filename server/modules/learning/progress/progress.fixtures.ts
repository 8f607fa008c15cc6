import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { CourseKind, CourseStatus } from '@shared/learning/schemas';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { UnitModel } from '../../org/unit.model';
import { ContentModel, versionId } from '../courses/content.model';
import type { StoredLesson, StoredModule } from '../courses/content';
import { rememberCourse } from '../courses/course-index';
import { CourseModel } from '../courses/course.model';
import { AssignmentModel } from '../mandatory/assignment.model';
import { rememberAssignment } from '../mandatory/assignment-index';

/** Fixtures for the progress route tests: courses and versions written directly (real database). */
export type Who =
  'hr' | 'trainer' | 'learner' | 'learner2' | 'learner3' | 'leader' | 'colleague' | 'outsider';
const roles: Record<Who, ('employee' | 'hr' | 'admin')[]> = {
  hr: ['employee', 'hr'],
  trainer: ['employee'],
  learner: ['employee'],
  learner2: ['employee'],
  learner3: ['employee'],
  leader: ['employee'],
  colleague: ['employee'],
  outsider: ['employee', 'admin'],
};

export interface World {
  app: Express;
  ids: Record<Who, string>;
  s: Record<Who, Session>;
  unitId: string;
}

export async function makeWorld(): Promise<World> {
  const app = makeTestApp();
  const unitId = String(
    (await UnitModel.create({ name: 'Amt für Lernen', kind: 'office', sortKey: 'amt lernen' }))._id,
  );
  const ids = {} as Record<Who, string>;
  const names = {} as Record<Who, string>;
  for (const who of Object.keys(roles) as Who[]) {
    const p = await makePerson({ roles: roles[who], ...(who === 'outsider' ? {} : { unitId }) });
    ids[who] = p.id;
    names[who] = p.username;
  }
  await UnitModel.updateOne({ _id: unitId }, { leaderId: ids.leader });
  const s = {} as Record<Who, Session>;
  for (const who of Object.keys(roles) as Who[]) s[who] = await session(app, names[who]);
  return { app, ids, s, unitId };
}

export const textLesson = (id: string): StoredLesson => ({
  id,
  type: 'text',
  title: `Lektion ${id}`,
  html: '<p>Text</p>',
  mediaFileId: null,
  captionsFileId: null,
  transcript: '',
  fileIds: [],
  url: null,
  quiz: null,
});

/** Two questions; right options `right-a1`, `right-c1` + `right-d1`; feedback texts are unique. */
export const quizLesson = (id: string, maxAttempts: number | null = 3): StoredLesson => ({
  ...textLesson(id),
  type: 'quiz',
  quiz: {
    passingScore: 100,
    maxAttempts,
    questions: [
      {
        id: 'question-1',
        kind: 'single',
        text: 'Was gilt?',
        feedback: 'FEEDBACK-ONE-SECRET',
        options: [
          { id: 'right-a1', text: 'A', correct: true },
          { id: 'wrong-b1', text: 'B', correct: false },
        ],
      },
      {
        id: 'question-2',
        kind: 'multiple',
        text: 'Was noch?',
        feedback: 'FEEDBACK-TWO-SECRET',
        options: [
          { id: 'right-c1', text: 'C', correct: true },
          { id: 'right-d1', text: 'D', correct: true },
          { id: 'wrong-e1', text: 'E', correct: false },
        ],
      },
    ],
  },
});

export const rightAnswers = { 'question-1': ['right-a1'], 'question-2': ['right-c1', 'right-d1'] };
export const wrongAnswers = { 'question-1': ['wrong-b1'], 'question-2': ['right-c1'] };

export interface CourseOpts {
  kind?: CourseKind;
  status?: CourseStatus;
  lessons?: StoredLesson[];
  assessment?: { id: string; area: string; statement: string }[];
  /** Everyone (default: the world's unit, which leaves out the outsider). */
  everyone?: boolean;
}

export async function makeCourse(w: World, opts: CourseOpts = {}): Promise<string> {
  const status = opts.status ?? 'published';
  const lessons = opts.lessons ?? [
    textLesson('lesson-1'),
    textLesson('lesson-2'),
    quizLesson('quiz-1'),
  ];
  const doc = await CourseModel.create({
    clientId: randomUUID(),
    kind: opts.kind ?? 'course',
    status,
    title: `Datenschutz ${randomUUID().slice(0, 4)}`,
    audience: opts.everyone
      ? { units: [], roles: [], locationIds: [] }
      : { units: [{ unitId: w.unitId, withSubunits: true }], roles: [], locationIds: [] },
    trainerIds: [w.ids.trainer],
    version: 0,
  });
  const courseId = String(doc._id);
  if (status !== 'draft') await publishVersion(courseId, 1, lessons, opts.assessment ?? [], status);
  await rememberCourse(courseId);
  return courseId;
}

/** Stores version n of the content and makes it the course's published version. */
export async function publishVersion(
  courseId: string,
  version: number,
  lessons: StoredLesson[],
  assessment: { id: string; area: string; statement: string }[] = [],
  status: CourseStatus = 'published',
): Promise<void> {
  const modules: StoredModule[] = [{ id: 'module-1', title: 'Grundlagen', lessons }];
  await ContentModel.create({
    _id: versionId(courseId, version),
    courseId,
    version,
    modules,
    assessment,
    publishedAt: new Date(),
  });
  await CourseModel.updateOne(
    { _id: courseId },
    {
      $set: { status, version, publishedAt: new Date(), lessonCount: lessons.length },
      $inc: { rev: 1 },
    },
  );
  await rememberCourse(courseId);
}

export async function assign(w: World, courseId: string): Promise<void> {
  const doc = await AssignmentModel.create({
    clientId: randomUUID(),
    courseId,
    audience: { units: [{ unitId: w.unitId, withSubunits: true }], roles: [], locationIds: [] },
    deadline: '2099-12-31',
  });
  await rememberAssignment(String(doc._id));
}

export const send = (
  w: World,
  who: Who,
  method: 'post' | 'put' | 'delete',
  path: string,
  body?: object,
) =>
  w.s[who].agent[method](path)
    .set('X-CSRF-Token', w.s[who].csrf)
    .send(body ?? {});

export const get = (w: World, who: Who, path: string) => w.s[who].agent.get(path);

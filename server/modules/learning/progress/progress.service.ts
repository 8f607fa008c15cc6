import type { Request } from 'express';
import type { ProgressInput } from '@shared/learning/schemas';
import type { EnrolmentDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, badRequest, conflict, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { courseAccess, requireCourse } from '../access';
import { lessonsOf, publishedContent, type StoredContent } from '../courses/content';
import type { CourseMeta } from '../courses/course-index';
import { isAssigned, assignmentsReady } from '../mandatory/assignment-index';
import { issueCertificate, newCertificateCode } from './certificate.service';
import { enrolmentOf } from './learner-index';
import type { StoredEnrolment } from './learner.model';
import { changeLearner } from './learner.store';
import { presentEnrolment } from './progress.presenter';
import { ruleHolds } from './progress.rules';

export { percentFor } from './progress.rules';

/**
 * Enrolment, progress and quiz attempts of the signed-in learner (always themself: no route
 * writes anyone else's progress). Every write goes through `changeLearner` (person's lock,
 * rev-guarded); the completion check runs inside the same write, so `completedAt` is set once
 * and exactly one write reports `justCompleted` (→ one certificate, one notification).
 */
const notEnrolled = () =>
  new HttpError(409, 'not_enrolled', 'You are not enrolled in this course.');
const archived = () => new HttpError(409, 'course_archived', 'The course is archived.');

export const newEnrolment = (now = new Date()): StoredEnrolment => ({
  enrolledAt: now,
  lastLessonId: null,
  done: {},
  positions: {},
  quizzes: {},
  completedAt: null,
  completedVersion: null,
  certificateCode: null,
});

export interface Learning {
  course: CourseMeta;
  content: StoredContent;
}

/** The course as the enrolled learner sees it, for a write: 404 / 409 not_enrolled / archived. */
export async function learningWrite(
  user: CurrentUser,
  courseId: string,
  req?: Request,
): Promise<Learning> {
  const access = await requireCourse(user, courseId, 'view', req);
  if (!access.enrolled) throw notEnrolled();
  if (access.course.status === 'archived') throw archived();
  const content = await publishedContent(courseId);
  if (!content) throw new HttpError(409, 'course_not_published', 'The course is not published.');
  return { course: access.course, content };
}

/** Adds completion to a planned enrolment when the rule now holds (never twice). */
export function withCompletion(
  e: StoredEnrolment,
  { course, content }: Learning,
): { next: StoredEnrolment; justCompleted: boolean } {
  if (e.completedAt || course.kind !== 'course' || !ruleHolds(course.completion, e, content)) {
    return { next: e, justCompleted: false };
  }
  return {
    next: {
      ...e,
      completedAt: new Date(),
      completedVersion: content.version ?? course.version,
      certificateCode: newCertificateCode(),
    },
    justCompleted: true,
  };
}

/** After a write that completed the course: the certificate, then the event. */
export async function afterWrite(
  personId: string,
  ctx: Learning,
  e: StoredEnrolment,
  justCompleted: boolean,
): Promise<void> {
  if (justCompleted && e.completedAt && e.certificateCode) {
    await issueCertificate(
      personId,
      ctx.course,
      e.completedVersion ?? 0,
      e.completedAt,
      e.certificateCode,
    );
  }
  events.publish('learning.progress_changed', {
    courseId: ctx.course.id,
    personId,
    completed: !!e.completedAt,
    justCompleted,
  });
}

const present = (personId: string, ctx: Learning) =>
  presentEnrolment(
    ctx.course.id,
    enrolmentOf(personId, ctx.course.id) ?? newEnrolment(),
    ctx.content,
  );

/** Idempotent: enrolling again returns the enrolment as it is. Trainings: 409 (register instead). */
export async function enrol(
  user: CurrentUser,
  courseId: string,
  req?: Request,
): Promise<EnrolmentDTO> {
  const access = await courseAccess(user, courseId);
  if (!access || !access.abilities.view) throw notFound();
  if (access.course.kind === 'training') {
    throw conflict('Trainings are joined by registering for a session.');
  }
  const existing = enrolmentOf(user.id, courseId);
  if (existing) return presentEnrolment(courseId, existing, await publishedContent(courseId));
  const { course } = await requireCourse(user, courseId, 'enrol', req);
  const content = await publishedContent(courseId);
  if (!content) throw new HttpError(409, 'course_not_published', 'The course is not published.');
  const created = await changeLearner(user.id, (doc) =>
    doc.courses[courseId]
      ? { result: false }
      : { result: true, courses: { [courseId]: newEnrolment() } },
  );
  if (created) {
    events.publish('learning.progress_changed', {
      courseId,
      personId: user.id,
      completed: false,
      justCompleted: false,
    });
  }
  return present(user.id, { course, content });
}

/** Leave a course: not once completed, not while it is assigned to me as mandatory (409). */
export async function leave(user: CurrentUser, courseId: string): Promise<void> {
  const access = await courseAccess(user, courseId);
  if (!access) throw notFound();
  await assignmentsReady();
  const left = await changeLearner(user.id, (doc) => {
    const e = doc.courses[courseId];
    if (!e) return { result: false };
    if (e.completedAt) throw conflict('A completed course stays in your record.');
    if (isAssigned(courseId, user.id)) throw conflict('This course is mandatory for you.');
    return { result: true, courses: { [courseId]: null } };
  });
  if (left) {
    events.publish('learning.progress_changed', {
      courseId,
      personId: user.id,
      completed: false,
      justCompleted: false,
    });
  }
}

/** A lesson opened / seen / media position. `done` is not for quizzes (they count when submitted). */
export async function recordProgress(
  user: CurrentUser,
  courseId: string,
  input: ProgressInput,
  req?: Request,
): Promise<EnrolmentDTO> {
  const ctx = await learningWrite(user, courseId, req);
  const lesson = lessonsOf(ctx.content).find((l) => l.id === input.lessonId);
  if (!lesson) throw notFound('No such lesson in this course.');
  if (input.done && lesson.type === 'quiz') {
    throw badRequest('A quiz counts as done when it is submitted.', [
      { path: 'done', code: 'invalid_value', message: 'Quizzes are done when submitted.' },
    ]);
  }
  const { next, justCompleted, changed } = await changeLearner(user.id, (doc) => {
    const e = doc.courses[courseId];
    if (!e) throw notEnrolled();
    const now = new Date().toISOString();
    const planned: StoredEnrolment = {
      ...e,
      lastLessonId: lesson.id,
      done: input.done && !e.done[lesson.id] ? { ...e.done, [lesson.id]: now } : e.done,
      positions:
        input.position !== undefined
          ? { ...e.positions, [lesson.id]: input.position }
          : e.positions,
    };
    const done = withCompletion(planned, ctx);
    const changed =
      done.justCompleted ||
      e.lastLessonId !== planned.lastLessonId ||
      e.done !== planned.done ||
      e.positions !== planned.positions;
    // Positions and the last lesson change every few seconds while a video plays: no event.
    const result = { ...done, changed: done.justCompleted || e.done !== planned.done };
    return changed ? { result, courses: { [courseId]: done.next } } : { result };
  });
  if (changed) await afterWrite(user.id, ctx, next, justCompleted);
  return present(user.id, ctx);
}

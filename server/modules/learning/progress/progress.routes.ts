import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import {
  assessmentAnswerSchema,
  courseLearnersQuerySchema,
  enrolSchema,
  itemId,
  progressSchema,
  quizAttemptSchema,
} from '@shared/learning/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { answerAssessment, myAssessment } from './assessment.service';
import { latestAttempt, submitAttempt } from './attempt.service';
import { certificateByCode } from './certificate.service';
import { courseLearners } from './learners.service';
import { myCourses } from './my-courses.service';
import { enrol, leave, recordProgress } from './progress.service';
import { trainingRecord } from './record.service';

const tag = 'learning';
const base = '/api/learning/courses/:courseId';
const courseParams = z.object({ courseId: objectId }).strict();
const lessonParams = z.object({ courseId: objectId, lessonId: itemId }).strict();
const personParams = z.object({ personId: objectId }).strict();
const codeParams = z.object({ code: z.string().min(1).max(20) }).strict();
const noQuery = z.object({}).strict();
const lower = (s: string) => s.toLowerCase();

/** Enrolment, progress, quizzes, self-assessment, my courses, records and certificates. */
export const progressRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/learning/me/courses',
    tag,
    summary: 'My enrolled courses: in progress first, then completed; with the lesson to resume',
    access: 'user',
    query: noQuery,
    handler: async ({ user }) => ({ data: await myCourses(user) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/learning/people/:personId/record',
    tag,
    summary:
      "A person's training record: completed courses with certificate codes and attended trainings (the person, HR, chain leaders; else 403)",
    access: 'user',
    params: personParams,
    query: noQuery,
    handler: async ({ req, user, params }) => ({
      data: await trainingRecord(user, lower(params.personId), req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/learning/certificates/:code',
    tag,
    summary: 'Verify a certificate by its code (any signed-in person; 404 unknown)',
    access: 'user',
    params: codeParams,
    query: noQuery,
    handler: async ({ params }) => ({ data: await certificateByCode(params.code) }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/enrol`,
    tag,
    summary: 'Enrol in a published course (idempotent; trainings: register for a session instead)',
    access: 'user',
    params: courseParams,
    body: enrolSchema,
    handler: async ({ req, user, params }) => ({
      data: await enrol(user, lower(params.courseId), req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/enrol`,
    tag,
    summary: 'Leave a course (not once completed, not while it is mandatory for me: 409)',
    access: 'user',
    params: courseParams,
    handler: async ({ res, user, params }) => {
      await leave(user, lower(params.courseId));
      res.status(204).end();
      return undefined;
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/progress`,
    tag,
    summary: 'Record progress on a lesson: opened, seen (not quizzes), media position',
    access: 'user',
    params: courseParams,
    body: progressSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await recordProgress(user, lower(params.courseId), body, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/lessons/:lessonId/attempts`,
    tag,
    summary:
      'Submit a quiz attempt (graded on the server; idempotent by attemptId; 409 no_attempts_left)',
    access: 'user',
    params: lessonParams,
    body: quizAttemptSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await submitAttempt(user, lower(params.courseId), params.lessonId, body, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/lessons/:lessonId/attempts/latest`,
    tag,
    summary:
      'My newest attempt at a quiz with my answers and feedback (null: none yet); the right options only once the quiz is over for me',
    access: 'user',
    params: lessonParams,
    query: noQuery,
    handler: async ({ req, user, params }) => ({
      data: await latestAttempt(user, lower(params.courseId), params.lessonId, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/assessment`,
    tag,
    summary: 'My self-assessment result (area averages; only ever my own: 404 when not answered)',
    access: 'user',
    params: courseParams,
    query: noQuery,
    handler: async ({ user, params }) => ({
      data: await myAssessment(user, lower(params.courseId)),
    }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/assessment`,
    tag,
    summary: 'Answer the self-assessment (every statement 1..5); completes the course for me',
    access: 'user',
    params: courseParams,
    body: assessmentAnswerSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await answerAssessment(user, lower(params.courseId), body, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/learners`,
    tag,
    summary:
      "A course's learners with progress and quiz results (HR and its trainers): last activity first, folded name search `q`, `status`, cursor paging, `total`",
    access: 'user',
    params: courseParams,
    query: courseLearnersQuerySchema,
    handler: async ({ req, user, params, query }) =>
      courseLearners(user, lower(params.courseId), query, req),
  }),
];

import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import {
  courseContentSchema,
  courseCreateSchema,
  courseListQuerySchema,
  courseUpdateSchema,
  revSchema,
} from '@shared/learning/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { listCourses } from './catalogue.service';
import { getCourse } from './course-read.service';
import { createCourse, setArchived, updateCourse } from './course.service';
import { getDraft, listVersions, publishDraft, putDraft } from './draft.service';

const courseParams = z.object({ courseId: objectId }).strict();
const courseQuery = z.object({ preview: z.enum(['true', 'false']).optional() }).strict();
const tag = 'learning';
const base = '/api/learning/courses';

export const courseRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: base,
    tag,
    summary:
      'Courses: `scope=catalogue` (published and visible to me) or `scope=manage` (HR: all; trainers: theirs, drafts included); folded search, filters, cursor paging, `total`',
    access: 'user',
    query: courseListQuerySchema,
    handler: async ({ user, query }) => listCourses(user, query),
  }),
  defineRoute({
    method: 'post',
    path: base,
    tag,
    summary: 'Create a course (HR); idempotent by `clientId` (201 new, 200 the same course again)',
    access: 'user',
    body: courseCreateSchema,
    handler: async ({ req, res, user, body }) => {
      const { course, created } = await createCourse(user, body, req);
      res.status(created ? 201 : 200);
      return { data: course };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/:courseId`,
    tag,
    summary:
      'A course: the newest published version without answers plus my enrolment; `preview=true` (authors): the draft as a learner sees it',
    access: 'user',
    params: courseParams,
    query: courseQuery,
    handler: async ({ req, user, params, query }) => ({
      data: await getCourse(user, params.courseId, query.preview === 'true', req),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/:courseId`,
    tag,
    summary: 'Change course meta (rev-guarded); audience and trainers only for HR',
    access: 'user',
    params: courseParams,
    body: courseUpdateSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await updateCourse(user, params.courseId, body, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/:courseId/draft`,
    tag,
    summary: 'The draft content with answers (authors)',
    access: 'user',
    params: courseParams,
    handler: async ({ req, user, params }) => ({
      data: await getDraft(user, params.courseId, req),
    }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/:courseId/draft`,
    tag,
    summary:
      'Save the draft (authors; rev-guarded; lesson HTML sanitised; files must belong to the course)',
    access: 'user',
    params: courseParams,
    body: courseContentSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await putDraft(user, params.courseId, body, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:courseId/publish`,
    tag,
    summary:
      'Publish the draft as the next version (`rev` of the draft); 409 `nothing_to_publish`, 400 `course_incomplete`; exactly once',
    access: 'user',
    params: courseParams,
    body: revSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await publishDraft(user, params.courseId, body.rev, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/:courseId/versions`,
    tag,
    summary: 'Published versions, newest first (authors)',
    access: 'user',
    params: courseParams,
    handler: async ({ req, user, params }) => ({
      data: await listVersions(user, params.courseId, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:courseId/archive`,
    tag,
    summary:
      'Archive a course (HR; rev-guarded): out of the catalogue, read-only for enrolled learners',
    access: 'user',
    params: courseParams,
    body: revSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await setArchived(user, params.courseId, body.rev, true, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:courseId/restore`,
    tag,
    summary: 'Restore an archived course (HR; rev-guarded)',
    access: 'user',
    params: courseParams,
    body: revSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await setArchived(user, params.courseId, body.rev, false, req),
    }),
  }),
];

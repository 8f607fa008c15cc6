import { z } from 'zod';
import { cursor, objectId } from '@shared/http/fields';
import {
  announcementCreateSchema,
  replyCreateSchema,
  threadCreateSchema,
} from '@shared/learning/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import {
  addReply,
  createAnnouncement,
  createThread,
  deleteReply,
  deleteThread,
  listAnnouncements,
  listThreads,
} from './discussion.service';
import { THREAD_PAGE } from './discussion.store';

const tag = 'learning';
const base = '/api/learning/courses/:courseId';
const uuid = z.string().uuid({ message: 'invalid_id' });
const courseParams = z.object({ courseId: objectId }).strict();
const threadParams = z.object({ courseId: objectId, threadId: uuid }).strict();
const replyParams = z.object({ courseId: objectId, threadId: uuid, replyId: uuid }).strict();
const threadListQuery = z
  .object({
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(THREAD_PAGE).default(THREAD_PAGE),
  })
  .strict();
const noQuery = z.object({}).strict();

const lower = (s: string) => s.toLowerCase();

/** The course discussion (questions and replies) and trainers' announcements. */
export const discussionRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/threads`,
    tag,
    summary:
      'Questions of a course, newest activity first, replies embedded (enrolled learners, trainers, HR)',
    access: 'user',
    params: courseParams,
    query: threadListQuery,
    handler: ({ req, user, params, query }) =>
      listThreads(user, lower(params.courseId), query, req),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/threads`,
    tag,
    summary:
      'Ask a question (discuss; not archived). Idempotent by clientId: a repeat returns the stored question (200)',
    access: 'user',
    params: courseParams,
    body: threadCreateSchema,
    handler: async ({ req, res, user, params, body }) => {
      const r = await createThread(user, lower(params.courseId), body, req);
      res.status(r.created ? 201 : 200);
      return { data: r.thread };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/threads/:threadId/replies`,
    tag,
    summary: 'Reply to a question (discuss; not archived). Idempotent by clientId',
    access: 'user',
    params: threadParams,
    body: replyCreateSchema,
    handler: async ({ req, res, user, params, body }) => {
      const r = await addReply(user, lower(params.courseId), lower(params.threadId), body, req);
      res.status(r.created ? 201 : 200);
      return { data: r.reply };
    },
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/threads/:threadId`,
    tag,
    summary: 'Delete a question (its author, trainers of the course, HR)',
    access: 'user',
    params: threadParams,
    query: noQuery,
    handler: async ({ req, res, user, params }) => {
      await deleteThread(user, lower(params.courseId), lower(params.threadId), req);
      res.status(204).end();
      return undefined;
    },
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/threads/:threadId/replies/:replyId`,
    tag,
    summary: 'Delete a reply (its author, trainers of the course, HR)',
    access: 'user',
    params: replyParams,
    query: noQuery,
    handler: async ({ req, res, user, params }) => {
      await deleteReply(
        user,
        lower(params.courseId),
        lower(params.threadId),
        lower(params.replyId),
        req,
      );
      res.status(204).end();
      return undefined;
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/announcements`,
    tag,
    summary: 'Announcements of a course, newest first (who may read the discussion)',
    access: 'user',
    params: courseParams,
    query: noQuery,
    handler: async ({ req, user, params }) => ({
      data: await listAnnouncements(user, lower(params.courseId), req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/announcements`,
    tag,
    summary:
      'Announce to the enrolled learners (trainers, HR). Idempotent by clientId: a repeat returns it (200)',
    access: 'user',
    params: courseParams,
    body: announcementCreateSchema,
    handler: async ({ req, res, user, params, body }) => {
      const r = await createAnnouncement(user, lower(params.courseId), body, req);
      res.status(r.created ? 201 : 200);
      return { data: r.announcement };
    },
  }),
];

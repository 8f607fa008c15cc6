import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import { sessionInputSchema, sessionUpdateSchema } from '@shared/learning/schemas';
import { notFound } from '../../../lib/errors';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { todayInBerlin } from '../../leave/holidays';
import { courseAccess, requireCourse } from '../access';
import { participantRows } from './lists';
import { presentRegistrations, presentSessions } from './presenter';
import { cancelSession, createSession, updateSession } from './session.service';
import { sessionById, sessionsOf } from './session-index';

const tag = 'learning';
const base = '/api/learning';
const courseParams = z.object({ courseId: objectId }).strict();
const sessionParams = z.object({ sessionId: objectId }).strict();
const cancelSchema = z
  .object({ rev: z.number().int().min(0), reason: z.string().trim().max(1000).default('') })
  .strict();
const norm = (id: string) => id.toLowerCase();

async function presentOne(user: Parameters<typeof courseAccess>[0], sessionId: string) {
  const session = await sessionById(sessionId);
  if (!session) throw notFound();
  const access = await courseAccess(user, session.courseId);
  if (!access) throw notFound();
  const [dto] = await presentSessions([session], user, access, todayInBerlin());
  return dto;
}

/** Training sessions: list and add per course; change, cancel, participants per session. */
export const sessionRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/courses/:courseId/sessions`,
    tag,
    summary: 'Sessions of a training course with seats, waiting list and my registration',
    access: 'user',
    params: courseParams,
    handler: async ({ user, params, req }) => {
      const access = await requireCourse(user, norm(params.courseId), 'view', req);
      const sessions = await sessionsOf(access.course.id);
      return { data: await presentSessions(sessions, user, access, todayInBerlin()) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/courses/:courseId/sessions`,
    tag,
    summary:
      'Add a session (trainers of the course, HR); the same clientId returns the same session',
    access: 'user',
    params: courseParams,
    body: sessionInputSchema,
    handler: async ({ user, params, body, req, res }) => {
      const { session, created } = await createSession(user, norm(params.courseId), body, req);
      res.status(created ? 201 : 200);
      return { data: await presentOne(user, session.id) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/sessions/:sessionId`,
    tag,
    summary: 'Change a session (rev-guarded); more seats move people up from the waiting list',
    access: 'user',
    params: sessionParams,
    body: sessionUpdateSchema,
    handler: async ({ user, params, body, req }) => {
      const session = await updateSession(user, norm(params.sessionId), body, req);
      return { data: await presentOne(user, session.id) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/sessions/:sessionId/cancel`,
    tag,
    summary: 'Cancel a session: every active registration is cancelled and notified',
    access: 'user',
    params: sessionParams,
    body: cancelSchema,
    handler: async ({ user, params, body, req }) => {
      const session = await cancelSession(user, norm(params.sessionId), body, req);
      return { data: await presentOne(user, session.id) };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/sessions/:sessionId/participants`,
    tag,
    summary: 'Participants of a session: confirmed, waiting list in order, pending (trainers, HR)',
    access: 'user',
    params: sessionParams,
    handler: async ({ user, params, req }) => {
      const rows = await participantRows(user, norm(params.sessionId), req);
      return { data: await presentRegistrations(rows, user, todayInBerlin()) };
    },
  }),
];

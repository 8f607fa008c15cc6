import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import {
  registrationCancelSchema,
  registrationCreateSchema,
  registrationDecisionSchema,
  registrationListQuerySchema,
} from '@shared/learning/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { todayInBerlin } from '../../leave/holidays';
import { decidedKey, decidedRows, keysetPage, openKey } from './decided';
import { decideRows, myRegistrations, page, sessionRows } from './lists';
import { presentRegistration, presentRegistrations } from './presenter';
import {
  cancelRegistration,
  createRegistration,
  decideRegistration,
  visibleRegistration,
} from './registration.service';

const tag = 'learning';
const base = '/api/learning';
const sessionParams = z.object({ sessionId: objectId }).strict();
const registrationParams = z
  .object({ registrationId: z.string().uuid({ message: 'invalid_id' }) })
  .strict();
const norm = (id: string) => id.toLowerCase();

/** Registrations: register, my list / decide list / a session's list, one, decide, cancel. */
export const registrationRoutes: RouteDef[] = [
  defineRoute({
    method: 'post',
    path: `${base}/sessions/:sessionId/registrations`,
    tag,
    summary:
      'Register for a session (201; the same clientId again: 200 with the same registration)',
    access: 'user',
    params: sessionParams,
    body: registrationCreateSchema,
    handler: async ({ user, params, body, req, res }) => {
      const { row, created } = await createRegistration(user, norm(params.sessionId), body, req);
      res.status(created ? 201 : 200);
      return { data: await presentRegistration(row, user, todayInBerlin()) };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/registrations`,
    tag,
    summary:
      "Registrations: mine, for deciders (state=open: waiting for my decision; state=decided: my people's decided ones, HR all, newest decision first; courseId/sessionId filters), or a session's (trainers, HR)",
    access: 'user',
    query: registrationListQuerySchema,
    handler: async ({ user, query, req }) => {
      const today = todayInBerlin();
      if (query.scope === 'decide') {
        const filter = {
          courseId: query.courseId && norm(query.courseId),
          sessionId: query.sessionId && norm(query.sessionId),
        };
        const decided = query.state === 'decided';
        let rows = decided
          ? await decidedRows(user, today, filter, req)
          : (await decideRows(user, today)).filter(
              (r) =>
                (!filter.courseId || r.courseId === filter.courseId) &&
                (!filter.sessionId || r.sessionId === filter.sessionId),
            );
        if (query.status) rows = rows.filter((r) => r.status === query.status);
        const { slice, nextCursor } = decided
          ? keysetPage(rows, decidedKey, 'desc', query.cursor, query.limit)
          : keysetPage(rows, openKey, 'asc', query.cursor, query.limit);
        // The total feeds the sub-nav count ("Anmeldungen 3") without loading every row.
        return {
          data: await presentRegistrations(slice, user, today),
          nextCursor,
          total: rows.length,
        };
      }
      let rows =
        query.scope === 'session'
          ? await sessionRows(user, query.sessionId && norm(query.sessionId), req)
          : await myRegistrations(user);
      if (query.status) rows = rows.filter((r) => r.status === query.status);
      const { slice, nextCursor } = page(rows, query.cursor, query.limit);
      return { data: await presentRegistrations(slice, user, today), nextCursor };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/registrations/:registrationId`,
    tag,
    summary:
      'One registration with its history (the person, approvers, chain leaders, trainers, HR)',
    access: 'user',
    params: registrationParams,
    handler: async ({ user, params }) => {
      const row = await visibleRegistration(user, norm(params.registrationId));
      return { data: await presentRegistration(row, user, todayInBerlin()) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/registrations/:registrationId/decision`,
    tag,
    summary:
      'Approve or reject (reason required) the manager or HR step; exactly one decision applies',
    access: 'user',
    params: registrationParams,
    body: registrationDecisionSchema,
    handler: async ({ user, params, body, req }) => {
      const row = await decideRegistration(user, norm(params.registrationId), body, req);
      return { data: await presentRegistration(row, user, todayInBerlin()) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/registrations/:registrationId/cancel`,
    tag,
    summary:
      'Withdraw (pending) or cancel (confirmed, waitlisted); trainers and HR cancel with a reason',
    access: 'user',
    params: registrationParams,
    body: registrationCancelSchema,
    handler: async ({ user, params, body, req }) => {
      const row = await cancelRegistration(user, norm(params.registrationId), body, req);
      return { data: await presentRegistration(row, user, todayInBerlin()) };
    },
  }),
];

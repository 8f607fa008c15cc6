import { z } from 'zod';
import {
  bulkDecisionSchema,
  cancelLeaveSchema,
  createLeaveRequestSchema,
  decisionSchema,
  delegationSchema,
  leaveRequestId,
  leaveYear,
  previewLeaveQuerySchema,
  updateLeaveRequestSchema,
} from '@shared/leave/schemas';
import type { LeaveInboxDTO } from '@shared/leave/types';
import { badRequest } from '../../lib/errors';
import { events } from '../../lib/events';
import { defineRoute, type RouteDef } from '../../lib/route';
import { audit } from '../audit/audit.service';
import { deny } from '../audit/deny';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { inboxRows } from './approver';
import { inboxExtras } from './inbox-extras';
import { decide, decideMany } from './decision.service';
import { delegatedUntil, setDelegation } from './delegation.model';
import { todayInBerlin } from './holidays';
import { canDelegate } from './leave.policy';
import { previewLeave } from './preview.service';
import { presentDetail, presentRequest, presentRequests } from './request.presenter';
import { cancelRequest } from './cancel.service';
import {
  createRequest,
  editRequest,
  myRequests,
  visibleRow,
  withdrawRequest,
} from './request.service';

const tag = 'leave';
const base = '/api/leave';
const idParams = z.object({ id: leaveRequestId });
const yearQuery = z.object({ year: leaveYear.optional() }).strict();
// Ids are UUIDs in any letter case: one spelling per request.
const norm = (id: string) => id.toLowerCase();

async function delegationOf(user: { id: string; leads: string[] }, today: string) {
  const [me] = await peopleFromDirectory([user.id]);
  const [deputy] = me?.deputyId ? await peopleFromDirectory([me.deputyId]) : [];
  return {
    until: await delegatedUntil(user.id, today),
    deputy: deputy && deputy.active !== false ? presentPersonRef(deputy) : null,
    abilities: { delegate: canDelegate(user) },
  };
}

/** Requests, decisions, inbox and delegation of the leave card. Static paths before `/:id`. */
export const leaveRequestRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/preview`,
    tag,
    summary:
      'What a request would cost: days per year, balance after, holidays, colleagues away, approver, problems',
    access: 'user',
    query: previewLeaveQuerySchema,
    handler: async ({ user, query }) => ({
      data: await previewLeave(user, query, todayInBerlin()),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/requests`,
    tag,
    summary: 'My requests (touching `year`, or all), newest first',
    access: 'user',
    query: yearQuery,
    handler: async ({ user, query }) => ({
      data: await presentRequests(await myRequests(user, query.year), user, todayInBerlin()),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/requests`,
    tag,
    summary:
      'Request leave (201; the same id again by the same person: 200 with the stored request)',
    access: 'user',
    body: createLeaveRequestSchema,
    handler: async ({ req, res, user, body }) => {
      const today = todayInBerlin();
      const { row, created } = await createRequest(
        user,
        { ...body, id: norm(body.id) },
        { req, today },
      );
      res.status(created ? 201 : 200);
      return { data: await presentDetail(row, user, today) };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/inbox`,
    tag,
    summary:
      'Requests waiting for my decision (own unit, as deputy, escalated for HR), oldest first',
    access: 'user',
    handler: async ({ user }) => {
      const today = todayInBerlin();
      const rows = await inboxRows(user, today);
      const data: LeaveInboxDTO = {
        requests: await presentRequests(rows, user, today),
        count: rows.length,
        extras: await inboxExtras(rows, user, today),
      };
      return { data };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/decisions`,
    tag,
    summary: 'The same decision for several requests: one result per id',
    access: 'user',
    body: bulkDecisionSchema,
    handler: async ({ req, user, body }) => ({
      data: await decideMany(user, body.ids, body, { req, today: todayInBerlin() }),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/delegation`,
    tag,
    summary: 'My delegation of approvals to my deputy',
    access: 'user',
    handler: async ({ user }) => ({ data: await delegationOf(user, todayInBerlin()) }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/delegation`,
    tag,
    summary: 'Hand my approvals to my deputy until a day (inclusive), or stop (null); leaders only',
    access: 'user',
    body: delegationSchema,
    handler: async ({ req, user, body }) => {
      const today = todayInBerlin();
      if (!canDelegate(user))
        throw await deny(user, 'leave.delegate', { type: 'person', id: user.id }, req);
      if (body.until && body.until < today) {
        throw badRequest('Pick today or a later day.', [
          { path: 'until', code: 'out_of_range', message: 'In the past.' },
        ]);
      }
      await setDelegation(user.id, body.until);
      await audit({
        action: 'leave.delegation',
        actorId: user.id,
        subjectType: 'person',
        subjectId: user.id,
        detail: { until: body.until },
        req,
      });
      events.publish('leave.delegation_changed', { personId: user.id, until: body.until });
      return { data: await delegationOf(user, today) };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/requests/:id`,
    tag,
    summary: 'One request with its history (owner, leaders of the unit chain, approver, HR)',
    access: 'user',
    params: idParams,
    handler: async ({ req, user, params }) => {
      const today = todayInBerlin();
      const row = await visibleRow(user, norm(params.id), today, req);
      return { data: await presentDetail(row, user, today) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/requests/:id`,
    tag,
    summary: 'Change a pending request (guarded by `rev`)',
    access: 'user',
    params: idParams,
    body: updateLeaveRequestSchema,
    handler: async ({ req, user, params, body }) => {
      const today = todayInBerlin();
      const row = await editRequest(user, norm(params.id), body, { req, today });
      return { data: await presentDetail(row, user, today) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/requests/:id/withdraw`,
    tag,
    summary: 'Withdraw a pending request (the days go back)',
    access: 'user',
    params: idParams,
    handler: async ({ req, user, params }) => {
      const today = todayInBerlin();
      const row = await withdrawRequest(user, norm(params.id), { req, today });
      return { data: await presentDetail(row, user, today) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/requests/:id/cancel`,
    tag,
    summary:
      'Cancel approved leave: whole before it starts (needs approval), or from a day on once started',
    access: 'user',
    params: idParams,
    body: cancelLeaveSchema,
    handler: async ({ req, user, params, body }) => {
      const today = todayInBerlin();
      const row = await cancelRequest(user, norm(params.id), body, { req, today });
      return { data: await presentDetail(row, user, today) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/requests/:id/decision`,
    tag,
    summary: 'Approve or reject a pending request or a cancellation request',
    access: 'user',
    params: idParams,
    body: decisionSchema,
    handler: async ({ req, user, params, body }) => {
      const today = todayInBerlin();
      const row = await decide(user, norm(params.id), body, { req, today });
      return { data: await presentRequest(row, user, today) };
    },
  }),
];

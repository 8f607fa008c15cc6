import { z } from 'zod';
import {
  assignmentInputSchema,
  assignmentUpdateSchema,
  compliancePeopleQuerySchema,
  complianceQuerySchema,
} from '@shared/learning/schemas';
import { objectId } from '@shared/http/fields';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { createAssignment, listAssignments, updateAssignment } from './assignment.service';
import { complianceDashboard, compliancePeople, myDueTrainings } from './compliance.service';

const assignmentParams = z.object({ assignmentId: objectId }).strict();
const noQuery = z.object({}).strict();

/** Mandatory trainings: assignments (HR), compliance dashboard, my due trainings. */
export const mandatoryRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/learning/me/due',
    tag: 'learning',
    summary:
      'My mandatory trainings not completed yet (one per course, earliest deadline first), with `overdue` and my progress',
    access: 'user',
    query: noQuery,
    handler: async ({ user }) => ({ data: await myDueTrainings(user) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/learning/assignments',
    tag: 'learning',
    summary:
      'Mandatory assignments with totals over the whole audience (HR and chain leaders; others 403)',
    access: 'user',
    query: noQuery,
    handler: async ({ req, user }) => ({ data: await listAssignments(user, req) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/learning/assignments',
    tag: 'learning',
    summary:
      'Make a published course mandatory for an audience with a deadline (HR); idempotent by `clientId` (201 new, 200 the same again); everyone assigned is notified',
    access: 'user',
    body: assignmentInputSchema,
    handler: async ({ req, res, user, body }) => {
      const { assignment, created } = await createAssignment(user, body, req);
      res.status(created ? 201 : 200);
      return { data: assignment };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/learning/assignments/:assignmentId',
    tag: 'learning',
    summary:
      'Change audience, deadline, reminders, note or end/resume an assignment (HR; rev-guarded, 409 `stale_copy`)',
    access: 'user',
    params: assignmentParams,
    body: assignmentUpdateSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await updateAssignment(user, params.assignmentId, body, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/learning/compliance',
    tag: 'learning',
    summary:
      'Compliance dashboard: per active assignment (or the one asked) assigned / done / open / overdue per office, no names (HR: every office; chain leaders: offices with units they lead)',
    access: 'user',
    query: complianceQuerySchema,
    handler: async ({ req, user, query }) => ({
      data: await complianceDashboard(user, query, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/learning/compliance/people',
    tag: 'learning',
    summary:
      'The people of a unit (with sub-units) and their status for one assignment (HR: any unit; chain leaders: units they lead; else 403, audited)',
    access: 'user',
    query: compliancePeopleQuerySchema,
    handler: async ({ req, user, query }) => ({
      data: await compliancePeople(user, query, req),
    }),
  }),
];

import { deny } from '../audit/deny';
import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import {
  carryOverRunSchema,
  entitlementImportSchema,
  entitlementInputSchema,
  entitlementListQuerySchema,
  leaveSettingsSchema,
  leaveTypeInputSchema,
  leaveTypeUpdateSchema,
  leaveYear,
} from '@shared/leave/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { audit } from '../audit/audit.service';
import { canManageLeave } from './hr.policy';
import { leaveSettings, saveLeaveSettings } from './leave-settings';
import { createLeaveType, updateLeaveType } from './leave-type.service';
import { importEntitlements, updateEntitlement } from './entitlement.service';
import { listEntitlements } from './entitlement-list';
import { runCarryOver } from './carry-over.service';
import { currentLeaveYear } from './holidays';

const tag = 'leave';
const base = '/api/leave';

/** HR: settings, leave types, entitlements (edit, list, import), the year-end carry-over run. */
export const leaveHrRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/settings`,
    tag,
    summary: 'Leave settings (24./31.12., carry-over expiry, escalation); everyone reads, HR edits',
    access: 'user',
    handler: async ({ user }) => ({
      data: { ...(await leaveSettings()), abilities: { edit: canManageLeave(user) } },
    }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/settings`,
    tag,
    summary: 'Change the leave settings (HR)',
    access: 'user',
    body: leaveSettingsSchema,
    handler: async ({ req, user, body }) => {
      if (!canManageLeave(user))
        throw await deny(user, 'leave.settings_update', { type: 'leave_settings' }, req);
      const before = await leaveSettings();
      const after = await saveLeaveSettings(body);
      await audit({
        action: 'leave.settings_updated',
        actorId: user.id,
        subjectType: 'leave_settings',
        detail: { before, after },
        req,
      });
      return { data: { ...after, abilities: { edit: true } } };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/types`,
    tag,
    summary: 'Add a leave type (HR)',
    access: 'user',
    body: leaveTypeInputSchema,
    handler: async ({ req, res, user, body }) => {
      const data = await createLeaveType(user, body, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/types/:id`,
    tag,
    summary: 'Change a leave type: name, colour, counting, active (HR)',
    access: 'user',
    params: z.object({ id: objectId }),
    body: leaveTypeUpdateSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await updateLeaveType(user, params.id.toLowerCase(), body, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/entitlements`,
    tag,
    summary: 'Balances of active people for a year, by name, filtered by name and unit (HR)',
    access: 'user',
    query: entitlementListQuerySchema,
    handler: async ({ req, user, query }) => listEntitlements(user, query, req),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/people/:personId/entitlement`,
    tag,
    summary: "Set a person's entitlement for a year (HR; `rev` of the balance read)",
    access: 'user',
    params: z.object({ personId: objectId }),
    query: z.object({ year: leaveYear.optional() }).strict(),
    body: entitlementInputSchema,
    handler: async ({ req, user, params, query, body }) => ({
      data: await updateEntitlement(
        user,
        params.personId.toLowerCase(),
        query.year ?? currentLeaveYear(),
        body,
        req,
      ),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/entitlements/import`,
    tag,
    summary:
      'Import entitlements from CSV (HR): username;baseDays;workdays;employedFrom;employedTo;additionalLabel;additionalDays',
    access: 'user',
    body: entitlementImportSchema,
    handler: async ({ req, user, body }) => ({
      data: await importEntitlements(user, body.year, body.csv, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/carry-over`,
    tag,
    summary:
      'Year-end run: remaining days of fromYear become carry-over of the next year (HR; sets, never adds)',
    access: 'user',
    body: carryOverRunSchema,
    handler: async ({ req, user, body }) => ({
      data: await runCarryOver(user, body.fromYear, req),
    }),
  }),
];

import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import { balanceQuerySchema } from '@shared/leave/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { currentLeaveYear } from './holidays';
import { leaveTypes } from './leave-type.model';
import { presentLeaveType } from './leave-type.presenter';
import { balanceOf } from './ledger.service';

const tag = 'leave';
const base = '/api/leave';

/** Leave types and balances (own; leaders of the person's unit chain and HR for others). */
export const leaveBalanceRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/types`,
    tag,
    summary:
      'Leave types (inactive ones included: old requests show them; new requests use active ones)',
    access: 'user',
    handler: async () => ({ data: (await leaveTypes()).map(presentLeaveType) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/balance`,
    tag,
    summary: 'My balance for a year: entitlement + carry-over − approved − pending',
    access: 'user',
    query: balanceQuerySchema,
    handler: async ({ user, query }) => ({
      data: await balanceOf(user.id, query.year ?? currentLeaveYear(), user),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/people/:personId/balance`,
    tag,
    summary: "A person's balance (the person, leaders of their unit chain, HR)",
    access: 'user',
    params: z.object({ personId: objectId }),
    query: balanceQuerySchema,
    handler: async ({ user, params, query }) => ({
      data: await balanceOf(params.personId.toLowerCase(), query.year ?? currentLeaveYear(), user),
    }),
  }),
];

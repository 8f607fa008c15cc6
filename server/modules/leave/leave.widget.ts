import type { LeaveWidgetDTO } from '@shared/leave/types';
import type { CurrentUser } from '../auth/current-user';
import { presentLeaveType } from './calendar.service';
import { canManageLeave } from './hr.policy';
import { todayInBerlin } from './holidays';
import { leaveTypes } from './leave-type.model';
import { defaultLedger, storedLedger } from './ledger.store';
import { presentBalance } from './ledger.presenter';
import { inboxCount } from './approver';
import { leaveIndex } from './request-index';

/**
 * The start page widget `leave`: this year's balance (from the stored ledger, or the defaults a
 * first request would create — the start page never writes), the next approved leave that has
 * not ended, and for deciders (leaders, HR, or whoever has something waiting, e.g. a deputy) the
 * inbox count. Memory reads only, apart from the cached ledger.
 */
export async function leaveWidget(
  user: CurrentUser,
  today: string = todayInBerlin(),
): Promise<LeaveWidgetDTO> {
  const year = Number(today.slice(0, 4));
  const [ledger, index, types, inbox] = await Promise.all([
    storedLedger(user.id, year).then((l) => l ?? defaultLedger(user.id, year)),
    leaveIndex(),
    leaveTypes(),
    inboxCount(user, today),
  ]);
  const balance = presentBalance(ledger, user, today);
  const next = index
    .byPerson(user.id)
    .filter((r) => (r.status === 'approved' || r.status === 'cancel_requested') && r.to >= today)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))[0];
  const type = next ? types.find((t) => t.id === next.typeId) : undefined;
  const decider = user.leads.length > 0 || canManageLeave(user);
  return {
    balance: {
      year,
      entitlement: balance.entitlement,
      carryOverUsable: balance.carryOverUsable,
      approved: balance.approved,
      pending: balance.pending,
      available: balance.available,
    },
    next: next
      ? { id: next.id, from: next.from, to: next.to, type: type ? presentLeaveType(type) : null }
      : null,
    inbox: decider || inbox > 0 ? inbox : null,
  };
}

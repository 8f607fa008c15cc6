import type { LeaveWidgetDTO } from '@shared/leave/types';
import type { CurrentUser } from '../auth/current-user';
import { presentLeaveType } from './leave-type.presenter';
import { canManageLeave } from './hr.policy';
import { todayInBerlin } from './holidays';
import { leaveTypes } from './leave-type.model';
import { defaultLedger, storedLedger } from './ledger.store';
import { presentBalance } from './ledger.presenter';
import { inboxCount } from './approver';
import { leaveIndex } from './request-index';
import { directoryRows } from '../people/directory-index';
import { unitIndex } from '../org/unit-index';

/**
 * Who may have requests to decide: leaders, HR, and the standing deputies of leaders (they decide
 * while the leader is away). Everyone else skips the inbox computation on the start page.
 */
async function mayDecide(user: CurrentUser): Promise<boolean> {
  if (user.leads.length > 0 || canManageLeave(user)) return true;
  const [rows, units] = await Promise.all([directoryRows(), unitIndex()]);
  return rows.some(
    (r) => r.active && String(r.person.deputyId ?? '') === user.id && units.ledBy(r.id).length > 0,
  );
}

/**
 * The start page widget `leave`: this year's balance (from the stored ledger, or the defaults a
 * first request would create — the start page never writes), the next approved leave that has
 * not ended, and for deciders (leaders, HR, leaders' deputies) the inbox count. Memory reads
 * only, apart from the cached ledger.
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
    mayDecide(user).then((may) => (may ? inboxCount(user, today) : null)),
  ]);
  const balance = presentBalance(ledger, user, today);
  const next = index
    .byPerson(user.id)
    .filter((r) => (r.status === 'approved' || r.status === 'cancel_requested') && r.to >= today)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))[0];
  const type = next ? types.find((t) => t.id === next.typeId) : undefined;
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
    inbox,
  };
}

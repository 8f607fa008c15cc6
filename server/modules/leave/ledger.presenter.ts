import type { EntitlementLineDTO, LeaveBalanceDTO } from '@shared/leave/types';
import type { CurrentUser } from '../auth/current-user';
import type { Ledger } from './ledger.model';
import { baseEntitlement, carryExpired, totalsOf } from './ledger.rules';
import { canEditEntitlement } from './hr.policy';

/** A ledger as a balance: `available = entitlement + carryOverUsable − approved − pending`. */
export function presentBalance(
  ledger: Ledger,
  viewer: Pick<CurrentUser, 'id' | 'roles'>,
  today: string,
): LeaveBalanceDTO {
  const t = totalsOf(ledger);
  const expired = carryExpired(ledger, today);
  const carryOverUsable = expired ? t.carryCommitted : ledger.carryOver;
  const lines: EntitlementLineDTO[] = [
    { kind: 'base', label: '', days: baseEntitlement(ledger) },
    ...ledger.additional.map((a) => ({
      kind: 'additional' as const,
      label: a.label,
      days: a.days,
    })),
  ];
  return {
    personId: ledger.personId,
    year: ledger.year,
    lines,
    entitlement: t.entitlement,
    baseDays: ledger.baseDays,
    workdays: [...ledger.workdays].sort((a, b) => a - b),
    employedFrom: ledger.employedFrom,
    employedTo: ledger.employedTo,
    carryOver: ledger.carryOver,
    carryExpires: ledger.carryExpires,
    carryOverUsable,
    carryOverExpired: expired ? ledger.carryOver - t.carryCommitted : 0,
    approved: t.approved,
    pending: t.pending,
    available: t.entitlement + carryOverUsable - t.approved - t.pending,
    rev: ledger.rev,
    abilities: { editEntitlement: canEditEntitlement(viewer) },
  };
}

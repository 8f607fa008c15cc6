import { proratedBase } from '@shared/leave/days';
import type { AdditionalLine, LedgerEntry } from './ledger.model';

/** The parts of a ledger the balance rules read (pure: unit-tested without a database). */
export interface LedgerFacts {
  year: number;
  baseDays: number;
  workdays: number[];
  employedFrom: string | null;
  employedTo: string | null;
  additional: AdditionalLine[];
  carryOver: number;
  carryExpires: string;
  entries: Record<string, LedgerEntry>;
}

export const baseEntitlement = (l: LedgerFacts): number =>
  proratedBase({
    year: l.year,
    baseDays: l.baseDays,
    workdays: l.workdays,
    employedFrom: l.employedFrom,
    employedTo: l.employedTo,
  });

export const entitlementOf = (l: LedgerFacts): number =>
  baseEntitlement(l) + l.additional.reduce((sum, a) => sum + a.days, 0);

/**
 * Hands the carry-over to the entries: approved ones first, then pending ones, each in stored
 * order, each up to its days on or before the expiry. The total used is the same in any order
 * (min(Σ upToExpiry, carryOver)); approved first keeps the carry with the firm bookings.
 */
export function allocateCarry(
  entries: Record<string, LedgerEntry>,
  carryOver: number,
): Record<string, LedgerEntry> {
  let left = carryOver;
  const out: Record<string, LedgerEntry> = {};
  const ids = Object.keys(entries);
  const ordered = [
    ...ids.filter((id) => entries[id]!.state === 'approved'),
    ...ids.filter((id) => entries[id]!.state !== 'approved'),
  ];
  const carryById = new Map<string, number>();
  for (const id of ordered) {
    const take = Math.max(0, Math.min(entries[id]!.upToExpiry, left));
    carryById.set(id, take);
    left -= take;
  }
  // Keep the stored key order (it is the booking order).
  for (const id of ids) out[id] = { ...entries[id]!, carry: carryById.get(id) ?? 0 };
  return out;
}

export interface LedgerTotals {
  entitlement: number;
  approved: number;
  pending: number;
  /** Carry-over taken by approved entries. */
  approvedCarry: number;
  /** Carry-over taken by all entries (approved and pending). */
  carryCommitted: number;
}

export function totalsOf(l: LedgerFacts): LedgerTotals {
  let approved = 0;
  let pending = 0;
  let approvedCarry = 0;
  let carryCommitted = 0;
  for (const e of Object.values(l.entries)) {
    if (e.state === 'approved') {
      approved += e.days;
      approvedCarry += e.carry;
    } else pending += e.days;
    carryCommitted += e.carry;
  }
  return { entitlement: entitlementOf(l), approved, pending, approvedCarry, carryCommitted };
}

/** Whether the carry-over has expired on `today` (it is usable through `carryExpires`). */
export const carryExpired = (l: Pick<LedgerFacts, 'carryExpires'>, today: string): boolean =>
  today > l.carryExpires;

/** `available = entitlement + usable carry − approved − pending` (usable: all, or the used part after expiry). */
export function availableOf(l: LedgerFacts, today: string): number {
  const t = totalsOf(l);
  const carry = carryExpired(l, today) ? t.carryCommitted : l.carryOver;
  return t.entitlement + carry - t.approved - t.pending;
}

/**
 * Headroom for reservations: what is left once every entry's non-carry days are taken from the
 * entitlement. Checking this (not `available` of today) keeps the balance from going negative
 * later, when unused carry-over expires.
 */
export const reserveHeadroom = (l: LedgerFacts): number => {
  const t = totalsOf(l);
  return t.entitlement + t.carryCommitted - t.approved - t.pending;
};

/** Headroom for approvals: entitlement + carry taken by approved entries − approved days. */
export const approveHeadroom = (l: LedgerFacts): number => {
  const t = totalsOf(l);
  return t.entitlement + t.approvedCarry - t.approved;
};

/**
 * Whether changing a ledger from `before` to `after` is allowed: a change may not push a headroom
 * below 0 unless it does not make it worse (shrinking or releasing is always allowed, also after
 * HR lowered the entitlement).
 */
export function changeAllowed(before: LedgerFacts, after: LedgerFacts): boolean {
  const eps = 1e-9;
  const reserveAfter = reserveHeadroom(after);
  const approveAfter = approveHeadroom(after);
  if (reserveAfter < -eps && reserveAfter < reserveHeadroom(before) - eps) {
    // Approving a reserved entry does not change the reservation headroom; only growth does.
    return false;
  }
  if (approveAfter < -eps && approveAfter < approveHeadroom(before) - eps) return false;
  return true;
}

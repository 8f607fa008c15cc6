import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from './ledger.model';
import {
  allocateCarry,
  approveHeadroom,
  availableOf,
  changeAllowed,
  reserveHeadroom,
  type LedgerFacts,
} from './ledger.rules';

const entry = (state: LedgerEntry['state'], days: number, upToExpiry = 0): LedgerEntry => ({
  state,
  days,
  upToExpiry,
  carry: 0,
});
const ledger = (
  entries: Record<string, LedgerEntry>,
  over: Partial<LedgerFacts> = {},
): LedgerFacts => {
  const base: LedgerFacts = {
    year: 2030,
    baseDays: 30,
    workdays: [1, 2, 3, 4, 5],
    employedFrom: null,
    employedTo: null,
    additional: [],
    carryOver: 0,
    carryExpires: '2030-03-31',
    entries,
    ...over,
  };
  return { ...base, entries: allocateCarry(base.entries, base.carryOver) };
};

describe('ledger rules', () => {
  it('allocates carry-over to approved entries first, then pending ones in booking order', () => {
    const out = allocateCarry(
      { a: entry('pending', 3, 3), b: entry('approved', 2, 2), c: entry('pending', 4, 4) },
      4,
    );
    expect([out.a!.carry, out.b!.carry, out.c!.carry]).toEqual([2, 2, 0]);
    expect(Object.keys(out)).toEqual(['a', 'b', 'c']);
  });

  it('available = entitlement + carry (all before expiry, the used part after) − approved − pending', () => {
    const l = ledger({ a: entry('approved', 5, 3), b: entry('pending', 2) }, { carryOver: 4 });
    expect(availableOf(l, '2030-03-31')).toBe(30 + 4 - 5 - 2);
    expect(availableOf(l, '2030-04-01')).toBe(30 + 3 - 5 - 2);
    expect(reserveHeadroom(l)).toBe(26);
    expect(approveHeadroom(l)).toBe(28);
  });

  it('growth beyond the headroom is refused; shrinking and approving within it are not', () => {
    const before = ledger({ a: entry('pending', 28) });
    expect(changeAllowed(before, ledger({ a: entry('pending', 28), b: entry('pending', 3) }))).toBe(
      false,
    );
    expect(changeAllowed(before, ledger({ a: entry('pending', 28), b: entry('pending', 2) }))).toBe(
      true,
    );
    // HR lowered the entitlement to 20: approving 28 is refused, releasing is allowed.
    const lowered = ledger({ a: entry('pending', 28) }, { baseDays: 20 });
    expect(changeAllowed(lowered, ledger({ a: entry('approved', 28) }, { baseDays: 20 }))).toBe(
      false,
    );
    expect(changeAllowed(lowered, ledger({ a: entry('pending', 10) }, { baseDays: 20 }))).toBe(
      true,
    );
    expect(changeAllowed(lowered, ledger({ a: entry('approved', 20) }, { baseDays: 20 }))).toBe(
      true,
    );
  });
});

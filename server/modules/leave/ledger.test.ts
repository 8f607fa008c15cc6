import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import type { HttpError } from '../../lib/errors';
import { useTestDatabase } from '../../test/db';
import { makePerson } from '../../test/app';
import type { CurrentUser } from '../auth/current-user';
import { AuditModel } from '../audit/audit.model';
import { LedgerModel, ledgerId, type Ledger } from './ledger.model';
import { presentBalance } from './ledger.presenter';
import { balanceOf, costOf, ledgerFor, setLedgerEntry } from './ledger.service';
import { clearLedgerCaches } from './ledger.store';
import { runCarryOver, setCarryOver } from './carry-over.service';
import { updateEntitlement } from './entitlement.service';

useTestDatabase();

const oid = () => String(new Types.ObjectId());
const hrUser = (id = oid()): CurrentUser => ({
  id,
  username: 'hr',
  displayName: 'HR',
  roles: ['hr'],
  unitId: null,
  leads: [],
  sessionId: 's',
});
const charge = (year: number, days: number, upToExpiry = 0) => ({ year, days, upToExpiry });
/** The ledger as stored (caches dropped first, so this is the database's copy). */
const stored = async (personId: string, year: number) => {
  clearLedgerCaches();
  expect(await LedgerModel.exists({ _id: ledgerId(personId, year) })).toBeTruthy();
  return ledgerFor(personId, year);
};
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return (err as HttpError).code ?? String(err);
  }
};
const balance = (l: Ledger, today = '2030-06-01') =>
  presentBalance(l, { id: 'x', roles: ['hr'] }, today);

describe('ledger entries: reserve, approve, release, shrink', () => {
  it('a pending request reserves, its approval moves the days, a replay is a no-op', async () => {
    const personId = oid();
    const requestId = randomUUID();
    await setLedgerEntry({
      personId,
      requestId,
      state: 'pending',
      charges: [charge(2030, 10)],
      previousYears: [],
    });
    let l = await stored(personId, 2030);
    expect(balance(l)).toMatchObject({ entitlement: 30, pending: 10, approved: 0, available: 20 });
    await setLedgerEntry({
      personId,
      requestId,
      state: 'approved',
      charges: [charge(2030, 10)],
      previousYears: [],
    });
    l = await stored(personId, 2030);
    expect(balance(l)).toMatchObject({ pending: 0, approved: 10, available: 20 });
    const rev = l.rev;
    await setLedgerEntry({
      personId,
      requestId,
      state: 'approved',
      charges: [charge(2030, 10)],
      previousYears: [],
    });
    expect((await stored(personId, 2030)).rev).toBe(rev);
    // Partial cancellation: the entry shrinks.
    await setLedgerEntry({
      personId,
      requestId,
      state: 'approved',
      charges: [charge(2030, 4)],
      previousYears: [2030],
    });
    expect(balance(await stored(personId, 2030))).toMatchObject({ approved: 4, available: 26 });
    // Withdrawn / cancelled: released.
    await setLedgerEntry({ personId, requestId, state: null, charges: [], previousYears: [2030] });
    l = await stored(personId, 2030);
    expect(l.entries).toEqual({});
    expect(balance(l).available).toBe(30);
  });

  it('refuses a request beyond the balance with insufficient_balance and changes nothing', async () => {
    const personId = oid();
    await setLedgerEntry({
      personId,
      requestId: randomUUID(),
      state: 'pending',
      charges: [charge(2030, 25)],
      previousYears: [],
    });
    const rev = (await stored(personId, 2030)).rev;
    const code = await codeOf(
      setLedgerEntry({
        personId,
        requestId: randomUUID(),
        state: 'pending',
        charges: [charge(2030, 6)],
        previousYears: [],
      }),
    );
    expect(code).toBe('insufficient_balance');
    expect((await stored(personId, 2030)).rev).toBe(rev);
  });

  it('a request over new year books in both years; a refusal in one year leaves the other untouched', async () => {
    const personId = oid();
    await setLedgerEntry({
      personId,
      requestId: randomUUID(),
      state: 'approved',
      charges: [charge(2031, 29)],
      previousYears: [],
    });
    const requestId = randomUUID();
    const code = await codeOf(
      setLedgerEntry({
        personId,
        requestId,
        state: 'pending',
        charges: [charge(2030, 2), charge(2031, 2)],
        previousYears: [],
      }),
    );
    expect(code).toBe('insufficient_balance');
    expect((await stored(personId, 2030)).entries[requestId]).toBeUndefined();
    await setLedgerEntry({
      personId,
      requestId,
      state: 'pending',
      charges: [charge(2030, 2), charge(2031, 1)],
      previousYears: [],
    });
    expect((await stored(personId, 2030)).entries[requestId]).toMatchObject({
      state: 'pending',
      days: 2,
    });
    expect((await stored(personId, 2031)).entries[requestId]).toMatchObject({
      state: 'pending',
      days: 1,
    });
    // Edited to lie in 2030 only: the 2031 entry goes.
    await setLedgerEntry({
      personId,
      requestId,
      state: 'pending',
      charges: [charge(2030, 3)],
      previousYears: [2030, 2031],
    });
    expect((await stored(personId, 2031)).entries[requestId]).toBeUndefined();
  });
});

describe('carry-over in the ledger', () => {
  it('is used first for days up to the expiry, and only the used part survives the expiry', async () => {
    const personId = oid();
    await setCarryOver(personId, 2030, 4, '2030-03-31');
    const a = randomUUID();
    const b = randomUUID();
    await setLedgerEntry({
      personId,
      requestId: a,
      state: 'approved',
      charges: [charge(2030, 5, 3)],
      previousYears: [],
    });
    await setLedgerEntry({
      personId,
      requestId: b,
      state: 'pending',
      charges: [charge(2030, 5, 0)],
      previousYears: [],
    });
    const l = await stored(personId, 2030);
    expect(l.entries[a]!.carry).toBe(3);
    expect(l.entries[b]!.carry).toBe(0);
    expect(balance(l, '2030-03-01')).toMatchObject({
      carryOverUsable: 4,
      carryOverExpired: 0,
      available: 24,
    });
    // After 31 March the unused day is forfeited.
    expect(balance(l, '2030-04-01')).toMatchObject({
      carryOverUsable: 3,
      carryOverExpired: 1,
      available: 23,
    });
  });

  it('days after the expiry do not take carry-over, and cannot rely on it', async () => {
    const personId = oid();
    await setCarryOver(personId, 2030, 4, '2030-03-31');
    // 32 days after the expiry: only 30 entitlement for them, although available shows 34 today.
    const code = await codeOf(
      setLedgerEntry({
        personId,
        requestId: randomUUID(),
        state: 'pending',
        charges: [charge(2030, 32, 0)],
        previousYears: [],
      }),
    );
    expect(code).toBe('insufficient_balance');
    await setLedgerEntry({
      personId,
      requestId: randomUUID(),
      state: 'pending',
      charges: [charge(2030, 34, 4)],
      previousYears: [],
    });
  });
});

describe('concurrency', () => {
  it('20 parallel reservations that together exceed the balance: exactly the fitting ones succeed', async () => {
    const personId = oid();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        codeOf(
          setLedgerEntry({
            personId,
            requestId: randomUUID(),
            state: 'pending',
            charges: [charge(2030, 2)],
            previousYears: [],
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(15);
    expect(results.filter((r) => r === 'insufficient_balance')).toHaveLength(5);
    clearLedgerCaches();
    const l = await stored(personId, 2030);
    expect(Object.keys(l.entries)).toHaveLength(15);
    expect(balance(l)).toMatchObject({ pending: 30, available: 0 });
  });

  it('20 parallel approvals after HR lowered the entitlement never exceed entitlement + carry', async () => {
    const { id: personId } = await makePerson();
    const ids = Array.from({ length: 20 }, () => randomUUID());
    for (const requestId of ids) {
      await setLedgerEntry({
        personId,
        requestId,
        state: 'pending',
        charges: [charge(2030, 1.5)],
        previousYears: [],
      });
    }
    const l0 = await ledgerFor(personId, 2030);
    await updateEntitlement(hrUser(), personId, 2030, {
      baseDays: 20,
      workdays: [1, 2, 3, 4, 5],
      employedFrom: null,
      employedTo: null,
      additional: [],
      rev: l0.rev,
    });
    const results = await Promise.all(
      ids.map((requestId) =>
        codeOf(
          setLedgerEntry({
            personId,
            requestId,
            state: 'approved',
            charges: [charge(2030, 1.5)],
            previousYears: [],
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(13);
    expect(results.filter((r) => r === 'insufficient_balance')).toHaveLength(7);
    clearLedgerCaches();
    const b = balance(await stored(personId, 2030));
    expect(b.approved).toBe(19.5);
    expect(b.approved).toBeLessThanOrEqual(b.entitlement + b.carryOver);
  });
});

describe('entitlements and costs', () => {
  it('refuses an entitlement below the approved days, and a stale rev', async () => {
    const { id: personId } = await makePerson();
    await setLedgerEntry({
      personId,
      requestId: randomUUID(),
      state: 'approved',
      charges: [charge(2030, 10)],
      previousYears: [],
    });
    const { rev } = await ledgerFor(personId, 2030);
    const terms = {
      workdays: [1, 2, 3, 4, 5],
      employedFrom: null,
      employedTo: null,
      additional: [],
    };
    expect(
      await codeOf(updateEntitlement(hrUser(), personId, 2030, { ...terms, baseDays: 9, rev })),
    ).toBe('entitlement_below_approved');
    expect(
      await codeOf(
        updateEntitlement(hrUser(), personId, 2030, { ...terms, baseDays: 10, rev: rev + 5 }),
      ),
    ).toBe('conflict');
    const b = await updateEntitlement(hrUser(), personId, 2030, {
      ...terms,
      baseDays: 10,
      additional: [{ label: 'Schwerbehinderung', days: 5 }],
      rev,
    });
    expect(b).toMatchObject({ entitlement: 15, approved: 10, available: 5, rev: rev + 1 });
    expect(b.lines).toEqual([
      { kind: 'base', label: '', days: 10 },
      { kind: 'additional', label: 'Schwerbehinderung', days: 5 },
    ]);
  });

  it('costOf uses the person workdays of each year and splits at the carry expiry', async () => {
    const { id: personId } = await makePerson();
    const l = await ledgerFor(personId, 2025);
    await updateEntitlement(hrUser(), personId, 2025, {
      baseDays: 30,
      workdays: [1, 2, 3],
      employedFrom: null,
      employedTo: null,
      additional: [],
      rev: l.rev,
    });
    // 2025-12-29 (Mon) … 2026-01-09: 2025 Mon/Tue/Wed(31.12. half) = 2.5 for Mon–Wed;
    // 2026 (new ledger copies Mon–Wed): Mon 5, Tue 6 (holiday), Wed 7 = 2.
    const cost = await costOf(personId, {
      from: '2025-12-29',
      to: '2026-01-09',
      halfStart: false,
      halfEnd: false,
    });
    expect(cost.charges).toEqual([
      { year: 2025, days: 2.5, upToExpiry: 0 },
      { year: 2026, days: 2, upToExpiry: 2 },
    ]);
    expect(cost.days).toBe(4.5);
  });

  it('balanceOf: own yes, a stranger no', async () => {
    const { id: personId } = await makePerson();
    const self = { ...hrUser(personId), roles: ['employee'] as CurrentUser['roles'] };
    expect((await balanceOf(personId, 2030, self)).abilities.editEntitlement).toBe(false);
    const stranger = { ...hrUser(), roles: ['employee'] as CurrentUser['roles'] };
    expect(await codeOf(balanceOf(personId, 2030, stranger))).toBe('forbidden');
  });
});

describe('carry-over run', () => {
  it('sets the remainder into the next year; running twice gives the same result', async () => {
    const a = (await makePerson()).id;
    const b = (await makePerson()).id;
    await setLedgerEntry({
      personId: a,
      requestId: randomUUID(),
      state: 'approved',
      charges: [charge(2040, 26)],
      previousYears: [],
    });
    await setLedgerEntry({
      personId: b,
      requestId: randomUUID(),
      state: 'approved',
      charges: [charge(2040, 20)],
      previousYears: [],
    });
    await setLedgerEntry({
      personId: b,
      requestId: randomUUID(),
      state: 'pending',
      charges: [charge(2040, 7.5)],
      previousYears: [],
    });
    const first = await runCarryOver(hrUser(), 2040);
    expect(first).toEqual({ fromYear: 2040, people: 2, days: 6.5 });
    const la = await stored(a, 2041);
    expect({ carryOver: la.carryOver, carryExpires: la.carryExpires }).toEqual({
      carryOver: 4,
      carryExpires: '2041-03-31',
    });
    expect((await stored(b, 2041)).carryOver).toBe(2.5);
    const revs = [(await stored(a, 2041)).rev, (await stored(b, 2041)).rev];
    expect(await runCarryOver(hrUser(), 2040)).toEqual(first);
    expect([(await stored(a, 2041)).rev, (await stored(b, 2041)).rev]).toEqual(revs);
    expect(await AuditModel.countDocuments({ action: 'leave.carry_over_run' })).toBe(2);
  });
});

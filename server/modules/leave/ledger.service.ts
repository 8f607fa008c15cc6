import { dayCost, eachDay, type DayRange } from '@shared/leave/days';
import type { LeaveBalanceDTO } from '@shared/leave/types';
import { HttpError, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { deny } from '../audit/deny';
import type { CurrentUser } from '../auth/current-user';
import { peopleFromDirectory } from '../people/directory-index';
import { unitIndex } from '../org/unit-index';
import { holidaysFor, todayInBerlin, yearsOf } from './holidays';
import { leaveSettings } from './leave-settings';
import type { Ledger, LedgerEntry } from './ledger.model';
import { allocateCarry, changeAllowed } from './ledger.rules';
import { ledgerFor, mutateLedger } from './ledger.store';
import { presentBalance } from './ledger.presenter';
import { canReadBalance, canManageLeave } from './hr.policy';

export { ledgerFor };

export interface LedgerCharge {
  year: number;
  days: number;
  /** Of those, on/before that year's carry expiry. */
  upToExpiry: number;
}

export const insufficientBalance = () =>
  new HttpError(409, 'insufficient_balance', 'Not enough leave days left.');

const sameEntry = (a: LedgerEntry | undefined, b: Omit<LedgerEntry, 'carry'> | null) =>
  a === undefined
    ? b === null
    : b !== null && a.state === b.state && a.days === b.days && a.upToExpiry === b.upToExpiry;

/** The entries with this request's entry set (or removed), carry re-allocated. */
function withEntry(
  ledger: Ledger,
  requestId: string,
  target: Omit<LedgerEntry, 'carry'> | null,
): Record<string, LedgerEntry> {
  const entries = { ...ledger.entries };
  if (target) entries[requestId] = { ...target, carry: 0 };
  else delete entries[requestId];
  return allocateCarry(entries, ledger.carryOver);
}

/** Sets one year's entry; `force` skips the balance check (rolling back an earlier state). */
async function setYearEntry(
  personId: string,
  year: number,
  requestId: string,
  target: Omit<LedgerEntry, 'carry'> | null,
  force: boolean,
): Promise<{ previous: Omit<LedgerEntry, 'carry'> | null; changed: boolean }> {
  let previous: Omit<LedgerEntry, 'carry'> | null = null;
  const { changed } = await mutateLedger(personId, year, (ledger) => {
    const current = ledger.entries[requestId];
    previous = current
      ? { state: current.state, days: current.days, upToExpiry: current.upToExpiry }
      : null;
    if (sameEntry(current, target)) return null;
    const entries = withEntry(ledger, requestId, target);
    if (!force && !changeAllowed(ledger, { ...ledger, entries })) throw insufficientBalance();
    return { entries };
  });
  if (changed) events.publish('leave.balance_changed', { personId, year });
  return { previous, changed };
}

/**
 * Make the request's entry exactly this (state null = remove) in every year of `charges` and
 * remove it from `previousYears` not in charges. Idempotent. Throws 409 `insufficient_balance`;
 * then the years already changed are set back, so a refused request leaves no trace.
 */
export async function setLedgerEntry(input: {
  personId: string;
  requestId: string;
  state: 'pending' | 'approved' | null;
  charges: LedgerCharge[];
  previousYears: number[];
}): Promise<void> {
  const targets = new Map<number, Omit<LedgerEntry, 'carry'> | null>();
  for (const y of input.previousYears) targets.set(y, null);
  for (const c of input.charges) {
    targets.set(
      c.year,
      input.state && c.days > 0
        ? { state: input.state, days: c.days, upToExpiry: c.upToExpiry }
        : null,
    );
  }
  // Releases first: days given back in one year never wait for a check in another.
  const order = [...targets].sort(([, a], [, b]) => (a === null ? 0 : 1) - (b === null ? 0 : 1));
  const done: { year: number; previous: Omit<LedgerEntry, 'carry'> | null }[] = [];
  try {
    for (const [year, target] of order) {
      const { previous, changed } = await setYearEntry(
        input.personId,
        year,
        input.requestId,
        target,
        false,
      );
      if (changed) done.push({ year, previous });
    }
  } catch (err) {
    for (const { year, previous } of done.reverse()) {
      await setYearEntry(input.personId, year, input.requestId, previous, true);
    }
    throw err;
  }
}

/** Cost of a range for a person (their workdays for each year, holidays, settings). */
export async function costOf(
  personId: string,
  range: DayRange,
): Promise<{ days: number; charges: LedgerCharge[] }> {
  const settings = await leaveSettings();
  const years = yearsOf(range.from, range.to);
  const holidays = holidaysFor(years, settings);
  const charges: LedgerCharge[] = [];
  for (const year of years) {
    const ledger = await ledgerFor(personId, year);
    const workdays = new Set(ledger.workdays);
    const from = range.from > `${year}-01-01` ? range.from : `${year}-01-01`;
    const to = range.to < `${year}-12-31` ? range.to : `${year}-12-31`;
    let days = 0;
    let upToExpiry = 0;
    for (const date of eachDay(from, to)) {
      const cost = dayCost(date, range, workdays, holidays);
      days += cost;
      if (date <= ledger.carryExpires) upToExpiry += cost;
    }
    charges.push({ year, days, upToExpiry });
  }
  return { days: charges.reduce((s, c) => s + c.days, 0), charges };
}

/** Leaders of the units from the person's unit up to the top. */
export async function chainLeadersOf(personId: string): Promise<string[] | null> {
  const [person] = await peopleFromDirectory([personId]);
  if (!person) return null;
  const units = await unitIndex();
  const unitId = person.unitId ? String(person.unitId) : null;
  const chain = unitId ? (units.byId.get(unitId)?.chain ?? []) : [];
  return chain.map((id) => units.byId.get(id)?.leaderId).filter((id): id is string => Boolean(id));
}

/** A person's balance for a year, if the viewer may see it (own, leaders of their chain, HR). */
export async function balanceOf(
  personId: string,
  year: number,
  viewer: CurrentUser,
  today: string = todayInBerlin(),
): Promise<LeaveBalanceDTO> {
  const leaders = await chainLeadersOf(personId);
  if (!leaders) {
    if (!canManageLeave(viewer))
      throw await deny(viewer, 'leave.balance_read', { type: 'person', id: personId });
    throw notFound();
  }
  if (!canReadBalance(viewer, { personId, chainLeaderIds: leaders }))
    throw await deny(viewer, 'leave.balance_read', { type: 'person', id: personId });
  return presentBalance(await ledgerFor(personId, year), viewer, today);
}

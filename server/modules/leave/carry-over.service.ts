import type { Request } from 'express';
import type { CarryOverRunDTO } from '@shared/leave/types';
import { events } from '../../lib/events';
import { deny } from '../audit/deny';
import type { CurrentUser } from '../auth/current-user';
import { audit } from '../audit/audit.service';
import { leaveSettings } from './leave-settings';
import type { Ledger } from './ledger.model';
import { allocateCarry, totalsOf } from './ledger.rules';
import { ledgersOfYear, mutateLedger } from './ledger.store';
import { canManageLeave } from './hr.policy';

/**
 * What a year leaves over: entitlement + the carry-over it used − approved − pending, never below
 * 0. At the year's end its own carry-over has expired, so only the used part counts; pending
 * requests are treated as taken (they may still be approved).
 */
export function remainderOf(ledger: Ledger): number {
  const t = totalsOf({ ...ledger, entries: allocateCarry(ledger.entries, ledger.carryOver) });
  return Math.max(0, t.entitlement + t.carryCommitted - t.approved - t.pending);
}

/** Sets (never adds) the carry-over of `year` for one person. Returns whether it changed. */
export async function setCarryOver(
  personId: string,
  year: number,
  days: number,
  expires: string,
): Promise<boolean> {
  const { changed } = await mutateLedger(personId, year, (ledger) => {
    if (ledger.carryOver === days && ledger.carryExpires === expires) return null;
    return { carryOver: days, carryExpires: expires, entries: allocateCarry(ledger.entries, days) };
  });
  if (changed) events.publish('leave.balance_changed', { personId, year });
  return changed;
}

/**
 * The year-end run: every person with a ledger in `fromYear` gets its remainder as carry-over of
 * `fromYear + 1` (expiring on the settings' date). Idempotent: running it again sets the same
 * values; after late changes in `fromYear` it corrects them.
 */
export async function runCarryOver(
  actor: CurrentUser,
  fromYear: number,
  req?: Request,
): Promise<CarryOverRunDTO> {
  if (!canManageLeave(actor))
    throw await deny(actor, 'leave.carry_over', { type: 'leave_year', id: String(fromYear) }, req);
  const settings = await leaveSettings();
  const expires = `${fromYear + 1}-${settings.carryExpiry}`;
  const ledgers = [...(await ledgersOfYear(fromYear)).values()].sort((a, b) =>
    a._id < b._id ? -1 : 1,
  );
  let days = 0;
  let changed = 0;
  for (const ledger of ledgers) {
    const carry = remainderOf(ledger);
    days += carry;
    if (await setCarryOver(ledger.personId, fromYear + 1, carry, expires)) changed += 1;
  }
  await audit({
    action: 'leave.carry_over_run',
    actorId: actor.id,
    subjectType: 'leave_year',
    subjectId: String(fromYear),
    detail: { fromYear, people: ledgers.length, days, changed },
    req,
  });
  return { fromYear, people: ledgers.length, days };
}

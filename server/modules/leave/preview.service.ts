import type { z } from 'zod';
import type { previewLeaveQuerySchema } from '@shared/leave/schemas';
import type { LeaveConflictDTO, LeavePreviewDTO } from '@shared/leave/types';
import { badRequest } from '../../lib/errors';
import type { CurrentUser } from '../auth/current-user';
import { directoryRows, peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { approverOf } from './approver';
import { holidaysFor, yearsOf } from './holidays';
import { leaveSettings } from './leave-settings';
import { leaveTypeById } from './leave-type.model';
import { costOf, ledgerFor } from './ledger.service';
import { allocateCarry, availableOf, changeAllowed } from './ledger.rules';
import { leaveIndex } from './request-index';

type PreviewQuery = z.infer<typeof previewLeaveQuerySchema>;

/**
 * What a request would cost and mean, before it is made: days per year (with the share taken
 * from carried-over days), the balance after it, holidays in the range, colleagues of the same
 * unit away then, who decides, and the problems that would refuse it.
 */
export async function previewLeave(
  user: CurrentUser,
  q: PreviewQuery,
  today: string,
): Promise<LeavePreviewDTO> {
  const type = await leaveTypeById(q.typeId);
  if (!type || !type.active) {
    throw badRequest('Unknown leave type.', [
      { path: 'typeId', code: 'unknown_reference', message: 'Unknown leave type.' },
    ]);
  }
  if (q.from > q.to)
    throw badRequest('Invalid range.', [
      { path: 'to', code: 'from_after_to', message: 'From after to.' },
    ]);
  const excludeId = q.excludeId?.toLowerCase() ?? null;
  const cost = await costOf(user.id, q);
  const problems: string[] = [];
  if (cost.days <= 0) problems.push('no_working_days');

  const perYear: LeavePreviewDTO['perYear'] = [];
  let availableAfter: number | null = null;
  let refused = false;
  for (const c of cost.charges) {
    const ledger = await ledgerFor(user.id, c.year);
    const entries = { ...ledger.entries };
    if (excludeId) delete entries[excludeId];
    const probe = '__preview__';
    if (type.counts && c.days > 0)
      entries[probe] = { state: 'pending', days: c.days, upToExpiry: c.upToExpiry, carry: 0 };
    const allocated = allocateCarry(entries, ledger.carryOver);
    perYear.push({
      year: c.year,
      days: c.days,
      fromCarryOver: type.counts ? (allocated[probe]?.carry ?? 0) : 0,
    });
    if (type.counts) {
      const after = availableOf({ ...ledger, entries: allocated }, today);
      availableAfter = availableAfter === null ? after : Math.min(availableAfter, after);
      // The create's rule, not `available < 0`: carry-over pays only for days up to its expiry.
      if (!changeAllowed(ledger, { ...ledger, entries: allocated })) refused = true;
    }
  }
  if (refused) problems.push('insufficient_balance');

  const index = await leaveIndex();
  if (index.overlapping([user.id], q.from, q.to).some((r) => r.id !== excludeId))
    problems.push('leave_overlap');

  const settings = await leaveSettings();
  const holidays = [...holidaysFor(yearsOf(q.from, q.to), settings)]
    .filter(([date]) => date >= q.from && date <= q.to)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, d]) => ({ date, name: d.name }));

  const colleagues = user.unitId
    ? (await directoryRows())
        .filter((r) => r.unitId === user.unitId && r.id !== user.id && r.active)
        .map((r) => r.id)
    : [];
  const overlapping = index.overlapping(colleagues, q.from, q.to).filter((r) => r.id !== excludeId);
  const refs = new Map(
    (await peopleFromDirectory(overlapping.map((r) => r.personId))).map((p) => [
      String(p._id),
      presentPersonRef(p),
    ]),
  );
  const conflicts: LeaveConflictDTO[] = overlapping
    .filter((r) => refs.has(r.personId))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((r) => ({ person: refs.get(r.personId)!, from: r.from, to: r.to, status: r.status }));

  const { effective } = await approverOf(user.id, today);
  const [approver] = effective ? await peopleFromDirectory([effective]) : [];
  return {
    days: cost.days,
    perYear,
    availableAfter,
    holidays,
    conflicts,
    approver: approver ? presentPersonRef(approver) : null,
    problems,
  };
}

import type { Request } from 'express';
import type { LeaveReportRowDTO } from '@shared/leave/types';
import { dayCost, eachDay } from '@shared/leave/days';
import type { CurrentUser } from '../auth/current-user';
import { audit } from '../audit/audit.service';
import { deny } from '../audit/deny';
import { directoryRows } from '../people/directory-index';
import { unitIndex } from '../org/unit-index';
import { toCsv } from '../news/csv';
import { canManageLeave } from './hr.policy';
import { holidaysFor, todayInBerlin } from './holidays';
import { leaveSettings } from './leave-settings';
import { ledgersOfYear, defaultLedger } from './ledger.store';
import { ledgerId, type Ledger } from './ledger.model';
import { totalsOf, carryExpired } from './ledger.rules';
import { leaveIndex } from './request-index';

/**
 * Reports per office: figures are only shown for groups of at least this many people; smaller
 * offices are summed into one row "other offices" (`office: null`), so no row shows one or two
 * people's leave. With `officeId` a too-small office yields no row.
 */
export const MIN_GROUP = 5;

interface Figures {
  people: number;
  entitlement: number;
  taken: number;
  planned: number;
  remaining: number;
}
const empty = (): Figures => ({ people: 0, entitlement: 0, taken: 0, planned: 0, remaining: 0 });

/**
 * One person's figures for a year from their ledger (counting types only):
 * entitlement = entitlement lines + usable carry-over; taken = approved days up to today;
 * planned = the other approved days + pending days; remaining = entitlement − taken − planned.
 */
function personFigures(
  ledger: Ledger,
  approvedRanges: { from: string; to: string; halfStart: boolean; halfEnd: boolean }[],
  holidays: ReadonlyMap<string, { name: string; off: 'full' | 'afternoon' }>,
  today: string,
): Omit<Figures, 'people'> {
  const totals = totalsOf(ledger);
  const carry = carryExpired(ledger, today) ? totals.carryCommitted : ledger.carryOver;
  const entitlement = totals.entitlement + carry;
  const workdays = new Set(ledger.workdays);
  const yearStart = `${ledger.year}-01-01`;
  const yearEnd = `${ledger.year}-12-31`;
  let taken = 0;
  for (const r of approvedRanges) {
    const from = r.from > yearStart ? r.from : yearStart;
    const to = r.to < yearEnd ? r.to : yearEnd;
    for (const d of eachDay(from, to < today ? to : today))
      taken += dayCost(d, r, workdays, holidays);
  }
  // The ledger is the truth for the totals; the split by date only moves days between columns.
  taken = Math.min(taken, totals.approved);
  const planned = totals.approved - taken + totals.pending;
  return { entitlement, taken, planned, remaining: entitlement - taken - planned };
}

/** Report rows for a year: per office (≥ MIN_GROUP people), the smaller ones summed as `office: null`. */
export async function leaveReport(
  user: CurrentUser,
  query: { year: number; officeId?: string },
  req?: Request,
  today: string = todayInBerlin(),
): Promise<LeaveReportRowDTO[]> {
  if (!canManageLeave(user)) throw await deny(user, 'leave.report', { type: 'leave_report' }, req);
  const { year } = query;
  const [rows, units, ledgers, previous, index, settings] = await Promise.all([
    directoryRows(),
    unitIndex(),
    ledgersOfYear(year),
    ledgersOfYear(year - 1),
    leaveIndex(),
    leaveSettings(),
  ]);
  const holidays = holidaysFor([year], settings);
  const byOffice = new Map<string, Figures>();
  for (const row of rows) {
    if (!row.active) continue;
    const office = units.officeOf(row.unitId);
    if (!office || (query.officeId && office.id !== query.officeId)) continue;
    const ledger =
      ledgers.get(ledgerId(row.id, year)) ??
      (await defaultLedger(row.id, year, previous.get(ledgerId(row.id, year - 1)) ?? null));
    const approved = index
      .byPerson(row.id)
      .filter((r) => r.counts && (r.status === 'approved' || r.status === 'cancel_requested'))
      .filter((r) => r.from <= `${year}-12-31` && r.to >= `${year}-01-01`);
    const f = personFigures(ledger, approved, holidays, today);
    const sum = byOffice.get(office.id) ?? empty();
    sum.people += 1;
    sum.entitlement += f.entitlement;
    sum.taken += f.taken;
    sum.planned += f.planned;
    sum.remaining += f.remaining;
    byOffice.set(office.id, sum);
  }
  const out: LeaveReportRowDTO[] = [];
  const other = empty();
  // Offices in the org tree's order.
  for (const unit of units.rows) {
    const f = byOffice.get(unit.id);
    if (!f) continue;
    if (f.people >= MIN_GROUP) {
      out.push({ office: { id: unit.id, name: unit.name }, ...f });
      continue;
    }
    for (const k of ['people', 'entitlement', 'taken', 'planned', 'remaining'] as const)
      other[k] += f[k];
  }
  if (other.people > 0 && !query.officeId) out.push({ office: null, ...other });
  return out;
}

/** The report as CSV (formula-safe; audited). */
export async function leaveReportCsv(
  user: CurrentUser,
  year: number,
  req?: Request,
): Promise<{ filename: string; csv: string }> {
  const rows = await leaveReport(user, { year }, req);
  const units = await unitIndex();
  const csv = toCsv([
    ['Amt', 'Beschäftigte', 'Anspruch', 'Genommen', 'Geplant', 'Rest'],
    ...rows.map((r) => {
      const number = r.office ? units.byId.get(r.office.id)?.unit.number : null;
      const name = r.office
        ? [number, r.office.name].filter(Boolean).join(' ')
        : `Sonstige (Ämter mit weniger als ${MIN_GROUP} Beschäftigten)`;
      return [name, r.people, r.entitlement, r.taken, r.planned, r.remaining];
    }),
  ]);
  await audit({
    action: 'leave.report_exported',
    actorId: user.id,
    subjectType: 'leave_report',
    subjectId: String(year),
    detail: { year, rows: rows.length },
    req,
  });
  return { filename: `urlaub-${year}.csv`, csv };
}

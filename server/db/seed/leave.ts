import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import {
  addDays,
  countDays,
  daysPerYear,
  isoWeekday,
  splitAt,
  type DayRange,
} from '@shared/leave/days';
import type { LeaveStatus } from '@shared/leave/schemas';
import { DEFAULT_ANNUAL_DAYS, FULL_WEEK } from '@shared/leave/schemas';
import { PersonModel } from '../../modules/people/person.model';
import { bumpPeopleVersion } from '../../modules/people/directory-version';
import { ensureDefaultLeaveTypes, leaveTypes } from '../../modules/leave/leave-type.model';
import { leaveSettings } from '../../modules/leave/leave-settings';
import { holidaysFor, todayInBerlin } from '../../modules/leave/holidays';
import {
  LedgerModel,
  ledgerId,
  type Ledger,
  type LedgerEntry,
} from '../../modules/leave/ledger.model';
import { allocateCarry } from '../../modules/leave/ledger.rules';
import { LeaveRequestModel } from '../../modules/leave/request.model';
import { resetLeaveIndex } from '../../modules/leave/request-index';
import { clearLedgerCaches } from '../../modules/leave/ledger.store';
import type { PersonRow, UnitRow } from './build';

const WORKDAYS = new Set<number>(FULL_WEEK);

/** `n` working days (Mon–Fri, no holiday) starting on the first working day on or after `date`. */
function workingSpan(
  date: string,
  n: number,
  holidays: ReadonlyMap<string, { off: string }>,
): DayRange {
  const isWorking = (d: string) => isoWeekday(d) <= 5 && holidays.get(d)?.off !== 'full';
  let from = date;
  while (!isWorking(from)) from = addDays(from, 1);
  let to = from;
  let left = n - 1;
  while (left > 0) {
    to = addDays(to, 1);
    if (isWorking(to)) left -= 1;
  }
  return { from, to, halfStart: false, halfEnd: false };
}

/** The leader of the person's unit, or the next one above when the person leads it. */
function approverOf(person: PersonRow, units: UnitRow[]): Types.ObjectId | null {
  let unit = units.find((u) => u._id.equals(person.unitId));
  while (unit) {
    if (unit.leaderId && !unit.leaderId.equals(person._id)) return unit.leaderId;
    const parentId = unit.parentId;
    unit = parentId ? units.find((u) => u._id.equals(parentId)) : undefined;
  }
  return null;
}

interface Plan {
  who: string;
  type: 'annual' | 'special' | 'training' | 'time-off';
  /** Start, in days from today (moved to the next working day). */
  start: number;
  length: number;
  status: Extract<LeaveStatus, 'approved' | 'pending'>;
  comment?: string;
}

/**
 * Demo leave around today so the team calendar, the inbox and the reports show something:
 * Laura Schmid (`employee`) has no requests of her own (the browser tests book hers), her
 * colleague Ayşe Demir and people of the same office have approved and pending leave.
 */
const plans: Plan[] = [
  {
    who: 'ayse.demir',
    type: 'annual',
    start: 7,
    length: 5,
    status: 'approved',
    comment: 'Familienbesuch',
  },
  { who: 'ayse.demir', type: 'training', start: 21, length: 2, status: 'approved' },
  { who: 'sandra.koch', type: 'annual', start: 3, length: 3, status: 'pending' },
  { who: 'juergen.mueller', type: 'annual', start: -3, length: 5, status: 'approved' },
  { who: 'klaus.schaefer', type: 'time-off', start: 10, length: 1, status: 'approved' },
  { who: 'dennis.vogel', type: 'annual', start: 14, length: 4, status: 'pending' },
  { who: 'ralf.hahn', type: 'annual', start: 5, length: 2, status: 'approved' },
  { who: 'lea.hartmann', type: 'annual', start: -40, length: 10, status: 'approved' },
];

/**
 * Leave types, this year's ledger for every demo person (30 days; `employee` with 4 days carried
 * over), `manager`'s deputy (`mover`, a demo account, so the deputy's inbox can be tried), and the
 * requests above with their ledger entries. Ledgers and requests are inserted in bulk; the entries
 * are exactly what the workflow would have written.
 */
export async function insertDemoLeave(demo: {
  people: PersonRow[];
  units: UnitRow[];
}): Promise<void> {
  await ensureDefaultLeaveTypes();
  const [types, settings] = await Promise.all([leaveTypes(), leaveSettings()]);
  const typeByKey = new Map(types.map((t) => [t.key, t]));
  const today = todayInBerlin();
  const year = Number(today.slice(0, 4));
  const holidays = holidaysFor([year - 1, year, year + 1, year + 2], settings);
  const byName = new Map(demo.people.map((p) => [p.username, p]));

  const manager = byName.get('manager');
  const mover = byName.get('mover');
  if (manager && mover) {
    await PersonModel.updateOne({ _id: manager._id }, { $set: { deputyId: mover._id } });
    await bumpPeopleVersion();
  }

  const now = new Date();
  const ledgers = new Map<string, Ledger>();
  const ledgerOf = (personId: string, y: number): Ledger => {
    const id = ledgerId(personId, y);
    let l = ledgers.get(id);
    if (!l) {
      l = {
        _id: id,
        personId,
        year: y,
        baseDays: DEFAULT_ANNUAL_DAYS,
        workdays: [...FULL_WEEK],
        employedFrom: null,
        employedTo: null,
        additional: [],
        carryOver: 0,
        carryExpires: `${y}-${settings.carryExpiry}`,
        entries: {},
        rev: 0,
        createdAt: now,
        updatedAt: now,
      };
      ledgers.set(id, l);
    }
    return l;
  };
  for (const p of demo.people) ledgerOf(String(p._id), year);
  const employee = byName.get('employee');
  if (employee) ledgerOf(String(employee._id), year).carryOver = 4;

  const requests = [];
  for (const plan of plans) {
    const person = byName.get(plan.who);
    const type = typeByKey.get(plan.type);
    if (!person || !type) continue;
    const personId = String(person._id);
    const range = workingSpan(addDays(today, plan.start), plan.length, holidays);
    const days = countDays(range, WORKDAYS, holidays);
    const charges = daysPerYear(range, WORKDAYS, holidays)
      .filter((c) => c.days > 0)
      .map((c) => {
        const l = ledgerOf(personId, c.year);
        const inYear = {
          ...range,
          from: range.from > `${c.year}-01-01` ? range.from : `${c.year}-01-01`,
          to: range.to < `${c.year}-12-31` ? range.to : `${c.year}-12-31`,
        };
        return {
          year: c.year,
          days: c.days,
          upToExpiry: splitAt(inYear, l.carryExpires, WORKDAYS, holidays).upTo,
        };
      });
    const id = randomUUID();
    if (type.counts) {
      for (const c of charges) {
        const l = ledgerOf(personId, c.year);
        const entry: LedgerEntry = {
          state: plan.status,
          days: c.days,
          upToExpiry: c.upToExpiry,
          carry: 0,
        };
        l.entries = allocateCarry({ ...l.entries, [id]: entry }, l.carryOver);
      }
    }
    const decider = approverOf(person, demo.units);
    const createdAt = new Date(
      now.getTime() - (plan.status === 'pending' ? 3_600_000 : 20 * 86_400_000),
    );
    const history: {
      at: Date;
      actorId: Types.ObjectId | null;
      action: string;
      from: LeaveStatus | null;
      to: LeaveStatus;
      comment: string;
    }[] = [
      {
        at: createdAt,
        actorId: person._id,
        action: 'created',
        from: null,
        to: 'pending',
        comment: plan.comment ?? '',
      },
    ];
    if (plan.status === 'approved') {
      history.push({
        at: new Date(createdAt.getTime() + 86_400_000),
        actorId: decider,
        action: 'approved',
        from: 'pending',
        to: 'approved',
        comment: '',
      });
    }
    requests.push({
      _id: id,
      personId: person._id,
      typeId: new Types.ObjectId(type.id),
      counts: type.counts,
      from: range.from,
      to: range.to,
      halfStart: false,
      halfEnd: false,
      days,
      charges,
      status: plan.status,
      comment: plan.comment ?? '',
      deputyId: person.deputyId,
      decidedBy: plan.status === 'approved' ? decider : null,
      decidedAt: plan.status === 'approved' ? history[1]?.at : null,
      decisionComment: '',
      escalatedAt: null,
      history,
      rev: history.length,
      createdAt,
      updatedAt: history[history.length - 1]?.at ?? createdAt,
    });
  }
  await LedgerModel.collection.insertMany([...ledgers.values()] as never[]);
  if (requests.length) await LeaveRequestModel.collection.insertMany(requests as never[]);
  // Written past the read models: they load afresh on next use.
  resetLeaveIndex();
  clearLedgerCaches();
}

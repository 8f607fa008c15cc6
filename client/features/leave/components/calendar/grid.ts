import type { LeaveStatus } from '@shared/leave/schemas';
import type { LeaveTypeDTO, TeamCalendarDTO } from '@shared/leave/types';
import type { PersonRef } from '@shared/people/types';

export type DayKind = TeamCalendarDTO['days'][number]['kind'];
type Absence = TeamCalendarDTO['people'][number]['absences'][number];

/** Which part of a day an absence takes: all of it, only the morning or only the afternoon. */
export type DayPart = 'full' | 'am' | 'pm';

/** How an absence is drawn: decided (approved, or approved with a pending cancellation) or not yet. */
export type CellMark = 'approved' | 'pending';

export interface CellEntry {
  id: string;
  status: LeaveStatus;
  mark: CellMark;
  part: DayPart;
  type: LeaveTypeDTO | null;
}

export interface GridCell {
  date: string;
  kind: DayKind;
  /** Absences on this day (usually one; a morning and an afternoon half can meet). */
  entries: CellEntry[];
  /** Confirmed training days (e-learning) of the person on this day, by start time. */
  trainings?: CalendarTraining[];
}

/**
 * A confirmed training day in the team calendar (`TeamCalendarDTO.people[].trainings`, an optional
 * field the learning module adds). `title` is empty or null for viewers who may not see it.
 */
export interface CalendarTraining {
  registrationId: string;
  courseId: string;
  title: string | null;
  date: string;
  start: string;
  end: string;
}
type PersonWithTrainings = TeamCalendarDTO['people'][number] & {
  trainings?: CalendarTraining[];
};

/** The person's training days (none when the server sends no `trainings`). */
export const trainingsOf = (p: TeamCalendarDTO['people'][number]): CalendarTraining[] =>
  (p as PersonWithTrainings).trainings ?? [];

export interface GridDay {
  date: string;
  /** Day of the month, 1–31. */
  day: number;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  weekday: number;
  kind: DayKind;
  name: string | null;
}

export interface GridRow {
  person: PersonRef;
  cells: GridCell[];
}

export interface CalendarGrid {
  days: GridDay[];
  rows: GridRow[];
}

/** Statuses that hold days; anything else (rejected, withdrawn, cancelled) is not drawn. */
const shown: ReadonlySet<LeaveStatus> = new Set(['pending', 'approved', 'cancel_requested']);

export function markOf(status: LeaveStatus): CellMark {
  return status === 'pending' ? 'pending' : 'approved';
}

/** ISO weekday of an ISO date (no time zone involved: the date is read as UTC midnight). */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The part of `date` an absence takes; null when the absence does not cover that day. */
export function partOn(
  a: Pick<Absence, 'from' | 'to' | 'halfStart' | 'halfEnd'>,
  date: string,
): DayPart | null {
  if (date < a.from || date > a.to) return null;
  // halfStart: only the afternoon of the first day is off; halfEnd: only the morning of the last.
  if (date === a.from && a.halfStart) return 'pm';
  if (date === a.to && a.halfEnd) return 'am';
  return 'full';
}

/**
 * People × days of a month. Weekends and public holidays are shaded and carry no absence (they
 * cost no leave); a 24.12./31.12. half day carries it like a working day.
 */
export function buildCalendarGrid(cal: Pick<TeamCalendarDTO, 'days' | 'people'>): CalendarGrid {
  const days: GridDay[] = cal.days.map((d) => ({
    date: d.date,
    day: Number(d.date.slice(8, 10)),
    weekday: isoWeekday(d.date),
    kind: d.kind,
    name: d.name,
  }));
  const rows = cal.people.map((p) => {
    const absences = p.absences.filter((a) => shown.has(a.status));
    const trainings = trainingsOf(p);
    const cells = days.map((d): GridCell => {
      const cell = buildCell(d, absences);
      const onDay = trainings
        .filter((x) => x.date === d.date)
        .sort((a, b) => a.start.localeCompare(b.start));
      return onDay.length > 0 ? { ...cell, trainings: onDay } : cell;
    });
    return { person: p.person, cells };
  });
  rows.sort((a, b) => a.person.displayName.localeCompare(b.person.displayName, 'de'));
  return { days, rows };
}

/** One day's absences (weekends and holidays carry none). */
function buildCell(d: GridDay, absences: Absence[]): GridCell {
  if (d.kind === 'weekend' || d.kind === 'holiday')
    return { date: d.date, kind: d.kind, entries: [] };
  const entries: CellEntry[] = [];
  for (const a of absences) {
    const part = partOn(a, d.date);
    if (part)
      entries.push({ id: a.id, status: a.status, mark: markOf(a.status), part, type: a.type });
  }
  entries.sort((x, y) => partOrder[x.part] - partOrder[y.part]);
  return { date: d.date, kind: d.kind, entries };
}

const partOrder: Record<DayPart, number> = { am: 0, full: 1, pm: 2 };

/** One row of the table view: an absence clipped to nothing (from/to are the request's own). */
export interface AbsenceListRow {
  person: PersonRef;
  id: string;
  from: string;
  to: string;
  halfStart: boolean;
  halfEnd: boolean;
  status: LeaveStatus;
  mark: CellMark;
  type: LeaveTypeDTO | null;
  days: number | null;
  /** Set on a training day (from = to = that day; status and mark then say "confirmed"). */
  training?: { title: string | null; start: string; end: string };
}

/** The table view's rows: every shown absence, by start date, then by name. */
export function absenceList(cal: Pick<TeamCalendarDTO, 'people'>): AbsenceListRow[] {
  const out: AbsenceListRow[] = [];
  for (const p of cal.people)
    for (const a of p.absences) {
      if (!shown.has(a.status)) continue;
      out.push({
        person: p.person,
        id: a.id,
        from: a.from,
        to: a.to,
        halfStart: a.halfStart,
        halfEnd: a.halfEnd,
        status: a.status,
        mark: markOf(a.status),
        type: a.type,
        days: typeof a.days === 'number' ? a.days : null,
      });
    }
  for (const p of cal.people)
    for (const x of trainingsOf(p))
      out.push({
        person: p.person,
        id: `training-${x.registrationId}-${x.date}`,
        from: x.date,
        to: x.date,
        halfStart: false,
        halfEnd: false,
        status: 'approved',
        mark: 'approved',
        type: null,
        days: null,
        training: { title: x.title || null, start: x.start, end: x.end },
      });
  return out.sort(
    (a, b) =>
      a.from.localeCompare(b.from) ||
      a.person.displayName.localeCompare(b.person.displayName, 'de'),
  );
}

/** `YYYY-MM` shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + delta;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}`;
}

/** Does a `leave:calendar` change (from–to) touch this month? */
export function touchesMonth(month: string, from: string, to: string): boolean {
  const first = `${month}-01`;
  const last = `${month}-31`;
  return from <= last && to >= first;
}

import type { Request } from 'express';
import type { TeamCalendarDTO } from '@shared/leave/types';
import { addDays, eachDay, isoWeekday } from '@shared/leave/days';
import { hasRole, type CurrentUser } from '../auth/current-user';
import { deny } from '../audit/deny';
import { notFound } from '../../lib/errors';
import { directoryRows } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { unitIndex } from '../org/unit-index';
import { canOpenCalendar, canSeeLeaveType, type CalendarViewer } from './calendar.policy';
import { holidaysFor } from './holidays';
import { leaveSettings } from './leave-settings';
import { presentLeaveType } from './leave-type.presenter';
import { leaveTypes } from './leave-type.model';
import { leaveIndex } from './request-index';
import { trainingDaysFor } from '../learning/trainings/calendar-extras';

export const calendarViewer = (user: CurrentUser): CalendarViewer => ({
  id: user.id,
  unitId: user.unitId,
  leads: user.leads,
  hr: hasRole(user, 'hr'),
});

/** First and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/** Every day of the month with its kind (a public holiday on a weekend shows as weekend, named). */
export async function monthDays(month: string): Promise<TeamCalendarDTO['days']> {
  const { from, to } = monthRange(month);
  const holidays = holidaysFor([Number(month.slice(0, 4))], await leaveSettings());
  return [...eachDay(from, to)].map((date) => {
    const off = holidays.get(date);
    const weekend = isoWeekday(date) >= 6;
    const kind = weekend ? 'weekend' : off?.off === 'full' ? 'holiday' : off ? 'half' : 'work';
    return { date, kind, name: off?.name ?? null };
  });
}

/**
 * A unit's team calendar for a month: its active people (from the directory read model) with
 * their active requests touching the month (from the leave read model); the type only where the
 * policy allows. No database read but the stamps.
 */
export async function teamCalendar(
  user: CurrentUser,
  query: { month: string; unitId?: string; subtree: boolean },
  req?: Request,
): Promise<TeamCalendarDTO> {
  const units = await unitIndex();
  const unitId = query.unitId ?? user.unitId;
  const unit = unitId ? units.byId.get(unitId) : undefined;
  if (!unit) throw notFound();
  const viewer = calendarViewer(user);
  if (!canOpenCalendar(viewer, unit.chain, query.subtree)) {
    throw await deny(user, 'leave.calendar', { type: 'unit', id: unit.id }, req);
  }
  const scope = new Set(query.subtree ? units.subtreeIds(unit.id) : [unit.id]);
  const { from, to } = monthRange(query.month);
  const [rows, index, types, days] = await Promise.all([
    directoryRows(),
    leaveIndex(),
    leaveTypes(),
    monthDays(query.month),
  ]);
  const people = rows.filter((r) => r.active && r.unitId !== null && scope.has(r.unitId));
  const trainings = await trainingDaysFor(
    people.map((p) => p.id),
    from,
    to,
  );
  const typeById = new Map(types.map((t) => [t.id, t]));
  const byPerson = new Map<string, ReturnType<typeof index.overlapping>>();
  for (const r of index.overlapping(
    people.map((p) => p.id),
    from,
    to,
  )) {
    byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  }
  return {
    month: query.month,
    unit: { id: unit.id, name: unit.name },
    days,
    people: people.map((p) => {
      const chain = (p.unitId && units.byId.get(p.unitId)?.chain) || [];
      const seeType = canSeeLeaveType(viewer, p.id, chain);
      const absences = (byPerson.get(p.id) ?? [])
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
        .map((r) => {
          const type = seeType ? typeById.get(r.typeId) : undefined;
          return {
            id: r.id,
            from: r.from,
            to: r.to,
            halfStart: r.halfStart,
            halfEnd: r.halfEnd,
            status: r.status,
            type: type ? presentLeaveType(type) : null,
            days: r.days,
          };
        });
      const days = (trainings.get(p.id) ?? []).map((t) => ({
        ...t,
        title: seeType ? t.title : null,
      }));
      return {
        person: presentPersonRef(p.person),
        absences,
        ...(days.length ? { trainings: days } : {}),
      };
    }),
  };
}

/** Units whose calendar the viewer may open: their own unit, what they lead (and below), all for HR. */
export async function calendarUnits(
  user: CurrentUser,
): Promise<{ id: string; name: string; subtree: boolean }[]> {
  const units = await unitIndex();
  const viewer = calendarViewer(user);
  return units.rows
    .map((u) => ({ u, subtree: canOpenCalendar(viewer, u.chain, true) }))
    .filter(({ u, subtree }) => subtree || canOpenCalendar(viewer, u.chain, false))
    .map(({ u, subtree }) => ({ id: u.id, name: u.name, subtree }));
}

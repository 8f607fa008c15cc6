import Holidays from 'date-holidays';
import type { DayOff } from '@shared/leave/days';
import type { EveRule, LeaveSettings } from '@shared/leave/schemas';

/**
 * Public holidays of Baden-Württemberg (date-holidays, `type === 'public'`: 12 a year) plus
 * 24.12. and 31.12. as the leave settings say. The public ones are computed once per year.
 */
const engine = new Holidays('DE', 'BW');
const publicByYear = new Map<number, ReadonlyMap<string, string>>();

function publicHolidays(year: number): ReadonlyMap<string, string> {
  let map = publicByYear.get(year);
  if (!map) {
    map = new Map(
      engine
        .getHolidays(year, 'de')
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    publicByYear.set(year, map);
  }
  return map;
}

const EVES: { mmdd: '12-24' | '12-31'; key: 'dec24' | 'dec31'; name: string }[] = [
  { mmdd: '12-24', key: 'dec24', name: 'Heiligabend' },
  { mmdd: '12-31', key: 'dec31', name: 'Silvester' },
];

const eveOff = (rule: EveRule): DayOff['off'] | null =>
  rule === 'free' ? 'full' : rule === 'half' ? 'afternoon' : null;

/** Days off of the given years: BW public holidays, and 24./31.12. per `dec24`/`dec31`. */
export function holidaysFor(
  years: number[],
  settings: Pick<LeaveSettings, 'dec24' | 'dec31'>,
): Map<string, DayOff> {
  const out = new Map<string, DayOff>();
  for (const year of new Set(years)) {
    for (const [date, name] of publicHolidays(year)) out.set(date, { name, off: 'full' });
    for (const eve of EVES) {
      const off = eveOff(settings[eve.key]);
      const date = `${year}-${eve.mmdd}`;
      // A public holiday on that date (none exists in BW) would win.
      if (off && !out.has(date)) out.set(date, { name: eve.name, off });
    }
  }
  return out;
}

/** The years a range of ISO dates touches. */
export function yearsOf(from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  return years;
}

const berlinDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Stuttgart (`YYYY-MM-DD`): leave is counted in local days. */
export function todayInBerlin(now: Date = new Date()): string {
  return berlinDate.format(now);
}

/** The current leave year in Stuttgart. */
export const currentLeaveYear = (now: Date = new Date()): number =>
  Number(todayInBerlin(now).slice(0, 4));

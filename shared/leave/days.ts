/**
 * Working-day arithmetic for leave, on ISO calendar days (`YYYY-MM-DD`), in UTC so that no
 * daylight-saving shift can move a day. Amounts are multiples of 0.5: every working day has a
 * morning and an afternoon half. Pure: holidays come in as a map (the server builds it for
 * Baden-Württemberg, `server/modules/leave/holidays.ts`).
 */

/** A day that is not (fully) worked: a public holiday, or 24./31.12. as the tariff says. */
export interface DayOff {
  name: string;
  /** `full`: no work; `afternoon`: the afternoon is free (24./31.12. as half days). */
  off: 'full' | 'afternoon';
}
export type Holidays = ReadonlyMap<string, DayOff>;

export interface DayRange {
  from: string;
  to: string;
  /** Only the afternoon of the first day is taken. */
  halfStart: boolean;
  /** Only the morning of the last day is taken. */
  halfEnd: boolean;
}

const DAY_MS = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

export const addDays = (date: string, n: number): string => fromTime(toTime(date) + n * DAY_MS);
/** ISO weekday: Monday = 1 … Sunday = 7. */
export const isoWeekday = (date: string): number =>
  ((new Date(toTime(date)).getUTCDay() + 6) % 7) + 1;
export const yearOf = (date: string): number => Number(date.slice(0, 4));
export const daysBetween = (from: string, to: string): number =>
  Math.round((toTime(to) - toTime(from)) / DAY_MS);

export function* eachDay(from: string, to: string): Generator<string> {
  for (let t = toTime(from), end = toTime(to); t <= end; t += DAY_MS) yield fromTime(t);
}

/** The worth of one day's halves for a person: [morning, afternoon], each 0 or 0.5. */
export function dayHalves(
  date: string,
  workdays: ReadonlySet<number>,
  holidays: Holidays,
): [number, number] {
  if (!workdays.has(isoWeekday(date))) return [0, 0];
  const off = holidays.get(date);
  if (off?.off === 'full') return [0, 0];
  if (off?.off === 'afternoon') return [0.5, 0];
  return [0.5, 0.5];
}

/** Working days a range costs a person (0.5 steps). */
export function countDays(
  range: DayRange,
  workdays: ReadonlySet<number>,
  holidays: Holidays,
): number {
  let total = 0;
  for (const date of eachDay(range.from, range.to))
    total += dayCost(date, range, workdays, holidays);
  return total;
}

/** What one day of a range costs, honouring the half-day flags at its ends. */
export function dayCost(
  date: string,
  range: DayRange,
  workdays: ReadonlySet<number>,
  holidays: Holidays,
): number {
  const [morning, afternoon] = dayHalves(date, workdays, holidays);
  const takesMorning = !(date === range.from && range.halfStart);
  const takesAfternoon = !(date === range.to && range.halfEnd);
  return (takesMorning ? morning : 0) + (takesAfternoon ? afternoon : 0);
}

/** Days of a range per calendar year (a request over New Year costs in both years). */
export function daysPerYear(
  range: DayRange,
  workdays: ReadonlySet<number>,
  holidays: Holidays,
): { year: number; days: number }[] {
  const byYear = new Map<number, number>();
  for (const date of eachDay(range.from, range.to)) {
    const y = yearOf(date);
    byYear.set(y, (byYear.get(y) ?? 0) + dayCost(date, range, workdays, holidays));
  }
  return [...byYear].map(([year, days]) => ({ year, days }));
}

/** Days of a range on or before `date` (e.g. the carry-over expiry) and after it. */
export function splitAt(
  range: DayRange,
  date: string,
  workdays: ReadonlySet<number>,
  holidays: Holidays,
): { upTo: number; after: number } {
  let upTo = 0;
  let after = 0;
  for (const d of eachDay(range.from, range.to)) {
    const c = dayCost(d, range, workdays, holidays);
    if (d <= date) upTo += c;
    else after += c;
  }
  return { upTo, after };
}

/** TVöD §26: fractions of at least half a day round up to a full day, smaller ones are dropped. */
export const roundLeave = (days: number): number => {
  const whole = Math.floor(days + 1e-9);
  return days - whole >= 0.5 - 1e-9 ? whole + 1 : whole;
};

/** Full calendar months of `year` inside the employment period (null ends = open). */
export function fullMonthsEmployed(
  year: number,
  employedFrom: string | null,
  employedTo: string | null,
): number {
  let months = 0;
  for (let m = 1; m <= 12; m++) {
    const first = `${year}-${String(m).padStart(2, '0')}-01`;
    const last = addDays(
      m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`,
      -1,
    );
    if (
      (employedFrom === null || employedFrom <= first) &&
      (employedTo === null || employedTo >= last)
    )
      months++;
  }
  return months;
}

/**
 * The year's base entitlement: `baseDays` is for a five-day week; a person working fewer (or
 * more) weekdays gets the same share; joining or leaving mid-year gives 1/12 per full month.
 */
export function proratedBase(input: {
  year: number;
  baseDays: number;
  workdays: readonly number[];
  employedFrom: string | null;
  employedTo: string | null;
}): number {
  const weekShare = new Set(input.workdays).size / 5;
  const months = fullMonthsEmployed(input.year, input.employedFrom, input.employedTo);
  if (months === 12 && Number.isInteger(input.baseDays * weekShare))
    return input.baseDays * weekShare;
  return roundLeave((input.baseDays * weekShare * months) / 12);
}

/**
 * Which part of a cost comes from carried-over days: they are used first, but only for days on or
 * before their expiry, and only as many as are still unused.
 */
export function carryShare(daysUpToExpiry: number, carryUnused: number): number {
  return Math.max(0, Math.min(daysUpToExpiry, carryUnused));
}

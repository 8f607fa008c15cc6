import type { RoomEventDTO } from '@shared/rooms/types';

/**
 * Dates of room events in the reader's locale and time zone. All-day events are stored as whole
 * UTC days (midnight to midnight after the last day), so they are read in UTC and every reader
 * sees the same days; timed events are shown in the reader's own time zone.
 */
type Times = Pick<RoomEventDTO, 'start' | 'end' | 'allDay'>;

const DAY = 86_400_000;

/** yyyy-mm-dd of an instant in a time zone (undefined = the browser's). */
export function isoDayIn(date: Date, timeZone?: string): string {
  // en-CA writes dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** The day an event is listed under: its first day. */
export const eventDay = (e: Times, timeZone?: string): string =>
  e.allDay ? e.start.slice(0, 10) : isoDayIn(new Date(e.start), timeZone);

/** The last day of an all-day event (its stored end is exclusive). */
export const lastDay = (e: Times): string =>
  new Date(new Date(e.end).getTime() - DAY).toISOString().slice(0, 10);

/** Events grouped by their first day, keeping the given order (upcoming ascending, past descending). */
export function groupByDay<T extends Times>(
  events: readonly T[],
  timeZone?: string,
): { day: string; events: T[] }[] {
  const groups: { day: string; events: T[] }[] = [];
  for (const e of events) {
    const day = eventDay(e, timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.events.push(e);
    else groups.push({ day, events: [e] });
  }
  return groups;
}

const utcNoon = (day: string) => new Date(`${day}T12:00:00Z`);

/** "Montag, 4. Mai 2099" / "Monday, 4 May 2099". */
export const formatDay = (day: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcNoon(day));

/**
 * The time of an event for the list: "08:00–09:30"; across days with dates; all-day events
 * get `null` for one day (the list says "ganztägig") or the range of days.
 */
export function formatTimes(e: Times, locale: string, timeZone?: string): string | null {
  if (e.allDay) {
    const last = lastDay(e);
    if (last === e.start.slice(0, 10)) return null;
    return new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).formatRange(utcNoon(e.start.slice(0, 10)), utcNoon(last));
  }
  const start = new Date(e.start);
  const end = new Date(e.end);
  const sameDay = isoDayIn(start, timeZone) === isoDayIn(end, timeZone);
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).formatRange(start, end);
}

/** What the form edits: local date and times, or whole days. */
export interface EventFormTimes {
  date: string;
  startTime: string;
  endTime: string;
  allDay: boolean;
  /** Last day of an all-day event. */
  endDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const timeIn = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The form's values for an event (local time of this browser). */
export function formTimesOf(e: Times): EventFormTimes {
  if (e.allDay) {
    return {
      date: e.start.slice(0, 10),
      endDate: lastDay(e),
      startTime: '09:00',
      endTime: '10:00',
      allDay: true,
    };
  }
  const start = new Date(e.start);
  return {
    date: isoDayIn(start),
    endDate: isoDayIn(start),
    startTime: timeIn(start),
    endTime: timeIn(new Date(e.end)),
    allDay: false,
  };
}

/**
 * The API's `start`/`end` from the form: local date-times as UTC instants; all-day events as
 * the first and last day (the server stores whole days).
 */
export function eventTimesOf(f: EventFormTimes): { start: string; end: string; allDay: boolean } {
  if (f.allDay) {
    const end = f.endDate && f.endDate >= f.date ? f.endDate : f.date;
    return { start: `${f.date}T00:00:00Z`, end: `${end}T00:00:00Z`, allDay: true };
  }
  const at = (time: string) => new Date(`${f.date}T${time}:00`).toISOString();
  return { start: at(f.startTime), end: at(f.endTime), allDay: false };
}

import type { LeaveTypeDTO } from '@shared/leave/types';

/** Dates are calendar days: formatted in UTC so no time zone moves them. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: string, long: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${long}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      timeZone: 'UTC',
      ...(long
        ? { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }
        : { day: '2-digit', month: '2-digit', year: 'numeric' }),
    });
    dateFormats.set(key, f);
  }
  return f;
}

export function formatDay(iso: string, lang: string, long = false): string {
  return dateFormat(lang, long).format(new Date(`${iso}T00:00:00Z`));
}

export function formatRange(from: string, to: string, lang: string): string {
  return from === to ? formatDay(from, lang) : `${formatDay(from, lang)} – ${formatDay(to, lang)}`;
}

/** An instant (history, decisions) in the reader's time zone. */
export function formatInstant(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Day amounts are multiples of 0.5: "2,5" in German. */
export function formatDays(days: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(days);
}

export function typeName(type: LeaveTypeDTO | null, lang: string): string {
  if (!type) return '';
  return lang.startsWith('en') ? type.name.en : type.name.de;
}

/** Today as a Stuttgart calendar day (`YYYY-MM-DD`). */
export function todayInBerlin(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}

/** The day after `iso`. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Date texts of the managers' leave pages, in the reader's language (ISO dates, no zone). */

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** 24.12.2025 / 12/24/2025 */
export const formatDate = (iso: string, lang: string) =>
  fmt(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(utc(iso));

/** Mittwoch, 24. Dezember 2025 */
export const formatLongDate = (iso: string, lang: string) =>
  fmt(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(utc(iso));

/** Mi */
export const formatWeekdayShort = (iso: string, lang: string) =>
  fmt(lang, { weekday: 'short' }).format(utc(iso));

/** Dezember 2025 */
export const formatMonth = (month: string, lang: string) =>
  fmt(lang, { month: 'long', year: 'numeric' }).format(utc(`${month}-01`));

/** A day amount with a decimal comma in German (2,5). */
export const formatDays = (n: number, lang: string) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);

/** Whole calendar days between an instant and now (for "waiting since"). */
export function daysSince(instant: string, now: Date = new Date()): number {
  const ms = now.getTime() - new Date(instant).getTime();
  return Math.max(0, Math.floor(ms / 86_400_000));
}

/** The current month (`YYYY-MM`) in Stuttgart. */
export function currentMonth(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now).slice(0, 7);
}

/** Today (`YYYY-MM-DD`) in Stuttgart. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}

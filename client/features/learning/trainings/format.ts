import type { RegistrationDTO, SessionDTO } from '@shared/learning/types';

type T = (key: string, opts?: Record<string, unknown>) => string;
type Day = { date: string; start: string; end: string };

const locale = (lang: string) => (lang.startsWith('en') ? 'en-GB' : 'de-DE');

/** "Mo., 03.02.2026" (de) / "Mon, 03/02/2026" (en); the ISO date is read as a calendar day. */
export function formatDay(date: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "03.02.2026" (de) / "03/02/2026" (en). */
export function formatDate(date: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** A timestamp in the reader's time zone: "03.02.2026, 14:05". */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "Mo., 03.02.2026, 09:00–12:00 Uhr". */
export function dayText(d: Day, lang: string, t: T): string {
  return t('format.day', { date: formatDay(d.date, lang), start: d.start, end: d.end });
}

export function daysText(days: Day[], lang: string, t: T): string {
  return days.map((d) => dayText(d, lang, t)).join('; ');
}

/** "5 von 12 Plätzen frei", "ausgebucht – Warteliste (3)", "Unbegrenzt Plätze". */
export function seatsText(s: Pick<SessionDTO, 'seats' | 'taken' | 'waitlisted'>, t: T): string {
  if (s.seats === null) return t('seats.unlimited');
  const free = Math.max(0, s.seats - s.taken);
  if (free > 0) return t('seats.free', { count: s.seats, free });
  return s.waitlisted > 0 ? t('seats.fullWaitlist', { count: s.waitlisted }) : t('seats.full');
}

/** Classroom place or "Online". */
export function placeText(s: Pick<SessionDTO, 'format' | 'place'>, t: T): string {
  if (s.format === 'online')
    return s.place ? `${t('format.online')} – ${s.place}` : t('format.online');
  return s.place || t('format.classroom');
}

/** "1.234,50 €" / "€1,234.50". */
export function costText(cents: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}

/**
 * My status in words: "Wartet auf Führungskraft", "Warteliste Platz 2", "Abgelehnt: <reason>".
 * The reason of a rejection is the one of the last history step that led to `rejected`.
 */
export function statusText(
  r: Pick<RegistrationDTO, 'status' | 'waitlistPosition' | 'history'>,
  t: T,
): string {
  switch (r.status) {
    case 'waitlisted':
      return r.waitlistPosition
        ? t('status.waitlistedAt', { position: r.waitlistPosition })
        : t('status.waitlisted');
    case 'rejected': {
      const reason = [...r.history].reverse().find((h) => h.to === 'rejected')?.reason ?? '';
      return reason ? t('status.rejectedWith', { reason }) : t('status.rejected');
    }
    case 'cancelled': {
      const reason = [...r.history].reverse().find((h) => h.to === 'cancelled')?.reason ?? '';
      return reason ? t('status.cancelledWith', { reason }) : t('status.cancelled');
    }
    default:
      return t(`status.${r.status}`);
  }
}

/** The tone of a status pill. */
export function statusTone(status: RegistrationDTO['status']): 'ok' | 'warn' | 'bad' | 'neutral' {
  if (status === 'confirmed') return 'ok';
  if (status === 'rejected' || status === 'cancelled') return 'bad';
  if (status === 'withdrawn') return 'neutral';
  return 'warn';
}

/**
 * The step that decided a registration's current status (who, when, why), for the decided list:
 * the last history step that led to the status now; a registration without history falls back to
 * its last update. Moving up from the waiting list happens by itself: no decider is named.
 */
export function decisionOf(r: Pick<RegistrationDTO, 'status' | 'history' | 'updatedAt'>): {
  action: string | null;
  at: string;
  actor: RegistrationDTO['person'] | null;
  reason: string;
} {
  const step = [...r.history].reverse().find((h) => h.to === r.status);
  if (!step) return { action: null, at: r.updatedAt, actor: null, reason: '' };
  return {
    action: step.action,
    at: step.at,
    actor: step.action === 'moved_up' ? null : step.actor,
    reason: step.reason,
  };
}

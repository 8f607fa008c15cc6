import { addDays } from '@shared/leave/days';

/**
 * A tiny iCalendar (RFC 5545) writer for the personal leave feed: all-day events only. Pure (the
 * token store and route are in `ics.service.ts` / `ics.routes.ts`).
 */
export interface IcsEvent {
  /** Stable across feed fetches, so calendar programs update an event instead of duplicating it. */
  uid: string;
  /** First day (`YYYY-MM-DD`). */
  from: string;
  /** Last day, inclusive (`YYYY-MM-DD`); written as the exclusive DTEND of RFC 5545. */
  to: string;
  summary: string;
  description?: string;
  /** When the event was last changed (DTSTAMP). */
  stamp: Date;
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function icsEscape(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 3.1): continuation lines
 * start with one space. Splits only between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first physical line holds 75 octets, the following 74 plus the leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: string) => date.replace(/-/g, '');
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The whole calendar: CRLF line ends, every line folded. */
export function writeIcs(input: { name: string; events: IcsEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Landeshauptstadt Stuttgart//Mitarbeiterportal Urlaub//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(input.name)}`,
  ];
  for (const e of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsEscape(e.uid)}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      `DTSTART;VALUE=DATE:${compactDate(e.from)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(e.to, 1))}`,
      `SUMMARY:${icsEscape(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${icsEscape(e.description)}`] : []),
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

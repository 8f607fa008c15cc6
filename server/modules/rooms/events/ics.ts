import { foldLine, icsEscape, type IcsEvent } from '../../leave/ics';

/**
 * iCalendar (RFC 5545) for room events: timed events in UTC, all-day events as dates. Escaping
 * and line folding are the leave feed's (`leave/ics.ts`); this adds times, place and video link.
 */
export interface RoomIcsEvent extends Pick<IcsEvent, 'uid' | 'summary' | 'description' | 'stamp'> {
  start: Date;
  /** Exclusive end (all-day: midnight UTC after the last day). */
  end: Date;
  allDay: boolean;
  location?: string;
  url?: string | null;
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const day = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');

export function writeRoomIcs(input: { name: string; events: RoomIcsEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Landeshauptstadt Stuttgart//Mitarbeiterportal Raeume//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(input.name)}`,
  ];
  for (const e of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsEscape(e.uid)}`,
      `DTSTAMP:${utc(e.stamp)}`,
      ...(e.allDay
        ? [`DTSTART;VALUE=DATE:${day(e.start)}`, `DTEND;VALUE=DATE:${day(e.end)}`]
        : [`DTSTART:${utc(e.start)}`, `DTEND:${utc(e.end)}`]),
      `SUMMARY:${icsEscape(e.summary)}`,
      ...(e.location ? [`LOCATION:${icsEscape(e.location)}`] : []),
      // URI values are not TEXT: no escaping (only https URLs are stored).
      ...(e.url ? [`URL:${e.url}`] : []),
      ...(e.description ? [`DESCRIPTION:${icsEscape(e.description)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

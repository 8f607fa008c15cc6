import { describe, expect, it } from 'vitest';
import { foldLine, icsEscape, writeIcs } from './ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('ICS writer', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(icsEscape('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting UTF-8 characters', () => {
    const line = `SUMMARY:${'Ü'.repeat(60)}`; // 8 + 120 octets
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    // Unfolding gives the original back.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes all-day events with an exclusive end and CRLF line ends', () => {
    const text = writeIcs({
      name: 'Urlaub, Laura',
      events: [
        {
          uid: 'abc@portal',
          from: '2026-12-30',
          to: '2027-01-02',
          summary: 'Erholungsurlaub; Winter',
          stamp: new Date('2026-01-05T10:11:12.345Z'),
        },
      ],
    });
    expect(text).toContain('X-WR-CALNAME:Urlaub\\, Laura\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20261230\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20270103\r\n');
    expect(text).toContain('DTSTAMP:20260105T101112Z\r\n');
    expect(text).toContain('SUMMARY:Erholungsurlaub\\; Winter\r\n');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});

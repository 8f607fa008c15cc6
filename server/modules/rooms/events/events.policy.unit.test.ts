import { describe, expect, it } from 'vitest';
import type { RoomAbilities } from '@shared/rooms/types';
import { countAttendance, eventAbilities, selectEvents } from './events.policy';
import { writeRoomIcs } from './ics';

const none: RoomAbilities = {
  view: true,
  read: false,
  join: false,
  requestJoin: false,
  leave: false,
  contribute: false,
  moderate: false,
  manageMembers: false,
  update: false,
  administer: false,
  archive: false,
  restore: false,
};
const member = { ...none, read: true, leave: true, contribute: true };
const moderator = { ...member, moderate: true, manageMembers: true, update: true };
const archivedModerator = { ...none, read: true, leave: true };
const now = new Date('2030-01-01T12:00:00Z');
const future = { createdBy: 'a', end: new Date('2030-01-02T00:00:00Z') };
const past = { createdBy: 'a', end: new Date('2029-12-31T00:00:00Z') };

describe('eventAbilities', () => {
  it.each([
    ['creator', member, 'a', future, { edit: true, delete: true, answer: true }],
    ['other member', member, 'b', future, { edit: false, delete: false, answer: true }],
    ['moderator', moderator, 'b', future, { edit: true, delete: true, answer: true }],
    ['past event', member, 'a', past, { edit: true, delete: true, answer: false }],
    [
      'archived room',
      archivedModerator,
      'a',
      future,
      { edit: false, delete: false, answer: false },
    ],
    ['viewer only', none, 'b', future, { edit: false, delete: false, answer: false }],
  ] as const)('%s', (_name, room, viewer, event, expected) => {
    expect(eventAbilities(room, viewer, event, now)).toEqual(expected);
  });
});

describe('countAttendance', () => {
  it('counts current members only', () => {
    const members = new Set(['a', 'b', 'c']);
    expect(
      countAttendance({ a: 'yes', b: 'maybe', c: 'yes', gone: 'no' }, (id) => members.has(id)),
    ).toEqual({ yes: 2, no: 0, maybe: 1 });
  });
});

describe('selectEvents', () => {
  const ev = (id: string, startH: number, endH: number) => ({
    id,
    start: new Date(now.getTime() + startH * 3_600_000),
    end: new Date(now.getTime() + endH * 3_600_000),
  });
  const rows = [ev('later', 5, 6), ev('old', -9, -8), ev('now', -1, 1), ev('older', -20, -19)];
  it('upcoming: not over yet, soonest first', () => {
    expect(selectEvents(rows, false, now).map((r) => r.id)).toEqual(['now', 'later']);
  });
  it('past: latest first, limited', () => {
    expect(selectEvents(rows, true, now).map((r) => r.id)).toEqual(['old', 'older']);
    expect(selectEvents(rows, true, now, 1).map((r) => r.id)).toEqual(['old']);
  });
});

describe('writeRoomIcs', () => {
  it('escapes text, folds long lines and writes all-day events as dates', () => {
    const ics = writeRoomIcs({
      name: 'Raum; A',
      events: [
        {
          uid: 'x@staff-portal',
          summary: `Ä, b; c ${'lang '.repeat(30)}`,
          stamp: now,
          start: new Date('2030-02-01T00:00:00Z'),
          end: new Date('2030-02-03T00:00:00Z'),
          allDay: true,
          location: '',
          url: null,
        },
      ],
    });
    expect(ics).toContain('X-WR-CALNAME:Raum\\; A\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20300201\r\nDTEND;VALUE=DATE:20300203\r\n');
    expect(ics).toContain('SUMMARY:Ä\\, b\\; c lang');
    expect(ics).not.toContain('LOCATION');
    expect(ics).not.toContain('URL:');
    expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

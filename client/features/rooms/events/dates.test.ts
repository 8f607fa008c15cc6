import { describe, expect, it } from 'vitest';
import { eventDay, eventTimesOf, formatDay, formatTimes, formTimesOf, groupByDay } from './dates';

const timed = (id: string, start: string, end: string) => ({ id, start, end, allDay: false });
const allDay = (id: string, start: string, end: string) => ({ id, start, end, allDay: true });
const BERLIN = 'Europe/Berlin';

describe('groupByDay', () => {
  it('groups by the first day in the reader’s time zone, keeping the order', () => {
    const events = [
      // 23:30 UTC on 3 May is 01:30 on 4 May in Berlin.
      timed('a', '2099-05-03T23:30:00.000Z', '2099-05-04T00:30:00.000Z'),
      timed('b', '2099-05-04T08:00:00.000Z', '2099-05-04T09:00:00.000Z'),
      allDay('c', '2099-05-05T00:00:00.000Z', '2099-05-06T00:00:00.000Z'),
      timed('d', '2099-05-05T06:00:00.000Z', '2099-05-05T07:00:00.000Z'),
    ];
    expect(groupByDay(events, BERLIN).map((g) => [g.day, g.events.map((e) => e.id)])).toEqual([
      ['2099-05-04', ['a', 'b']],
      ['2099-05-05', ['c', 'd']],
    ]);
    expect(groupByDay(events, 'UTC').map((g) => g.day)).toEqual([
      '2099-05-03',
      '2099-05-04',
      '2099-05-05',
    ]);
  });

  it('lists all-day events under their UTC day in every time zone', () => {
    const e = allDay('x', '2099-05-05T00:00:00.000Z', '2099-05-06T00:00:00.000Z');
    expect(eventDay(e, 'America/Los_Angeles')).toBe('2099-05-05');
    expect(eventDay(e, 'Pacific/Auckland')).toBe('2099-05-05');
  });
});

describe('formatting', () => {
  it('writes the day with weekday in German and English', () => {
    expect(formatDay('2099-05-04', 'de')).toBe('Montag, 4. Mai 2099');
    expect(formatDay('2099-05-04', 'en')).toMatch(
      /^Monday, (May 4|4 May), 2099$|^Monday, 4 May 2099$/,
    );
  });

  it('writes times in the reader’s zone; all-day: none or the range of days', () => {
    const e = timed('a', '2099-05-04T06:00:00.000Z', '2099-05-04T07:30:00.000Z');
    expect(formatTimes(e, 'de', BERLIN)?.replace(/\s/g, '')).toBe('08:00–09:30Uhr');
    expect(formatTimes(e, 'en-GB', BERLIN)?.replace(/\s/g, '')).toBe('08:00–09:30');
    const long = timed('b', '2099-05-04T06:00:00.000Z', '2099-05-05T07:30:00.000Z');
    expect(formatTimes(long, 'de', BERLIN)).toMatch(/4\. Mai.*08:00.*5\. Mai.*09:30/);
    expect(formatTimes(allDay('c', '2099-05-04T00:00:00Z', '2099-05-05T00:00:00Z'), 'de')).toBe(
      null,
    );
    expect(
      formatTimes(allDay('d', '2099-05-04T00:00:00Z', '2099-05-07T00:00:00Z'), 'de')?.replace(
        /\s/g,
        '',
      ),
    ).toBe('4.–6.Mai');
  });
});

describe('form times', () => {
  it('round-trips timed events through local time', () => {
    const f = {
      date: '2099-05-04',
      startTime: '08:15',
      endTime: '09:45',
      allDay: false,
      endDate: '',
    };
    const times = eventTimesOf(f);
    expect(new Date(times.start).getHours()).toBe(8);
    expect(new Date(times.start).getMinutes()).toBe(15);
    expect(formTimesOf({ ...times })).toMatchObject({
      date: '2099-05-04',
      startTime: '08:15',
      endTime: '09:45',
      allDay: false,
    });
  });

  it('sends all-day events as first and last day; the stored end is exclusive', () => {
    expect(
      eventTimesOf({
        date: '2099-07-01',
        endDate: '2099-07-02',
        allDay: true,
        startTime: '',
        endTime: '',
      }),
    ).toEqual({ start: '2099-07-01T00:00:00Z', end: '2099-07-02T00:00:00Z', allDay: true });
    // A last day before the first falls back to one day.
    expect(
      eventTimesOf({
        date: '2099-07-05',
        endDate: '2099-07-01',
        allDay: true,
        startTime: '',
        endTime: '',
      }).end,
    ).toBe('2099-07-05T00:00:00Z');
    expect(
      formTimesOf({
        start: '2099-07-01T00:00:00.000Z',
        end: '2099-07-03T00:00:00.000Z',
        allDay: true,
      }),
    ).toMatchObject({ date: '2099-07-01', endDate: '2099-07-02', allDay: true });
  });
});

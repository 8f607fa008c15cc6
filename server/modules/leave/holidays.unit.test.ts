import { describe, expect, it } from 'vitest';
import { countDays, splitAt } from '@shared/leave/days';
import { BW_PUBLIC } from '@shared/leave/days.fixtures';
import { holidaysFor, todayInBerlin, yearsOf } from './holidays';

const W5 = new Set([1, 2, 3, 4, 5]);

describe('holidaysFor: Baden-Württemberg', () => {
  it.each(Object.entries(BW_PUBLIC))(
    '%s: the 12 public holidays (Easter-dependent ones included)',
    (year, days) => {
      const map = holidaysFor([Number(year)], { dec24: 'work', dec31: 'work' });
      expect([...map.keys()].sort()).toEqual(days.map((d) => `${year}-${d}`));
      expect([...map.values()].every((d) => d.off === 'full')).toBe(true);
    },
  );

  it('names the days in German', () => {
    const map = holidaysFor([2025], { dec24: 'work', dec31: 'work' });
    expect(map.get('2025-04-18')?.name).toBe('Karfreitag');
    expect(map.get('2025-06-19')?.name).toBe('Fronleichnam');
  });

  it.each([
    ['half', 'afternoon'],
    ['free', 'full'],
  ] as const)('24.12./31.12. as %s', (rule, off) => {
    const map = holidaysFor([2027], { dec24: rule, dec31: 'work' });
    expect(map.get('2027-12-24')).toEqual({ name: 'Heiligabend', off });
    expect(map.has('2027-12-31')).toBe(false);
  });

  it('several years at once', () => {
    const map = holidaysFor([2024, 2025], { dec24: 'half', dec31: 'half' });
    expect(map.size).toBe(28);
  });
});

describe('day cases with the real holiday map', () => {
  it.each([
    { name: 'Easter 2027 (26.3., 29.3.)', from: '2027-03-22', to: '2027-04-02', expected: 8 },
    {
      name: 'Fronleichnam 2027 (27.5.) and Pfingstmontag (17.5.)',
      from: '2027-05-17',
      to: '2027-05-28',
      expected: 8,
    },
    {
      name: 'Christmas 2027 with eves half (24.12. Friday)',
      from: '2027-12-20',
      to: '2027-12-31',
      expected: 9,
    },
    {
      name: 'leap day 2028 over Fasching (no public holiday)',
      from: '2028-02-28',
      to: '2028-03-03',
      expected: 5,
    },
    {
      name: 'May 2028: 1.5. Monday, Himmelfahrt 25.5.',
      from: '2028-05-01',
      to: '2028-05-31',
      expected: 21,
    },
  ])('$name → $expected', ({ from, to, expected }) => {
    const holidays = holidaysFor(yearsOf(from, to), { dec24: 'half', dec31: 'half' });
    expect(countDays({ from, to, halfStart: false, halfEnd: false }, W5, holidays)).toBe(expected);
  });

  it('carry expiry split with Easter 2027 right before the expiry', () => {
    const holidays = holidaysFor([2027], { dec24: 'half', dec31: 'half' });
    const range = { from: '2027-03-22', to: '2027-04-09', halfStart: false, halfEnd: false };
    expect(splitAt(range, '2027-03-31', W5, holidays)).toEqual({ upTo: 6, after: 7 });
  });
});

describe('todayInBerlin', () => {
  it('is the Stuttgart calendar day, also around midnight UTC', () => {
    expect(todayInBerlin(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(todayInBerlin(new Date('2024-07-01T21:59:00Z'))).toBe('2024-07-01');
    expect(todayInBerlin(new Date('2024-07-01T22:00:00Z'))).toBe('2024-07-02');
  });
});

import { describe, expect, it } from 'vitest';
import {
  carryShare,
  countDays,
  daysPerYear,
  fullMonthsEmployed,
  proratedBase,
  roundLeave,
  splitAt,
  type DayOff,
  type DayRange,
} from './days';
import type { EveRule } from './schemas';
import { BW_PUBLIC } from './days.fixtures';

function bw(eves: EveRule = 'half'): Map<string, DayOff> {
  const map = new Map<string, DayOff>();
  for (const [year, days] of Object.entries(BW_PUBLIC)) {
    for (const d of days) map.set(`${year}-${d}`, { name: 'Feiertag', off: 'full' });
    if (eves !== 'work') {
      const off = eves === 'free' ? 'full' : 'afternoon';
      map.set(`${year}-12-24`, { name: 'Heiligabend', off });
      map.set(`${year}-12-31`, { name: 'Silvester', off });
    }
  }
  return map;
}

const W5 = new Set([1, 2, 3, 4, 5]);
const r = (from: string, to: string, halfStart = false, halfEnd = false): DayRange => ({
  from,
  to,
  halfStart,
  halfEnd,
});

interface CountCase {
  name: string;
  range: DayRange;
  workdays?: number[];
  eves?: EveRule;
  expected: number;
}

const countCases: CountCase[] = [
  { name: 'new year 2024 (Neujahr on Monday)', range: r('2024-01-01', '2024-01-05'), expected: 4 },
  {
    name: 'Heilige Drei Könige 2025 (Monday) alone',
    range: r('2025-01-06', '2025-01-06'),
    expected: 0,
  },
  { name: 'plain week', range: r('2024-01-08', '2024-01-12'), expected: 5 },
  {
    name: 'Easter 2024 (Karfreitag 29.3., Ostermontag 1.4.)',
    range: r('2024-03-25', '2024-04-05'),
    expected: 8,
  },
  { name: 'Easter 2025 (18.4., 21.4.)', range: r('2025-04-14', '2025-04-25'), expected: 8 },
  {
    name: 'Pfingstmontag and Fronleichnam 2025',
    range: r('2025-06-09', '2025-06-20'),
    expected: 8,
  },
  { name: 'Christi Himmelfahrt 2024', range: r('2024-05-06', '2024-05-10'), expected: 4 },
  { name: 'Easter 2026 (3.4., 6.4.)', range: r('2026-03-30', '2026-04-10'), expected: 8 },
  { name: 'weekend only', range: r('2024-06-08', '2024-06-09'), expected: 0 },
  {
    name: 'part-time Mon–Wed, two weeks',
    range: r('2024-06-03', '2024-06-14'),
    workdays: [1, 2, 3],
    expected: 6,
  },
  {
    name: 'part-time Mon–Wed over Ostermontag',
    range: r('2024-04-01', '2024-04-05'),
    workdays: [1, 2, 3],
    expected: 2,
  },
  {
    name: 'part-time Thu/Fri over Himmelfahrt',
    range: r('2024-05-06', '2024-05-10'),
    workdays: [4, 5],
    expected: 1,
  },
  {
    name: 'six-day week',
    range: r('2024-06-03', '2024-06-09'),
    workdays: [1, 2, 3, 4, 5, 6],
    expected: 6,
  },
  { name: 'half day at the start', range: r('2024-06-03', '2024-06-07', true), expected: 4.5 },
  { name: 'half day at the end', range: r('2024-06-03', '2024-06-07', false, true), expected: 4.5 },
  { name: 'half days at both ends', range: r('2024-06-03', '2024-06-07', true, true), expected: 4 },
  { name: 'one half day', range: r('2024-06-05', '2024-06-05', true), expected: 0.5 },
  {
    name: 'half start on a Saturday costs nothing extra',
    range: r('2024-06-08', '2024-06-14', true),
    expected: 5,
  },
  {
    name: 'half start on a non-working day of a part-timer',
    range: r('2024-06-06', '2024-06-11', true),
    workdays: [1, 2, 3],
    expected: 2,
  },
  {
    name: 'Christmas week 2024, 24.12. half',
    range: r('2024-12-23', '2024-12-27'),
    eves: 'half',
    expected: 2.5,
  },
  {
    name: 'Christmas week 2024, 24.12. free',
    range: r('2024-12-23', '2024-12-27'),
    eves: 'free',
    expected: 2,
  },
  {
    name: 'Christmas week 2024, 24.12. work',
    range: r('2024-12-23', '2024-12-27'),
    eves: 'work',
    expected: 3,
  },
  {
    name: '24.12. half: only its morning',
    range: r('2024-12-24', '2024-12-24', false, true),
    eves: 'half',
    expected: 0.5,
  },
  {
    name: '24.12. half: only its afternoon is already free',
    range: r('2024-12-24', '2024-12-24', true),
    eves: 'half',
    expected: 0,
  },
  {
    name: '24.12. work: its afternoon',
    range: r('2024-12-24', '2024-12-24', true),
    eves: 'work',
    expected: 0.5,
  },
  {
    name: '24.12. free: whole day',
    range: r('2024-12-24', '2024-12-24'),
    eves: 'free',
    expected: 0,
  },
  {
    name: 'over new year 2024/25, 31.12. half',
    range: r('2024-12-30', '2025-01-03'),
    expected: 3.5,
  },
  {
    name: 'over new year 2025/26 incl. Drei Könige',
    range: r('2025-12-29', '2026-01-09'),
    expected: 7.5,
  },
  { name: 'leap year 2024: week with 29.2.', range: r('2024-02-26', '2024-03-01'), expected: 5 },
  {
    name: 'leap year 2024: 29.2. alone (Thursday)',
    range: r('2024-02-29', '2024-02-29'),
    expected: 1,
  },
  { name: 'leap year 2028: 29.2. is a Tuesday', range: r('2028-02-28', '2028-03-03'), expected: 5 },
  {
    name: 'leap year 2028: Easter (14.4., 17.4.)',
    range: r('2028-04-10', '2028-04-21'),
    expected: 8,
  },
  {
    name: 'whole year 2025, five-day week, eves half',
    range: r('2025-01-01', '2025-12-31'),
    expected: 261 - 11 - 1,
  },
];

describe('countDays: working days a range costs', () => {
  it.each(countCases)('$name → $expected', ({ range, workdays, eves, expected }) => {
    expect(countDays(range, workdays ? new Set(workdays) : W5, bw(eves))).toBe(expected);
  });
});

describe('daysPerYear: a request over new year costs in both years', () => {
  it.each([
    {
      range: r('2024-12-30', '2025-01-03'),
      eves: 'half' as const,
      expected: [
        { year: 2024, days: 1.5 },
        { year: 2025, days: 2 },
      ],
    },
    {
      range: r('2024-12-30', '2025-01-03'),
      eves: 'free' as const,
      expected: [
        { year: 2024, days: 1 },
        { year: 2025, days: 2 },
      ],
    },
    {
      range: r('2025-12-29', '2026-01-09', true),
      eves: 'half' as const,
      expected: [
        { year: 2025, days: 2 },
        { year: 2026, days: 5 },
      ],
    },
  ])('$range.from – $range.to ($eves)', ({ range, eves, expected }) => {
    expect(daysPerYear(range, W5, bw(eves))).toEqual(expected);
  });
});

describe('splitAt: days up to the carry-over expiry and after', () => {
  it.each([
    {
      name: 'expiry on a Monday inside the range',
      range: r('2025-03-24', '2025-04-04'),
      at: '2025-03-31',
      expected: { upTo: 6, after: 4 },
    },
    {
      name: 'expiry on a Sunday, Easter after it',
      range: r('2024-03-25', '2024-04-05'),
      at: '2024-03-31',
      expected: { upTo: 4, after: 4 },
    },
    {
      name: 'range wholly after the expiry',
      range: r('2025-04-01', '2025-04-04'),
      at: '2025-03-31',
      expected: { upTo: 0, after: 4 },
    },
    {
      name: 'half day on the expiry day',
      range: r('2025-03-27', '2025-03-31', false, true),
      at: '2025-03-31',
      expected: { upTo: 2.5, after: 0 },
    },
  ])('$name', ({ range, at, expected }) => {
    expect(splitAt(range, at, W5, bw())).toEqual(expected);
  });
});

describe('carryShare: carried-over days are used first, up to the expiry', () => {
  it.each([
    [6, 4, 4],
    [2, 4, 2],
    [5, 0, 0],
    [0, 3, 0],
    [1.5, 4, 1.5],
    [3, -1, 0],
  ])('upToExpiry %d, unused %d → %d', (upTo, unused, expected) => {
    expect(carryShare(upTo, unused)).toBe(expected);
  });
});

describe('proration and TVöD rounding', () => {
  const base = {
    year: 2025,
    baseDays: 30,
    workdays: [1, 2, 3, 4, 5],
    employedFrom: null,
    employedTo: null,
  };
  it.each([
    { name: 'full year, five-day week', input: base, expected: 30 },
    { name: 'three-day week', input: { ...base, workdays: [1, 2, 3] }, expected: 18 },
    { name: 'four-day week', input: { ...base, workdays: [1, 2, 4, 5] }, expected: 24 },
    { name: 'six-day week', input: { ...base, workdays: [1, 2, 3, 4, 5, 6] }, expected: 36 },
    {
      name: 'joining 15 July: Aug–Dec = 5 months, 12.5 → 13',
      input: { ...base, employedFrom: '2025-07-15' },
      expected: 13,
    },
    {
      name: 'joining 1 July: 6 months',
      input: { ...base, employedFrom: '2025-07-01' },
      expected: 15,
    },
    {
      name: 'leaving 30 September: 9 months, 22.5 → 23',
      input: { ...base, employedTo: '2025-09-30' },
      expected: 23,
    },
    {
      name: 'leaving 29 September: 8 months',
      input: { ...base, employedTo: '2025-09-29' },
      expected: 20,
    },
    {
      name: 'joining 15 July, three-day week: 7.5 → 8',
      input: { ...base, workdays: [1, 2, 3], employedFrom: '2025-07-15' },
      expected: 8,
    },
    {
      name: 'four-day week from 1 Feb: 22',
      input: { ...base, workdays: [1, 2, 3, 4], employedFrom: '2025-02-01' },
      expected: 22,
    },
    {
      name: 'leap year: leaving 29 Feb 2024 keeps February',
      input: { ...base, year: 2024, employedTo: '2024-02-29' },
      expected: 5,
    },
    {
      name: 'leap year: leaving 28 Feb 2024 loses February (2.5 → 3)',
      input: { ...base, year: 2024, employedTo: '2024-02-28' },
      expected: 3,
    },
    { name: 'left before the year', input: { ...base, employedTo: '2024-12-31' }, expected: 0 },
    { name: 'odd base 29, full year', input: { ...base, baseDays: 29 }, expected: 29 },
  ])('$name → $expected', ({ input, expected }) => {
    expect(proratedBase(input)).toBe(expected);
  });

  it.each([
    [12.4, 12],
    [12.5, 13],
    [0.49, 0],
    [7, 7],
    [17.99, 18],
  ])('roundLeave(%d) = %d', (days, expected) => {
    expect(roundLeave(days)).toBe(expected);
  });

  it('full months of employment', () => {
    expect(fullMonthsEmployed(2025, '2025-07-15', null)).toBe(5);
    expect(fullMonthsEmployed(2025, null, '2025-09-30')).toBe(9);
    expect(fullMonthsEmployed(2025, '2025-03-01', '2025-03-31')).toBe(1);
    expect(fullMonthsEmployed(2024, '2024-02-01', '2024-02-29')).toBe(1);
  });
});

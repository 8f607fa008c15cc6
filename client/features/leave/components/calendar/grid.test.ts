import { describe, expect, it } from 'vitest';
import type { TeamCalendarDTO } from '@shared/leave/types';
import type { PersonRef } from '@shared/people/types';
import {
  absenceList,
  buildCalendarGrid,
  isoWeekday,
  partOn,
  shiftMonth,
  touchesMonth,
} from './grid';

const person = (id: string, displayName: string): PersonRef => ({
  id,
  displayName,
  position: null,
  unitId: 'u1',
  initials: displayName.slice(0, 2).toUpperCase(),
  photoUrl: null,
});

/** December 2025: 1st is a Monday; 25./26. holidays; 24./31. half days. */
function december(): TeamCalendarDTO['days'] {
  const out: TeamCalendarDTO['days'] = [];
  for (let d = 1; d <= 31; d += 1) {
    const date = `2025-12-${String(d).padStart(2, '0')}`;
    const wd = isoWeekday(date);
    let kind: TeamCalendarDTO['days'][number]['kind'] = wd >= 6 ? 'weekend' : 'work';
    let name: string | null = null;
    if (d === 25 || d === 26) {
      kind = 'holiday';
      name = d === 25 ? '1. Weihnachtstag' : '2. Weihnachtstag';
    }
    if (d === 24 || d === 31) kind = 'half';
    out.push({ date, kind, name });
  }
  return out;
}

type Abs = TeamCalendarDTO['people'][number]['absences'][number];
const abs = (over: Partial<Abs> & Pick<Abs, 'id' | 'from' | 'to'>): Abs => ({
  halfStart: false,
  halfEnd: false,
  status: 'approved',
  type: null,
  ...over,
});

const cellOf = (grid: ReturnType<typeof buildCalendarGrid>, row: number, day: number) =>
  grid.rows[row]!.cells[day - 1]!;

describe('isoWeekday', () => {
  it('numbers Monday 1 … Sunday 7', () => {
    expect(isoWeekday('2025-12-01')).toBe(1);
    expect(isoWeekday('2025-12-07')).toBe(7);
    expect(isoWeekday('2024-02-29')).toBe(4);
  });
});

describe('partOn', () => {
  const a = { from: '2025-12-03', to: '2025-12-05', halfStart: true, halfEnd: true };
  it('is null outside the range', () => {
    expect(partOn(a, '2025-12-02')).toBeNull();
    expect(partOn(a, '2025-12-06')).toBeNull();
  });
  it('gives the afternoon on a half first day and the morning on a half last day', () => {
    expect(partOn(a, '2025-12-03')).toBe('pm');
    expect(partOn(a, '2025-12-04')).toBe('full');
    expect(partOn(a, '2025-12-05')).toBe('am');
  });
  it('a one-day request with halfEnd is the morning', () => {
    expect(
      partOn(
        { from: '2025-12-03', to: '2025-12-03', halfStart: false, halfEnd: true },
        '2025-12-03',
      ),
    ).toBe('am');
  });
});

describe('buildCalendarGrid', () => {
  it('makes one cell per person and day with the day kinds', () => {
    const grid = buildCalendarGrid({
      days: december(),
      people: [{ person: person('p1', 'Anna'), absences: [] }],
    });
    expect(grid.days).toHaveLength(31);
    expect(grid.rows[0]!.cells).toHaveLength(31);
    expect(grid.days[0]).toMatchObject({ day: 1, weekday: 1, kind: 'work' });
    expect(grid.days[5]!.kind).toBe('weekend');
    expect(grid.days[24]).toMatchObject({ kind: 'holiday', name: '1. Weihnachtstag' });
  });

  it('marks approved and pending days, skipping weekends and holidays', () => {
    const grid = buildCalendarGrid({
      days: december(),
      people: [
        {
          person: person('p1', 'Anna'),
          absences: [
            abs({ id: 'a', from: '2025-12-05', to: '2025-12-09' }),
            abs({ id: 'b', from: '2025-12-22', to: '2025-12-29', status: 'pending' }),
          ],
        },
      ],
    });
    expect(cellOf(grid, 0, 5).entries).toMatchObject([{ id: 'a', mark: 'approved', part: 'full' }]);
    expect(cellOf(grid, 0, 6).entries).toEqual([]); // Saturday
    expect(cellOf(grid, 0, 7).entries).toEqual([]); // Sunday
    expect(cellOf(grid, 0, 8).entries[0]!.id).toBe('a');
    expect(cellOf(grid, 0, 10).entries).toEqual([]);
    expect(cellOf(grid, 0, 22).entries).toMatchObject([{ id: 'b', mark: 'pending' }]);
    expect(cellOf(grid, 0, 24).entries).toMatchObject([{ id: 'b', part: 'full' }]); // half day counts
    expect(cellOf(grid, 0, 25).entries).toEqual([]); // holiday
    expect(cellOf(grid, 0, 26).entries).toEqual([]);
    expect(cellOf(grid, 0, 29).entries[0]!.id).toBe('b');
  });

  it('shows half days as morning or afternoon and keeps both halves of one day', () => {
    const grid = buildCalendarGrid({
      days: december(),
      people: [
        {
          person: person('p1', 'Anna'),
          absences: [
            abs({ id: 'late', from: '2025-12-10', to: '2025-12-12', halfStart: true }),
            abs({
              id: 'early',
              from: '2025-12-08',
              to: '2025-12-10',
              halfEnd: true,
              status: 'pending',
            }),
          ],
        },
      ],
    });
    expect(cellOf(grid, 0, 10).entries.map((e) => [e.id, e.part])).toEqual([
      ['early', 'am'],
      ['late', 'pm'],
    ]);
    expect(cellOf(grid, 0, 12).entries).toMatchObject([{ id: 'late', part: 'full' }]);
  });

  it('draws a pending cancellation as approved and leaves out ended requests', () => {
    const grid = buildCalendarGrid({
      days: december(),
      people: [
        {
          person: person('p1', 'Anna'),
          absences: [
            abs({ id: 'c', from: '2025-12-01', to: '2025-12-01', status: 'cancel_requested' }),
            abs({ id: 'r', from: '2025-12-02', to: '2025-12-02', status: 'rejected' }),
            abs({ id: 'x', from: '2025-12-03', to: '2025-12-03', status: 'cancelled' }),
            abs({ id: 'w', from: '2025-12-04', to: '2025-12-04', status: 'withdrawn' }),
          ],
        },
      ],
    });
    expect(cellOf(grid, 0, 1).entries).toMatchObject([
      { id: 'c', mark: 'approved', status: 'cancel_requested' },
    ]);
    for (const d of [2, 3, 4]) expect(cellOf(grid, 0, d).entries).toEqual([]);
  });

  it('clips absences that run over the month edges and passes the type through', () => {
    const type = {
      id: 't',
      key: 'annual',
      name: { de: 'Erholungsurlaub', en: 'Annual leave' },
      counts: true,
      color: 'blue' as const,
      active: true,
    };
    const grid = buildCalendarGrid({
      days: december(),
      people: [
        {
          person: person('p1', 'Anna'),
          absences: [
            abs({ id: 'n', from: '2025-11-20', to: '2025-12-02', halfEnd: true, type }),
            abs({ id: 'j', from: '2025-12-30', to: '2026-01-09', halfStart: false }),
          ],
        },
      ],
    });
    expect(cellOf(grid, 0, 1).entries).toMatchObject([{ id: 'n', part: 'full', type }]);
    expect(cellOf(grid, 0, 2).entries).toMatchObject([{ id: 'n', part: 'am' }]);
    expect(cellOf(grid, 0, 30).entries).toMatchObject([{ id: 'j', part: 'full', type: null }]);
    expect(cellOf(grid, 0, 31).entries).toMatchObject([{ id: 'j', part: 'full' }]);
  });

  it('sorts people by name', () => {
    const grid = buildCalendarGrid({
      days: december(),
      people: [
        { person: person('p2', 'Zoë'), absences: [] },
        { person: person('p1', 'Ärne'), absences: [] },
        { person: person('p3', 'Bert'), absences: [] },
      ],
    });
    expect(grid.rows.map((r) => r.person.displayName)).toEqual(['Ärne', 'Bert', 'Zoë']);
  });
});

describe('absenceList', () => {
  it('lists shown absences by start, then name, with days when sent', () => {
    const rows = absenceList({
      people: [
        {
          person: person('p2', 'Bert'),
          absences: [
            abs({ id: 'b', from: '2025-12-03', to: '2025-12-04', status: 'pending', days: 2 }),
          ],
        },
        {
          person: person('p1', 'Anna'),
          absences: [
            abs({ id: 'a', from: '2025-12-03', to: '2025-12-03', halfStart: true }),
            abs({ id: 'z', from: '2025-12-01', to: '2025-12-01', status: 'rejected' }),
          ],
        },
      ],
    });
    expect(rows.map((r) => [r.id, r.mark, r.days])).toEqual([
      ['a', 'approved', null],
      ['b', 'pending', 2],
    ]);
  });
});

describe('months', () => {
  it('shifts across years', () => {
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });
  it('knows whether a change touches a month', () => {
    expect(touchesMonth('2025-12', '2025-11-28', '2025-12-01')).toBe(true);
    expect(touchesMonth('2025-12', '2026-01-01', '2026-01-03')).toBe(false);
    expect(touchesMonth('2025-12', '2025-11-01', '2025-11-30')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { TeamCalendarDTO } from '@shared/leave/types';
import { renderWithRouter } from '../../../../test/render';
import { absenceList, buildCalendarGrid, type CalendarTraining } from './grid';
import { CalendarLegend, MonthGrid } from './MonthGrid';
import { AbsenceTable } from './AbsenceTable';

const person = (id: string, displayName: string) => ({
  id,
  displayName,
  position: null,
  unitId: null,
  initials: 'XX',
  photoUrl: null,
});

const training = (over: Partial<CalendarTraining>): CalendarTraining => ({
  registrationId: 'r1',
  courseId: 'c1',
  title: 'Erste Hilfe',
  date: '2026-03-03',
  start: '09:00',
  end: '16:00',
  ...over,
});

/** March 2026 with trainings for Anna (title visible) and Bert (title hidden). */
function calendar(): TeamCalendarDTO {
  const days = Array.from({ length: 31 }, (_, i) => {
    const date = `2026-03-${String(i + 1).padStart(2, '0')}`;
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    return {
      date,
      kind: wd === 0 || wd === 6 ? ('weekend' as const) : ('work' as const),
      name: null,
    };
  });
  const people = [
    {
      person: person('p1', 'Anna Alt'),
      absences: [],
      trainings: [training({})],
    },
    {
      person: person('p2', 'Bert Bau'),
      absences: [
        {
          id: 'l1',
          from: '2026-03-04',
          to: '2026-03-04',
          halfStart: false,
          halfEnd: false,
          status: 'approved' as const,
          type: null,
        },
      ],
      trainings: [training({ registrationId: 'r2', date: '2026-03-04', title: '' })],
    },
  ];
  // `trainings` is the optional field the learning module adds to the calendar's people.
  return { month: '2026-03', unit: { id: 'u', name: 'Amt' }, days, people };
}

describe('training days in the team calendar', () => {
  it('puts them on their day in the grid, none elsewhere', () => {
    const grid = buildCalendarGrid(calendar());
    const anna = grid.rows.find((r) => r.person.id === 'p1')!;
    expect(anna.cells[2]!.trainings?.map((x) => x.title)).toEqual(['Erste Hilfe']);
    expect(anna.cells[3]!.trainings).toBeUndefined();
    const bert = grid.rows.find((r) => r.person.id === 'p2')!;
    expect(bert.cells[3]!.entries).toHaveLength(1);
    expect(bert.cells[3]!.trainings).toHaveLength(1);
  });

  it('names the training (and its title when visible) in the cell', async () => {
    renderWithRouter(<MonthGrid grid={buildCalendarGrid(calendar())} caption="März 2026" />);
    const table = await screen.findByRole('table');
    const anna = within(table).getByRole('row', { name: /Anna Alt/ });
    expect(anna).toHaveTextContent('Training: Erste Hilfe, 09:00–16:00');
    const bert = within(table).getByRole('row', { name: /Bert Bau/ });
    expect(bert).toHaveTextContent('Training, 09:00–16:00');
    expect(bert).not.toHaveTextContent('Erste Hilfe');
    expect(table.querySelectorAll('[data-training="true"]')).toHaveLength(2);
  });

  it('has a legend entry and rows in the table view', async () => {
    renderWithRouter(
      <>
        <CalendarLegend />
        <AbsenceTable rows={absenceList(calendar())} caption="März 2026" />
      </>,
    );
    const legend = await screen.findByRole('list', { name: /legend/i });
    expect(within(legend).getByText('Training')).toBeInTheDocument();
    const rows = screen.getAllByRole('row');
    const annaRow = rows.find((r) => r.textContent?.includes('Anna Alt'))!;
    expect(annaRow).toHaveTextContent('Training');
    expect(annaRow).toHaveTextContent('Erste Hilfe');
    expect(absenceList(calendar()).filter((r) => r.training)).toHaveLength(2);
  });
});

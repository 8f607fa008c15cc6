import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TeamCalendarDTO } from '@shared/leave/types';
import { i18n, renderRoutes } from '../../../test/render';
import { TeamCalendarPage } from './TeamCalendarPage';
import { annualType, personRef } from '../test-data';
import * as api from '../api';

vi.mock('../api', async (orig) => ({
  ...(await orig<typeof api>()),
  getCalendar: vi.fn(),
  getCalendarUnits: vi.fn(),
  getIcsUrl: vi.fn(),
}));
const getCalendar = vi.mocked(api.getCalendar);
const getCalendarUnits = vi.mocked(api.getCalendarUnits);

const UNIT = '64d000000000000000000001';

function february(): TeamCalendarDTO {
  const days: TeamCalendarDTO['days'] = [];
  for (let d = 1; d <= 28; d += 1) {
    const date = `2026-02-${String(d).padStart(2, '0')}`;
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    days.push({ date, kind: wd === 0 || wd === 6 ? 'weekend' : 'work', name: null });
  }
  return {
    month: '2026-02',
    unit: { id: UNIT, name: 'Amt für Digitales' },
    days,
    people: [
      {
        person: personRef('p-a', 'Anna Alt'),
        absences: [
          {
            id: 'r1',
            from: '2026-02-02',
            to: '2026-02-03',
            halfStart: false,
            halfEnd: true,
            status: 'approved',
            type: annualType,
          },
        ],
      },
      {
        person: personRef('p-b', 'Bert Bau'),
        absences: [
          {
            id: 'r2',
            from: '2026-02-04',
            to: '2026-02-04',
            halfStart: false,
            halfEnd: false,
            status: 'pending',
            type: null,
          },
        ],
      },
    ],
  };
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
  getCalendar.mockReset().mockResolvedValue(february());
  getCalendarUnits
    .mockReset()
    .mockResolvedValue([{ id: UNIT, name: 'Amt für Digitales', subtree: false }]);
});

describe('TeamCalendarPage', () => {
  it('shows the month as a table with person row headers and day column headers', async () => {
    renderRoutes([{ path: '/leave/calendar', element: <TeamCalendarPage /> }], {
      path: '/leave/calendar?month=2026-02&view=grid',
    });
    const table = await screen.findByRole(
      'table',
      { name: 'Abwesenheiten Amt für Digitales, Februar 2026' },
      { timeout: 5000 },
    );
    expect(getCalendar).toHaveBeenCalledWith(
      { month: '2026-02', unitId: undefined, subtree: undefined },
      expect.anything(),
    );
    expect(within(table).getByRole('rowheader', { name: 'Anna Alt' })).toBeTruthy();
    expect(within(table).getAllByRole('columnheader')).toHaveLength(29);
    const anna = within(table).getByRole('rowheader', { name: 'Anna Alt' }).closest('tr')!;
    const cells = within(anna).getAllByRole('cell');
    expect(cells[1]!.textContent).toContain('genehmigt, Erholungsurlaub');
    expect(cells[2]!.textContent).toContain('genehmigt, nur vormittags');
    const bert = within(table).getByRole('rowheader', { name: 'Bert Bau' }).closest('tr')!;
    expect(within(bert).getAllByRole('cell')[3]!.textContent).toContain('beantragt');
    expect(within(bert).getAllByRole('cell')[0]!.textContent).toContain('Wochenende');
  });

  it('switches to the table view and to the next month', async () => {
    const user = userEvent.setup();
    renderRoutes([{ path: '/leave/calendar', element: <TeamCalendarPage /> }], {
      path: '/leave/calendar?month=2026-02&view=grid',
    });
    await screen.findByRole('table', {}, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Tabelle' }));
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Person', 'Von', 'Bis', 'Tage/Status', 'Art']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Anna Alt', 'Bert Bau']);
    await user.click(screen.getByRole('button', { name: 'Nächster Monat' }));
    expect(getCalendar).toHaveBeenLastCalledWith(
      { month: '2026-03', unitId: undefined, subtree: undefined },
      expect.anything(),
    );
  });
});

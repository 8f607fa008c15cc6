import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LeaveEntitlementRowDTO } from '@shared/leave/types';
import { ApiError } from '../../../lib/api';
import { i18n, renderRoutes, testMe, testQueryClient } from '../../../test/render';
import { HrPage } from './HrPage';
import { leaveBalance, personRef } from '../test-data';
import * as hrApi from '../hr-api';
import * as api from '../api';

vi.mock('../hr-api', async (orig) => ({
  ...(await orig<typeof hrApi>()),
  listEntitlements: vi.fn(),
  putEntitlement: vi.fn(),
}));
vi.mock('../api', async (orig) => ({
  ...(await orig<typeof api>()),
  getPersonBalance: vi.fn(),
}));
const listEntitlements = vi.mocked(hrApi.listEntitlements);
const putEntitlement = vi.mocked(hrApi.putEntitlement);
const getPersonBalance = vi.mocked(api.getPersonBalance);

const P = '64b000000000000000000005';
const row = (over: Partial<LeaveEntitlementRowDTO> = {}): LeaveEntitlementRowDTO => ({
  ...leaveBalance({
    personId: P,
    year: 2026,
    rev: 3,
    baseDays: 30,
    workdays: [1, 2, 3, 4, 5],
    entitlement: 30,
  }),
  person: personRef(P, 'Paula Teil'),
  abilities: { editEntitlement: true },
  ...over,
});

const hr = () =>
  testQueryClient(testMe({ roles: ['hr'], abilities: { ...testMe().abilities, manageHr: true } }));

beforeEach(async () => {
  await i18n.changeLanguage('de');
  listEntitlements.mockReset().mockResolvedValue({ data: [row()], nextCursor: null });
  putEntitlement.mockReset();
  getPersonBalance.mockReset();
});

describe('HrPage', () => {
  it('refuses people without the HR role', async () => {
    renderRoutes([{ path: '/leave/hr', element: <HrPage /> }], { path: '/leave/hr' });
    expect(
      await screen.findByText(
        'Diese Seite ist dem Personalamt vorbehalten.',
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(listEntitlements).not.toHaveBeenCalled();
  });

  it('edits an entitlement: part-time weekdays are sent, a stale copy offers a reload', async () => {
    const user = userEvent.setup();
    putEntitlement.mockRejectedValueOnce(new ApiError(409, 'conflict', 'stale'));
    getPersonBalance.mockResolvedValue(row({ rev: 4, entitlement: 24, workdays: [1, 2, 3, 4] }));
    renderRoutes([{ path: '/leave/hr', element: <HrPage /> }], { path: '/leave/hr', qc: hr() });
    await screen.findByRole('tab', { name: 'Ansprüche', selected: true }, { timeout: 5000 });
    const table = await screen.findByRole('table', { name: /Urlaubsansprüche/ });
    await user.click(
      within(table).getByRole('button', { name: 'Anspruch von Paula Teil bearbeiten' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Berechneter Anspruch: 30 Tage')).toBeTruthy();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Fr' }));
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(() =>
      expect(putEntitlement).toHaveBeenCalledWith(
        P,
        2026,
        expect.objectContaining({ workdays: [1, 2, 3, 4], rev: 3, baseDays: 30 }),
      ),
    );
    await user.click(await within(dialog).findByRole('button', { name: 'Aktuellen Stand laden' }));
    expect(await within(dialog).findByText('Berechneter Anspruch: 24 Tage')).toBeTruthy();
    expect(getPersonBalance).toHaveBeenCalledWith(P, 2026, expect.anything());
  }, 20_000);
});

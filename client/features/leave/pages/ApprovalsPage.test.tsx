import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LeaveInboxDTO } from '@shared/leave/types';
import { i18n, renderRoutes } from '../../../test/render';
import { ApprovalsPage } from './ApprovalsPage';
import { OTHER, leaveDetail, leaveRequest, personRef } from '../test-data';
import * as api from '../api';

vi.mock('../api', async (orig) => ({
  ...(await orig<typeof api>()),
  getInbox: vi.fn(),
  decideMany: vi.fn(),
  decideRequest: vi.fn(),
  getPersonBalance: vi.fn(),
}));
const getInbox = vi.mocked(api.getInbox);
const decideMany = vi.mocked(api.decideMany);
const decideRequest = vi.mocked(api.decideRequest);
const getPersonBalance = vi.mocked(api.getPersonBalance);

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const decidable = { edit: false, withdraw: false, cancel: false, shorten: false, decide: true };

const inbox = (): LeaveInboxDTO => ({
  count: 2,
  requests: [
    leaveRequest({ id: A, person: personRef('p-a', 'Anna Alt'), abilities: decidable }),
    leaveRequest({
      id: B,
      person: personRef('p-b', 'Bert Bau'),
      from: '2026-08-03',
      to: '2026-08-03',
      halfEnd: true,
      days: 0.5,
      escalatedAt: '2026-03-09T00:00:00.000Z',
      abilities: decidable,
    }),
  ],
  extras: {
    [A]: {
      availableAfter: 20,
      conflicts: [
        {
          person: personRef('p-c', 'Clara Chor'),
          from: '2026-07-07',
          to: '2026-07-08',
          status: 'approved',
        },
      ],
      onBehalfOf: personRef(OTHER, 'Max Manager'),
    },
    [B]: { availableAfter: -1, conflicts: [], onBehalfOf: null },
  },
});

async function renderPage() {
  const out = renderRoutes([{ path: '/leave/approvals', element: <ApprovalsPage /> }], {
    path: '/leave/approvals',
  });
  await screen.findByText('Anna Alt', {}, { timeout: 5000 });
  return out;
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
  getInbox.mockReset().mockResolvedValue(inbox());
  decideMany.mockReset();
  decideRequest.mockReset();
  getPersonBalance.mockReset();
});

describe('ApprovalsPage', () => {
  it('shows what a decider needs beside each request', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 2, name: '2 offene Anträge' })).toBeTruthy();
    expect(screen.getByText('In Vertretung für Max Manager')).toBeTruthy();
    expect(screen.getByText(/Clara Chor/)).toBeTruthy();
    expect(screen.getByText('Eskaliert')).toBeTruthy();
    expect(screen.getByText('20 Tage')).toBeTruthy();
    expect(screen.getByText('03.08.2026 (nur vormittags)')).toBeTruthy();
    // The extras were there: no balance was asked for separately.
    expect(getPersonBalance).not.toHaveBeenCalled();
  });

  it('approves all selected and reports the row that failed, keeping it selected', async () => {
    const user = userEvent.setup();
    decideMany.mockResolvedValue([
      {
        id: A,
        ok: true,
        request: leaveRequest({
          id: A,
          status: 'approved',
          abilities: { ...decidable, decide: false },
        }),
      },
      { id: B, ok: false, code: 'insufficient_balance' },
    ]);
    await renderPage();
    await user.click(screen.getByRole('checkbox', { name: /Alle 2 Anträge auswählen/ }));
    expect(screen.getByText('2 ausgewählt')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '2 ausgewählte genehmigen' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Genehmigen' }));
    await waitFor(() =>
      expect(decideMany).toHaveBeenCalledWith({ ids: [A, B], decision: 'approve', comment: '' }),
    );

    const results = await screen.findByRole('region', { name: 'Ergebnis der Sammelentscheidung' });
    expect(within(results).getByText('1 entschieden, 1 nicht möglich.')).toBeTruthy();
    expect(
      within(results).getByText('Bert Bau: Dafür reicht Ihr Urlaubsanspruch nicht aus.'),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Anna Alt')).toBeNull());
    expect(
      screen.getByText('Nicht entschieden: Dafür reicht Ihr Urlaubsanspruch nicht aus.'),
    ).toBeTruthy();
    expect(screen.getByText('1 ausgewählt')).toBeTruthy();
    expect(document.activeElement).toBe(results);
  });

  it('asks for a reason before rejecting', async () => {
    const user = userEvent.setup();
    decideRequest.mockResolvedValue(leaveDetail({ id: A, status: 'rejected' }));
    await renderPage();
    await user.click(screen.getByRole('button', { name: /^Ablehnen: Anna Alt/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Ablehnen' }));
    expect(within(dialog).getByText('Bitte geben Sie eine Begründung an.')).toBeTruthy();
    expect(decideRequest).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText(/Begründung/), 'Urlaubssperre');
    await user.click(within(dialog).getByRole('button', { name: 'Ablehnen' }));
    await waitFor(() =>
      expect(decideRequest).toHaveBeenCalledWith(A, {
        decision: 'reject',
        comment: 'Urlaubssperre',
      }),
    );
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LeavePreviewDTO } from '@shared/leave/types';
import { ApiError } from '../../../lib/api';
import { i18n, renderRoutes } from '../../../test/render';
import { LeaveRequestForm, previewParams } from './LeaveRequestForm';
import { ME, annualType, leaveDetail, personRef } from '../test-data';
import * as api from '../api';

vi.mock('../api', async (orig) => ({
  ...(await orig<typeof api>()),
  getPreview: vi.fn(),
  createRequest: vi.fn(),
}));
const getPreview = vi.mocked(api.getPreview);
const createRequest = vi.mocked(api.createRequest);

const preview = (over: Partial<LeavePreviewDTO> = {}): LeavePreviewDTO => ({
  days: 4,
  perYear: [{ year: 2026, days: 4, fromCarryOver: 0 }],
  availableAfter: 25,
  holidays: [],
  conflicts: [],
  approver: personRef('64b000000000000000000009', 'Max Manager'),
  problems: [],
  ...over,
});

async function renderForm() {
  const out = renderRoutes(
    [
      {
        path: '/leave/new',
        element: (
          <LeaveRequestForm
            types={[annualType]}
            myId={ME}
            newId="22222222-2222-4222-8222-222222222222"
          />
        ),
      },
      { path: '/leave/requests/:id', element: <p>detail page</p> },
    ],
    { path: '/leave/new' },
  );
  await screen.findByLabelText('Erster Tag', {}, { timeout: 5000 });
  return out;
}

const setDates = (from: string, to: string) => {
  fireEvent.change(screen.getByLabelText('Erster Tag'), { target: { value: from } });
  fireEvent.change(screen.getByLabelText('Letzter Tag'), { target: { value: to } });
};

beforeEach(async () => {
  await i18n.changeLanguage('de');
  getPreview.mockReset();
  createRequest.mockReset();
});

describe('previewParams', () => {
  const base = {
    typeId: annualType.id,
    from: '2026-07-06',
    to: '2026-07-06',
    halfStart: false,
    halfEnd: false,
  };
  it('is null while the form is incomplete or the range is reversed', () => {
    expect(previewParams({ ...base, from: '' })).toBeNull();
    expect(previewParams({ ...base, typeId: '' })).toBeNull();
    expect(previewParams({ ...base, to: '2026-07-05' })).toBeNull();
  });
  it('takes only one half of a single day', () => {
    expect(previewParams({ ...base, halfStart: true, halfEnd: true })).toMatchObject({
      halfStart: true,
      halfEnd: false,
    });
  });
});

describe('LeaveRequestForm', () => {
  it('asks for a preview once the range is complete and shows cost, balance after and conflicts', async () => {
    getPreview.mockResolvedValue(
      preview({
        holidays: [{ date: '2026-07-07', name: 'Testfeiertag' }],
        conflicts: [
          {
            person: personRef('64b000000000000000000003', 'Kai Kollege'),
            from: '2026-07-06',
            to: '2026-07-08',
            status: 'approved',
          },
        ],
      }),
    );
    await renderForm();
    expect(screen.getByText('Wählen Sie Art und Zeitraum, um die Vorschau zu sehen.')).toBeTruthy();
    setDates('2026-07-06', '2026-07-10');
    expect(await screen.findByText('Kostet 4 Arbeitstage', {}, { timeout: 5000 })).toBeTruthy();
    expect(getPreview).toHaveBeenCalledWith(
      expect.objectContaining({
        typeId: annualType.id,
        from: '2026-07-06',
        to: '2026-07-10',
        halfStart: false,
      }),
      expect.anything(),
    );
    expect(screen.getByText('Danach verfügbar: 25')).toBeTruthy();
    expect(screen.getByText(/Testfeiertag/)).toBeTruthy();
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('1 Kollegin oder Kollege');
    expect(status.textContent).toContain('Kai Kollege');
    expect(screen.getByText('Entscheidet: Max Manager')).toBeTruthy();
  });

  it('shows the preview problems translated', async () => {
    getPreview.mockResolvedValue(
      preview({ availableAfter: -2, problems: ['insufficient_balance'] }),
    );
    await renderForm();
    setDates('2026-07-06', '2026-07-10');
    expect(
      await screen.findByText('Dafür reicht Ihr Urlaubsanspruch nicht aus.', {}, { timeout: 5000 }),
    ).toBeTruthy();
  });

  it('refuses to submit without dates and does not call the API', async () => {
    await renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Antrag stellen' }));
    expect(screen.getAllByText('Bitte ausfüllen.').length).toBe(2);
    expect(screen.getByLabelText('Erster Tag').getAttribute('aria-invalid')).toBe('true');
    expect(createRequest).not.toHaveBeenCalled();
  });

  it('shows an API error translated and retries with the same id, then opens the request', async () => {
    getPreview.mockResolvedValue(preview());
    createRequest
      .mockRejectedValueOnce(new ApiError(409, 'insufficient_balance', 'no'))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(leaveDetail({ id: '22222222-2222-4222-8222-222222222222' }));
    const { router } = await renderForm();
    setDates('2026-07-06', '2026-07-10');
    const submit = screen.getByRole('button', { name: 'Antrag stellen' });
    await userEvent.click(submit);
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain(
      'Dafür reicht Ihr Urlaubsanspruch nicht aus.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Antrag stellen' }));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain(
      'Keine Verbindung',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Antrag stellen' }));
    await waitFor(
      () =>
        expect(router.state.location.pathname).toBe(
          '/leave/requests/22222222-2222-4222-8222-222222222222',
        ),
      { timeout: 5000 },
    );
    expect(createRequest).toHaveBeenCalledTimes(3);
    const ids = createRequest.mock.calls.map(([input]) => input.id);
    expect(new Set(ids)).toEqual(new Set(['22222222-2222-4222-8222-222222222222']));
    expect(createRequest.mock.calls[0]?.[0]).toMatchObject({
      typeId: annualType.id,
      from: '2026-07-06',
      to: '2026-07-10',
      halfStart: false,
      halfEnd: false,
      deputyId: null,
    });
  });

  it('generates one id per form when none is given', async () => {
    getPreview.mockResolvedValue(preview());
    createRequest.mockRejectedValue(new TypeError('Failed to fetch'));
    renderRoutes(
      [{ path: '/leave/new', element: <LeaveRequestForm types={[annualType]} myId={ME} /> }],
      { path: '/leave/new' },
    );
    await screen.findByLabelText('Erster Tag', {}, { timeout: 5000 });
    setDates('2026-07-06', '2026-07-06');
    await userEvent.click(screen.getByRole('button', { name: 'Antrag stellen' }));
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: 'Antrag stellen' }));
    await waitFor(() => expect(createRequest).toHaveBeenCalledTimes(2));
    const [a, b] = createRequest.mock.calls.map(([input]) => input.id);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
  });
});

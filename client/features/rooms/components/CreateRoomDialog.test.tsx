import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n, renderRoutes, testMe, testQueryClient } from '../../../test/render';
import { apiError, fakeFetch, rid, room } from '../test-data';
import { CreateRoomDialog } from './CreateRoomDialog';

const id = rid(7);

function setup(mode: 'create' | 'request', answers: Record<string, unknown>) {
  const fake = fakeFetch(answers);
  vi.stubGlobal('fetch', vi.fn(fake.fn));
  const utils = renderRoutes(
    [
      { path: '/rooms', element: <CreateRoomDialog mode={mode} isOpen onOpenChange={() => {}} /> },
      { path: '/rooms/requests', element: <p>REQUESTS</p> },
      { path: '/rooms/:roomId', element: <p>ROOM-PAGE</p> },
    ],
    { path: '/rooms', qc: testQueryClient(testMe()) },
  );
  return { ...utils, fake };
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('CreateRoomDialog', () => {
  it('lists each template with its modules and presets the visibility from the template', async () => {
    setup('create', {});
    const user = userEvent.setup();
    expect(await screen.findByRole('radio', { name: /Community of Practice/ })).toBeVisible();
    expect(screen.getByText('Bausteine: Beiträge, Chat, Wiki, Dateien, Termine')).toBeVisible();
    expect(screen.getByRole('radio', { name: /^Geschlossen/ })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: /Community of Practice/ }));
    expect(screen.getByRole('radio', { name: /^Offen/ })).toBeChecked();
  });

  it('keeps one client id across retries, so a repeated submit cannot create two rooms', async () => {
    let attempt = 0;
    const { fake, router } = setup('create', {
      'POST /api/rooms': () =>
        ++attempt === 1
          ? apiError(503, 'service_unavailable')()
          : Response.json({ data: room({ id, name: 'Neue Akte' }) }),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Name/ }), 'Neue Akte');
    await user.click(screen.getByRole('button', { name: 'Raum anlegen' }));
    expect(await screen.findByRole('alert')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Raum anlegen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/rooms/${id}`));
    const posts = fake.calls.filter((c) => c.method === 'POST' && c.path === '/api/rooms');
    expect(posts).toHaveLength(2);
    const [first, second] = posts.map((p) => p.body as { clientId: string; name: string });
    expect(first?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.clientId).toBe(first?.clientId);
    expect(first).toMatchObject({
      name: 'Neue Akte',
      template: 'project',
      visibility: 'closed',
      reviewBy: null,
    });
  });

  it('asks for a reason in request mode and sends it to /api/room-requests', async () => {
    const { fake, router } = setup('request', { 'POST /api/room-requests': { id: 'r1' } });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Name/ }), 'Lernraum KI');
    const send = screen.getByRole('button', { name: 'Anfrage senden' });
    expect(send).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Begründung' }), 'Austausch im Amt');
    await user.click(send);
    await waitFor(() => expect(router.state.location.pathname).toBe('/rooms/requests'));
    expect(fake.calls.find((c) => c.path === '/api/room-requests')?.body).toMatchObject({
      name: 'Lernraum KI',
      reason: 'Austausch im Amt',
    });
  });
});

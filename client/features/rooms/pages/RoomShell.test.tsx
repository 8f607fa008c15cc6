import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { i18n, renderRoutes, testMe, testQueryClient } from '../../../test/render';
import { roomKeys } from '../keys';
import { clearRoomAccessLost, onRoomAccessLost } from '../realtime';
import { apiError, fakeFetch, noAbilities, ownerAbilities, rid, room } from '../test-data';
import type { RoomDTO } from '@shared/rooms/types';
import { RoomShell } from './RoomShell';

const id = rid(1);

function setup(data: RoomDTO | null, answers: Record<string, unknown> = {}) {
  const qc = testQueryClient(testMe());
  if (data) qc.setQueryData(roomKeys.detail(id), data);
  const fake = fakeFetch(answers);
  vi.stubGlobal('fetch', vi.fn(fake.fn));
  const utils = renderRoutes(
    [
      {
        path: '/rooms/:roomId',
        element: <RoomShell />,
        children: [
          { index: true, element: <p>FEED-TAB</p> },
          { path: 'members', element: <p>MEMBERS-TAB</p> },
        ],
      },
      { path: '/rooms', element: <p>ROOM-LIST</p> },
    ],
    { path: `/rooms/${id}`, qc },
  );
  return { ...utils, fake };
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
  clearRoomAccessLost(id);
});
afterEach(() => vi.unstubAllGlobals());

describe('RoomShell', () => {
  it('shows members the tabs of enabled modules as links, marks the current one and the room seen', async () => {
    const { fake } = setup(
      room({
        modules: { feed: true, chat: true, wiki: false, files: true, events: true, tasks: false },
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Digitale Akte' })).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Bereiche des Raums' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Beiträge',
      'Chat',
      'Dateien',
      'Termine',
      'Mitglieder',
    ]);
    expect(within(nav).getByRole('link', { name: 'Beiträge' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Mitglieder' })).not.toHaveAttribute(
      'aria-current',
    );
    expect(screen.getByText('FEED-TAB')).toBeInTheDocument();
    expect(screen.getByText('Meine Rolle: Mitglied')).toBeInTheDocument();
    await waitFor(() =>
      expect(fake.calls).toContainEqual(
        expect.objectContaining({ method: 'POST', path: `/api/rooms/${id}/seen` }),
      ),
    );
  });

  it('non-members of a closed room see the description and the join request, no content', async () => {
    const { fake } = setup(
      room({ myRole: null, abilities: { ...noAbilities, requestJoin: true } }),
    );
    expect(await screen.findByRole('button', { name: 'Beitritt anfragen' })).toBeVisible();
    expect(screen.getByText('Einführung der E-Akte in allen Ämtern.')).toBeVisible();
    expect(screen.getByText('Die Inhalte dieses Raums sehen nur Mitglieder.')).toBeVisible();
    expect(screen.queryByRole('navigation', { name: 'Bereiche des Raums' })).toBeNull();
    expect(screen.queryByText('FEED-TAB')).toBeNull();
    expect(fake.calls.some((c) => c.path.endsWith('/seen'))).toBe(false);
  });

  it('says "Raum nicht gefunden" on a 404', async () => {
    setup(null, { [`GET /api/rooms/${id}`]: apiError(404, 'not_found') });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Raum nicht gefunden' }),
    ).toBeVisible();
  });

  it('turns into "Kein Zugriff mehr" at once when the socket says access is lost', async () => {
    const { qc } = setup(room(), {
      [`GET /api/rooms/${id}`]: apiError(404, 'not_found'),
    });
    expect(await screen.findByText('FEED-TAB')).toBeInTheDocument();
    act(() => onRoomAccessLost(qc, { roomId: id }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff mehr' }),
    ).toBeVisible();
    expect(screen.queryByText('FEED-TAB')).toBeNull();
    expect(screen.queryByText('Digitale Akte')).toBeNull();
  });

  it('owners see the archived banner with restore, and the review-due banner when it applies', async () => {
    setup(
      room({
        myRole: 'owner',
        archived: true,
        abilities: { ...noAbilities, read: true, leave: true, restore: true },
      }),
    );
    expect(await screen.findByText('Archiviert – nur lesen')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Wiederherstellen' })).toBeVisible();
  });

  it('asks owners to archive or extend once the end date has passed', async () => {
    setup(
      room({
        myRole: 'owner',
        reviewDue: true,
        reviewBy: '2026-01-31',
        abilities: ownerAbilities,
      }),
    );
    expect(await screen.findByText('Enddatum erreicht: archivieren oder verlängern')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Archivieren' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Enddatum verlängern' })).toHaveAttribute(
      'href',
      `/rooms/${id}/settings`,
    );
    // Owners also get the settings tab.
    expect(screen.getByRole('link', { name: 'Einstellungen' })).toBeVisible();
  });
});

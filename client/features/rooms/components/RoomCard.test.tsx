import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { i18n, renderWithRouter } from '../../../test/render';
import { rid, summary } from '../test-data';
import { RoomsWidget } from '../RoomsWidget';
import { inviteResultText } from './InviteDialog';
import { RoomCard } from './RoomCard';

beforeEach(async () => {
  await i18n.changeLanguage('de');
});

describe('RoomCard', () => {
  it('names the room as a link, says unread activity in words and marks archived rooms', async () => {
    renderWithRouter(
      <RoomCard room={summary({ unread: 3, archived: true, visibility: 'open' })} />,
    );
    const card = await screen.findByRole('article', { name: 'Digitale Akte' });
    expect(within(card).getByRole('link', { name: 'Digitale Akte' })).toHaveAttribute(
      'href',
      `/rooms/${rid(1)}`,
    );
    // "3 neu" is for the eye; screen readers get the full sentence.
    expect(within(card).getByText('3 neu')).toHaveAttribute('aria-hidden', 'true');
    expect(within(card).getByText('3 neue Aktivitäten')).toHaveClass('visually-hidden');
    expect(within(card).getByText('Archiviert')).toBeVisible();
    expect(within(card).getByText('Offen')).toBeVisible();
    expect(within(card).getByText('12 Mitglieder')).toBeVisible();
  });

  it('shows no badge without unread activity, and "Anfrage gestellt" while a request waits', async () => {
    renderWithRouter(
      <RoomCard room={summary({ unread: 0, requestPending: true, myRole: null })} />,
    );
    const card = await screen.findByRole('article', { name: 'Digitale Akte' });
    expect(within(card).queryByText(/neu/)).toBeNull();
    expect(within(card).getByText('Anfrage gestellt')).toBeVisible();
  });
});

describe('RoomsWidget', () => {
  it('lists my rooms with unread counts, waiting join requests and the rest as a number', async () => {
    renderWithRouter(
      <RoomsWidget
        data={{
          rooms: [
            {
              id: rid(1),
              name: 'Digitale Akte',
              imageUrl: null,
              unread: 2,
              lastActivityAt: null,
              archived: false,
            },
            {
              id: rid(2),
              name: 'KI-Werkstatt',
              imageUrl: null,
              unread: 0,
              lastActivityAt: null,
              archived: false,
            },
          ],
          total: 5,
          pendingRequests: 1,
        }}
      />,
    );
    expect(
      await screen.findByRole('link', { name: /Digitale Akte.*2 neue Aktivitäten/ }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'KI-Werkstatt' })).toBeVisible();
    expect(screen.getByText('und 3 weitere Räume')).toBeVisible();
    expect(screen.getByRole('link', { name: '1 Beitrittsanfrage wartet auf Sie' })).toBeVisible();
  });
});

describe('inviteResultText', () => {
  it('says how many were added and how many were already members', () => {
    const t = i18n.getFixedT('de', 'rooms');
    expect(inviteResultText(t, { added: 12, alreadyMembers: 3, skipped: 0 })).toBe(
      '12 Personen hinzugefügt, 3 waren schon Mitglied',
    );
    expect(inviteResultText(t, { added: 1, alreadyMembers: 0, skipped: 2 })).toBe(
      '1 Person hinzugefügt, 2 inaktive Personen übersprungen',
    );
  });
});

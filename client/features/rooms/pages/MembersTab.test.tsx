import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JoinRequestDTO, RoomMemberDTO } from '@shared/rooms/types';
import type { PersonRef } from '@shared/people/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { fakeFetch, memberAbilities, ownerAbilities, rid, room } from '../test-data';
import MembersTab from './MembersTab';

const id = rid(4);
const person = (n: number, displayName: string): PersonRef => ({
  id: `64b0000000000000000000${String(n).padStart(2, '0')}`,
  displayName,
  position: null,
  unitId: null,
  initials: displayName.slice(0, 2),
  photoUrl: null,
});
const anna = person(11, 'Anna Beispiel');
const ben = person(12, 'Ben Muster');
const member = (p: PersonRef, manage: boolean): RoomMemberDTO => ({
  person: p,
  role: 'member',
  joinedAt: '2026-02-01T10:00:00.000Z',
  abilities: { remove: manage, changeRole: manage },
});
const request: JoinRequestDTO = {
  id: 'jr1',
  roomId: id,
  person: ben,
  message: 'Ich arbeite am Projekt mit.',
  status: 'pending',
  createdAt: '2026-02-02T10:00:00.000Z',
  decidedBy: null,
  reason: '',
};

function setup(manage: boolean) {
  const fake = fakeFetch({
    [`GET /api/rooms/${id}/members`]: () =>
      Response.json({ data: [member(anna, manage)], nextCursor: null }),
    [`GET /api/rooms/${id}/join-requests`]: [request],
  });
  vi.stubGlobal('fetch', vi.fn(fake.fn));
  const r = manage
    ? room({ id, myRole: 'owner', abilities: ownerAbilities })
    : room({ id, abilities: memberAbilities });
  renderWithRouter(<MembersTab room={r} />, { qc: testQueryClient(testMe()) });
  return fake;
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('MembersTab', () => {
  it('members see the list with roles, no management controls and no join requests', async () => {
    const fake = setup(false);
    expect(await screen.findByText('Anna Beispiel')).toBeVisible();
    expect(screen.getByText('Mitglied')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Mitglieder einladen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Anna Beispiel entfernen' })).toBeNull();
    expect(fake.calls.some((c) => c.path.endsWith('/join-requests'))).toBe(false);
  });

  it('managers decide join requests, and removing asks first', async () => {
    const fake = setup(true);
    const requests = await screen.findByRole('region', { name: 'Beitrittsanfragen' });
    expect(within(requests).getByText('Ich arbeite am Projekt mit.')).toBeVisible();
    const user = userEvent.setup();
    await user.click(
      within(requests).getByRole('button', { name: 'Anfrage von Ben Muster annehmen' }),
    );
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'POST',
        path: `/api/rooms/${id}/join-requests/jr1/decision`,
        body: { decision: 'approve', reason: '' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Anna Beispiel entfernen' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Mitglied entfernen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Entfernen' }));
    await waitFor(() =>
      expect(fake.calls).toContainEqual(
        expect.objectContaining({ method: 'DELETE', path: `/api/rooms/${id}/members/${anna.id}` }),
      ),
    );
  });
});

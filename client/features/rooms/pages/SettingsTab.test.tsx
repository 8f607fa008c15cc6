import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { roomKeys } from '../keys';
import { apiError, fakeFetch, memberAbilities, ownerAbilities, rid, room } from '../test-data';
import SettingsTab, { changesOf } from './SettingsTab';

const id = rid(3);
const owned = room({ id, myRole: 'owner', abilities: ownerAbilities });

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('changesOf', () => {
  it('sends only changed fields the viewer may change, with the revision', () => {
    const draft = {
      name: 'Neu',
      description: owned.description,
      visibility: 'open' as const,
      modules: { ...owned.modules, tasks: false },
      reviewBy: '2026-12-31',
    };
    expect(changesOf(owned, draft, 3)).toEqual({
      rev: 3,
      name: 'Neu',
      visibility: 'open',
      modules: { ...owned.modules, tasks: false },
      reviewBy: '2026-12-31',
    });
    // A moderator (update, not administer) never sends visibility, modules or dates.
    const moderated = room({ abilities: { ...memberAbilities, update: true } });
    expect(changesOf(moderated, draft, 3)).toEqual({ rev: 3, name: 'Neu' });
  });
});

describe('SettingsTab', () => {
  it('on 409 stale_copy says someone else changed the room and reloads the fresh copy', async () => {
    const fresh = room({ ...owned, name: 'Von anderer Seite', rev: 4 });
    let patches = 0;
    const fake = fakeFetch({
      [`PATCH /api/rooms/${id}`]: () =>
        ++patches === 1 ? apiError(409, 'stale_copy')() : Response.json({ data: fresh }),
      [`GET /api/rooms/${id}`]: fresh,
    });
    vi.stubGlobal('fetch', vi.fn(fake.fn));
    const qc = testQueryClient(testMe());
    qc.setQueryData(roomKeys.detail(id), owned);
    renderWithRouter(<SettingsTab room={owned} />, { qc });
    const user = userEvent.setup();
    const name = await screen.findByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'Mein Name');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(
      await screen.findByText(/Jemand anderes hat den Raum inzwischen geändert/),
    ).toBeVisible();
    expect(fake.calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      rev: 3,
      name: 'Mein Name',
    });
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Neu laden' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /Name/ })).toHaveValue('Von anderer Seite'),
    );
    expect(screen.queryByText(/Jemand anderes/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeEnabled();
  });

  it('shows visibility and modules only to owners; archive asks first', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeFetch({}).fn));
    renderWithRouter(<SettingsTab room={owned} />, { qc: testQueryClient(testMe()) });
    const user = userEvent.setup();
    expect(await screen.findByRole('group', { name: 'Bausteine' })).toBeVisible();
    expect(screen.getByRole('radio', { name: /^Geheim/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Archivieren' }));
    expect(
      await screen.findByRole('alertdialog', { name: 'Raum Digitale Akte archivieren?' }),
    ).toBeVisible();
  });
});

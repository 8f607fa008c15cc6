import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { wikiKeys } from '../keys';
import { ben, comment, fakeFetch, pid } from '../test-data';
import { Comments } from './Comments';

const page = pid(2);
const base = `/api/wiki/pages/${page}/comments`;
const c1 = '10000000-0000-4000-8000-000000000001';
const c2 = '10000000-0000-4000-8000-000000000002';
const c3 = '10000000-0000-4000-8000-000000000003';

function setup(list = defaultList(), canComment = true) {
  const qc = testQueryClient(testMe());
  qc.setQueryData(wikiKeys.comments(page), list);
  const fake = fakeFetch({ [`GET ${base}`]: list });
  vi.stubGlobal('fetch', vi.fn(fake.fn));
  renderWithRouter(<Comments pageId={page} canComment={canComment} />, { qc });
  return fake;
}

function defaultList() {
  return [
    comment({
      id: c1,
      body: '<img src=x onerror="window.__pwned=1"> Bitte prüfen',
      abilities: { edit: true, resolve: true, delete: true, reply: true },
    }),
    comment({ id: c2, parentId: c1, author: ben, body: 'Erledige ich' }),
    comment({
      id: c3,
      body: 'Alt',
      resolved: true,
      resolvedBy: ben,
      abilities: { edit: false, resolve: true, delete: false, reply: true },
    }),
  ];
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('Comments', () => {
  it('renders bodies as plain text, replies one level under their comment, resolved ones folded', async () => {
    setup();
    expect(
      await screen.findByRole('heading', { name: 'Kommentare (1 offen)' }),
    ).toBeInTheDocument();
    // Markup in a comment is text, never HTML.
    expect(
      screen.getByText('<img src=x onerror="window.__pwned=1"> Bitte prüfen'),
    ).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    const replies = screen.getByRole('list', { name: 'Antworten auf Anna Beispiel' });
    expect(within(replies).getByText('Erledige ich')).toBeInTheDocument();
    expect(screen.queryByText('Alt')).toBeNull();
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: '1 erledigten Kommentar zeigen' }));
    expect(screen.getByText('Alt')).toBeInTheDocument();
    expect(screen.getByText('Erledigt von Ben Muster')).toBeInTheDocument();
  });

  it('posts a comment with a client id and a reply with its parent', async () => {
    const user = userEvent.setup();
    const fake = setup();
    await user.type(screen.getByRole('textbox', { name: 'Neuer Kommentar' }), 'Neu hier');
    await user.click(screen.getByRole('button', { name: 'Kommentieren' }));
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'POST',
        path: base,
        body: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), body: 'Neu hier', parentId: null },
      }),
    );
    // Replies exist only under top-level comments.
    const replyButtons = screen.getAllByRole('button', { name: 'Antworten' });
    expect(replyButtons).toHaveLength(1);
    await user.click(replyButtons[0]!);
    await user.type(screen.getByRole('textbox', { name: 'Antwort an Anna Beispiel' }), 'Gern');
    const form = screen.getByRole('textbox', { name: 'Antwort an Anna Beispiel' }).closest('form')!;
    await user.click(within(form).getByRole('button', { name: 'Antworten' }));
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'POST',
        path: base,
        body: { id: expect.any(String), body: 'Gern', parentId: c1 },
      }),
    );
  });

  it('resolves, edits and deletes only with the abilities the server gave', async () => {
    const user = userEvent.setup();
    const fake = setup();
    // Ben's reply carries no abilities: no edit or delete buttons for it.
    expect(screen.getAllByRole('button', { name: 'Bearbeiten' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Erledigt' }));
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'PATCH',
        path: `${base}/${c1}`,
        body: { resolved: true },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Bearbeiten' }));
    const box = screen.getByRole('textbox', { name: 'Kommentar bearbeiten' });
    await user.clear(box);
    await user.type(box, 'Geändert');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'PATCH',
        path: `${base}/${c1}`,
        body: { body: 'Geändert' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Löschen' }));
    expect(screen.getByText('Kommentar löschen?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Löschen' }));
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'DELETE',
        path: `${base}/${c1}`,
        body: undefined,
      }),
    );
  });

  it('without the comment right there is no form', async () => {
    setup(defaultList(), false);
    await screen.findByText('Erledige ich');
    expect(screen.queryByRole('textbox', { name: 'Neuer Kommentar' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Antworten' })).toBeNull();
  });
});

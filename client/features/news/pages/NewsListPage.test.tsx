import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NewsSummaryDTO } from '@shared/news/types';
import { i18n, renderRoutes } from '../../../test/render';
import { NewsListPage } from './NewsListPage';

const summary = (n: number, more: Partial<NewsSummaryDTO> = {}): NewsSummaryDTO => ({
  id: `65a0000000000000000000${String(n).padStart(2, '0')}`,
  channel: { id: '65a0000000000000000000cc', name: { de: 'Personal', en: 'HR' } },
  status: 'published',
  variants: { de: { title: `Beitrag ${n}`, teaser: `Kurz ${n}` } },
  plainReview: null,
  cover: null,
  author: null,
  unit: null,
  publishedAt: `2026-03-${String(20 - n).padStart(2, '0')}T09:00:00.000Z`,
  publishAt: null,
  expiresAt: null,
  updatedAt: '2026-03-01T09:00:00.000Z',
  pinned: false,
  highlighted: false,
  mandatory: null,
  allowComments: true,
  allowReactions: true,
  commentCount: 0,
  reactions: {},
  rev: 1,
  audience: null,
  viewer: { read: true, acknowledgedAt: null, reaction: null },
  abilities: {
    update: false,
    submit: false,
    approve: false,
    publish: false,
    unpublish: false,
    delete: false,
    comment: true,
    react: true,
    acknowledge: true,
    moderate: false,
    viewDashboard: false,
    viewHistory: false,
  },
  ...more,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('NewsListPage', () => {
  let requests: URLSearchParams[];

  beforeEach(async () => {
    await i18n.changeLanguage('de');
    requests = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string) => {
        const url = new URL(String(input), 'http://localhost');
        if (url.pathname === '/api/news/channels') return json({ data: [] });
        if (url.pathname === '/api/news') {
          requests.push(url.searchParams);
          if (url.searchParams.get('mandatory') === 'true')
            return json({ data: [], nextCursor: null });
          if (url.searchParams.get('cursor') === 'next')
            return json({ data: [summary(3)], nextCursor: null });
          return json({
            data: [
              summary(1, {
                pinned: true,
                viewer: { read: false, acknowledgedAt: null, reaction: null },
              }),
              summary(2, { mandatory: { deadline: '2026-04-01T10:00:00.000Z', round: 1 } }),
            ],
            nextCursor: 'next',
          });
        }
        return json({ error: { code: 'not_found', message: 'nf' } }, 404);
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const open = (path = '/news') =>
    renderRoutes([{ path: '/news', element: <NewsListPage /> }], { path });

  it('shows cards with marks and loads more by keyboard', async () => {
    const user = userEvent.setup();
    open();
    expect(await screen.findByRole('link', { name: 'Beitrag 1' })).toBeTruthy();
    const first = screen.getByRole('link', { name: 'Beitrag 1' }).closest('article') as HTMLElement;
    expect(first.textContent).toContain('Angeheftet');
    expect(first.textContent).toContain('Neu');
    const second = screen
      .getByRole('link', { name: 'Beitrag 2' })
      .closest('article') as HTMLElement;
    expect(second.textContent).toMatch(/Kenntnisnahme bis/);
    expect(screen.getByText('2 Beiträge angezeigt, weitere vorhanden')).toBeTruthy();

    const more = screen.getByRole('button', { name: 'Weitere Beiträge laden' });
    more.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('link', { name: 'Beitrag 3' })).toBeTruthy();
    expect(requests.at(-1)?.get('cursor')).toBe('next');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Weitere Beiträge laden' })).toBeNull(),
    );
    expect(screen.getByText('3 Beiträge')).toBeTruthy();
  });

  it('keeps filters in the URL and offers to reset them when nothing matches', async () => {
    const user = userEvent.setup();
    const { router } = open();
    await screen.findByRole('link', { name: 'Beitrag 1' });
    await user.click(screen.getByRole('checkbox', { name: 'Nur mit Kenntnisnahme' }));
    expect(router.state.location.search).toBe('?mandatory=true');
    expect(await screen.findByText('Keine Beiträge zu diesen Filtern')).toBeTruthy();
    expect(requests.at(-1)?.get('mandatory')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Filter zurücksetzen' }));
    expect(router.state.location.search).toBe('');
    expect(await screen.findByRole('link', { name: 'Beitrag 1' })).toBeTruthy();
  });
});

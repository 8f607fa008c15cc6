import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NewsArticleDTO, NewsCommentDTO } from '@shared/news/types';
import { i18n, renderRoutes } from '../../../test/render';
import { resetCsrf } from '../../../lib/api';
import { NewsArticlePage } from './NewsArticlePage';

const ID = '65a000000000000000000001';
const reviewer = {
  id: '65a0000000000000000000aa',
  displayName: 'Rita Prüfer',
  position: null,
  unitId: null,
  initials: 'RP',
  photoUrl: null,
};

const article = (): NewsArticleDTO => ({
  id: ID,
  channel: { id: '65a0000000000000000000cc', name: { de: 'Personal', en: 'HR' } },
  status: 'published',
  variants: {
    de: { title: 'Neue Gleitzeit', teaser: 'Ab Mai' },
    en: { title: 'New flexitime', teaser: 'From May' },
    plain: { title: 'Neue Arbeits-Zeiten', teaser: 'Ab Mai' },
  },
  plainReview: { reviewedBy: reviewer, reviewedAt: '2026-03-02T09:00:00.000Z' },
  cover: null,
  author: null,
  unit: null,
  publishedAt: '2026-03-01T09:00:00.000Z',
  publishAt: null,
  expiresAt: null,
  updatedAt: '2026-03-01T09:00:00.000Z',
  pinned: false,
  highlighted: false,
  mandatory: null,
  allowComments: true,
  allowReactions: true,
  commentCount: 1,
  reactions: { like: 2 },
  rev: 3,
  audience: null,
  viewer: { read: false, acknowledgedAt: null, reaction: null },
  abilities: {
    update: false,
    submit: false,
    approve: false,
    publish: false,
    unpublish: false,
    delete: false,
    comment: true,
    react: true,
    acknowledge: false,
    moderate: false,
    viewDashboard: false,
    viewHistory: false,
  },
  bodies: {
    de: '<p>Deutscher Text</p><img src="x" onerror="window.__xss=1">',
    en: '<p>English text</p>',
    plain: '<p>Leichter Text</p>',
  },
  attachments: [],
  history: [],
});

const comment: NewsCommentDTO = {
  id: '65a0000000000000000000c1',
  parentId: null,
  author: reviewer,
  body: '<b>fett?</b> <img src=x onerror="window.__xss=1">',
  hidden: false,
  deleted: false,
  createdAt: '2026-03-01T10:00:00.000Z',
  editedAt: null,
  abilities: { update: false, delete: false, moderate: false },
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('NewsArticlePage', () => {
  let reads: number;
  let reactions: unknown[];

  beforeEach(async () => {
    await i18n.changeLanguage('de');
    resetCsrf();
    reads = 0;
    reactions = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string, init?: RequestInit) => {
        const url = new URL(String(input), 'http://localhost');
        const method = init?.method ?? 'GET';
        if (url.pathname === '/api/auth/csrf') return json({ token: 't' });
        if (url.pathname === `/api/news/${ID}` && method === 'GET')
          return json({ data: article() });
        if (url.pathname === `/api/news/${ID}/read`) {
          reads += 1;
          return json({ data: { read: true } });
        }
        if (url.pathname === `/api/news/${ID}/comments`) return json({ data: [comment] });
        if (url.pathname === `/api/news/${ID}/reaction`) {
          reactions.push([method, init?.body]);
          return json({ data: { reaction: 'like', reactions: { like: 3 } } });
        }
        return json({ error: { code: 'not_found', message: 'nf' } }, 404);
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const open = (path = `/news/${ID}`) =>
    renderRoutes([{ path: '/news/:id', element: <NewsArticlePage /> }], { path });

  it('marks read once, renders sanitised text and comments as plain text', async () => {
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Neue Gleitzeit' })).toBeTruthy();
    expect(screen.getByText('Deutscher Text')).toBeTruthy();
    await waitFor(() => expect(reads).toBe(1));
    expect(await screen.findByText(comment.body)).toBeTruthy();
    expect(document.querySelector('[onerror]')).toBeNull();
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
    // A re-render after the read state changed does not post again.
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toBe(1);
  });

  it('switches to plain language with its reviewer, and keeps the choice in the URL', async () => {
    const user = userEvent.setup();
    const { router } = open();
    await screen.findByRole('heading', { level: 1, name: 'Neue Gleitzeit' });
    await user.click(screen.getByRole('radio', { name: 'Einfache Sprache' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Neue Arbeits-Zeiten' })).toBeTruthy();
    expect(screen.getByText('Leichter Text')).toBeTruthy();
    expect(screen.getByText(/^Geprüft von Rita Prüfer am /)).toBeTruthy();
    expect(router.state.location.search).toBe('?v=plain');
  });

  it('opens in English for English readers', async () => {
    await i18n.changeLanguage('en');
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'New flexitime' })).toBeTruthy();
    expect(screen.getByText('English text').closest('[lang]')?.getAttribute('lang')).toBe('en');
  });

  it('reactions are toggle buttons with counts', async () => {
    const user = userEvent.setup();
    open();
    const like = await screen.findByRole('button', { name: /Gefällt mir/ });
    expect(like.getAttribute('aria-pressed')).toBe('false');
    await user.click(like);
    await waitFor(() => expect(like.getAttribute('aria-pressed')).toBe('true'));
    await waitFor(() => expect(like.textContent).toContain('3'));
    expect(reactions).toEqual([['PUT', JSON.stringify({ reaction: 'like' })]]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoomAbilities, RoomDTO } from '@shared/rooms/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import FeedTab from './FeedTab';
import { page, post, roomId, uuid } from './test-data';

const abilities = (over: Partial<RoomAbilities> = {}): RoomAbilities => ({
  view: true,
  read: true,
  join: false,
  requestJoin: false,
  leave: true,
  contribute: true,
  moderate: false,
  manageMembers: false,
  update: false,
  administer: false,
  archive: false,
  restore: false,
  ...over,
});

const room = (over: Partial<RoomDTO> = {}): RoomDTO => ({
  id: roomId,
  name: 'Digitale Akte',
  description: '',
  visibility: 'open',
  template: 'project',
  modules: { feed: true, chat: true, wiki: true, files: true, events: true, tasks: true },
  imageUrl: null,
  memberCount: 3,
  archived: false,
  reviewBy: null,
  myRole: 'member',
  requestPending: false,
  unread: 0,
  lastActivityAt: null,
  abilities: abilities(),
  rev: 0,
  conversationId: null,
  wikiSpaceId: null,
  owners: [],
  createdAt: '2026-11-01T00:00:00.000Z',
  pendingRequests: 0,
  reviewDue: false,
  ...over,
});

type Handler = (body: unknown) => Response | Promise<Response>;
function stubFetch(routes: Record<string, Handler>) {
  const calls: { key: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), window.location.origin);
      if (url.pathname === '/api/auth/csrf') return Response.json({ token: 't' });
      const key = `${init?.method ?? 'GET'} ${url.pathname}`;
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      calls.push({ key, body });
      const handler = routes[key];
      return handler ? handler(body) : Response.json({ data: null });
    }),
  );
  return calls;
}

const base = `/api/rooms/${roomId}`;

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('FeedTab', () => {
  it('shows pinned posts on top, badges, the body as text (never HTML) and reactions as toggles', async () => {
    const pinned = post({ id: uuid(1), pinned: true, announcement: true, body: 'Wichtig' });
    const other = post({
      id: uuid(2),
      body: '<img src=x onerror="window.__pwned=1"> **fett**',
      reactions: [{ reaction: 'like', count: 2, mine: true }],
    });
    stubFetch({
      [`GET ${base}/feed`]: () => Response.json({ data: page([other], { pinned: [pinned] }) }),
    });
    renderWithRouter(<FeedTab room={room()} />, { qc: testQueryClient(testMe()) });

    const pinnedRegion = await screen.findByRole('region', { name: 'Angeheftet' });
    expect(within(pinnedRegion).getByText('Ankündigung')).toBeInTheDocument();
    expect(within(pinnedRegion).getByText('Wichtig')).toBeInTheDocument();
    const posts = screen.getByRole('region', { name: 'Beiträge' });
    expect(within(posts).getByText('fett').tagName).toBe('STRONG');
    expect(document.querySelector('img')).toBeNull();
    expect(within(posts).getByRole('button', { name: 'Gefällt mir (2)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(posts).getByRole('button', { name: 'Danke (0)' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(within(posts).getByText('Projektleitung', { exact: false })).toBeInTheDocument();
    expect(posts.querySelector('time')).toHaveAttribute('dateTime', other.createdAt);
  });

  it('sends a post optimistically; on failure offers "Erneut senden" with the same id', async () => {
    const user = userEvent.setup();
    let fail = true;
    const calls = stubFetch({
      [`GET ${base}/feed`]: () => Response.json({ data: page([]) }),
      [`POST ${base}/posts`]: (body) => {
        if (fail) {
          fail = false;
          return Response.json(
            { error: { code: 'internal', message: 'boom', details: [] } },
            { status: 500 },
          );
        }
        const b = body as { id: string; body: string };
        return Response.json({
          data: post({
            id: b.id,
            body: b.body,
            author: { ...post().author, id: testMe().id, displayName: 'Erika Muster' },
          }),
        });
      },
    });
    renderWithRouter(<FeedTab room={room()} />, { qc: testQueryClient(testMe()) });
    expect(await screen.findByText('Noch keine Beiträge')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Als Ankündigung' })).toBeNull();

    await user.type(
      screen.getByLabelText('Beitrag in „Digitale Akte“ schreiben'),
      'Hallo zusammen',
    );
    await user.click(screen.getByRole('button', { name: 'Veröffentlichen' }));
    expect(screen.getByLabelText('Beitrag in „Digitale Akte“ schreiben')).toHaveValue('');
    expect(await screen.findByRole('button', { name: 'Erneut senden' })).toBeInTheDocument();
    expect(screen.getByText('Hallo zusammen')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/./);

    await user.click(screen.getByRole('button', { name: 'Erneut senden' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Erneut senden' })).toBeNull());
    expect(screen.getByText('Hallo zusammen')).toBeInTheDocument();
    const sends = calls.filter((c) => c.key === `POST ${base}/posts`);
    expect(sends).toHaveLength(2);
    expect(sends[1]!.body).toEqual(sends[0]!.body);
    expect(sends[0]!.body).toMatchObject({
      body: 'Hallo zusammen',
      announcement: false,
      fileIds: [],
    });
  });

  it('moderators may post announcements; "alle N Kommentare" loads the post', async () => {
    const user = userEvent.setup();
    const comments = [1, 2, 3, 4].map((n) => ({
      id: uuid(10 + n),
      author: post().author,
      body: `Kommentar ${n}`,
      createdAt: '2026-11-20T11:00:00.000Z',
      abilities: { delete: false },
    }));
    const p = post({ comments: comments.slice(1), commentCount: 4 });
    stubFetch({
      [`GET ${base}/feed`]: () => Response.json({ data: page([p]) }),
      [`GET ${base}/posts/${p.id}`]: () => Response.json({ data: { ...p, comments } }),
    });
    renderWithRouter(<FeedTab room={room({ abilities: abilities({ moderate: true }) })} />, {
      qc: testQueryClient(testMe()),
    });
    expect(await screen.findByRole('checkbox', { name: 'Als Ankündigung' })).toBeInTheDocument();
    expect(await screen.findByText('Kommentar 4')).toBeInTheDocument();
    expect(screen.queryByText('Kommentar 1')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Alle 4 Kommentare anzeigen' }));
    expect(await screen.findByText('Kommentar 1')).toBeInTheDocument();
  });

  it('non-members see no feed', () => {
    stubFetch({});
    renderWithRouter(
      <FeedTab room={room({ abilities: abilities({ read: false, contribute: false }) })} />,
      {
        qc: testQueryClient(testMe()),
      },
    );
    expect(screen.getByText('Nur für Mitglieder')).toBeInTheDocument();
  });
});

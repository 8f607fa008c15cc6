import { describe, it, expect } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { NewsArticleDTO, NewsCommentDTO, NewsSummaryDTO } from '@shared/news/types';
import { onNewsComment, onNewsReactions, onNewsRemoved, onNewsUpsert } from './realtime';
import { newsKeys } from './queries';
import type { NewsPages } from './cache';

const CH_A = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const CH_B = 'bbbbbbbbbbbbbbbbbbbbbbbb';

const art = (
  id: string,
  publishedAt: string,
  more: Partial<NewsSummaryDTO> = {},
): NewsSummaryDTO => ({
  id,
  channel: { id: CH_A, name: { de: 'Kanal', en: 'Channel' } },
  status: 'published',
  variants: { de: { title: `T${id}`, teaser: '' } },
  plainReview: null,
  cover: null,
  author: null,
  unit: null,
  publishedAt,
  publishAt: null,
  expiresAt: null,
  updatedAt: publishedAt,
  pinned: false,
  highlighted: false,
  mandatory: null,
  allowComments: true,
  allowReactions: true,
  commentCount: 0,
  reactions: {},
  rev: 1,
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
  ...more,
});

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T08:00:00.000Z`;

const pages = (...items: NewsSummaryDTO[][]): NewsPages => ({
  pages: items.map((data, i) => ({ data, nextCursor: i < items.length - 1 ? `c${i}` : null })),
  pageParams: items.map((_d, i) => (i === 0 ? null : `c${i - 1}`)),
});

const ids = (qc: QueryClient, filters: object) =>
  qc.getQueryData<NewsPages>(newsKeys.list(filters))?.pages.map((p) => p.data.map((a) => a.id));

function seeded() {
  const qc = new QueryClient();
  // All: pinned p, then 9, 7 | 5, 3 (two pages).
  qc.setQueryData(
    newsKeys.list({ limit: 3 }),
    pages(
      [art('p', day(1), { pinned: true }), art('9', day(9)), art('7', day(7))],
      [art('5', day(5)), art('3', day(3))],
    ),
  );
  qc.setQueryData(newsKeys.list({ limit: 3, unread: true }), pages([art('9', day(9))]));
  qc.setQueryData(newsKeys.list({ limit: 3, channelId: CH_B }), pages([]));
  return qc;
}

describe('news realtime cache patching', () => {
  it('keeps what this client knew about the viewer when a shared live copy arrives', () => {
    const qc = new QueryClient();
    const read = { read: true, acknowledgedAt: null, reaction: 'like' as const };
    qc.setQueryData(newsKeys.list({ limit: 3 }), pages([art('9', day(9), { viewer: read })]));
    onNewsUpsert(qc, { article: art('9', day(9), { rev: 2 }) });
    const cached = qc.getQueryData<NewsPages>(newsKeys.list({ limit: 3 }));
    expect(cached?.pages[0]?.data[0]?.viewer).toEqual(read);
    expect(cached?.pages[0]?.data[0]?.rev).toBe(2);
  });

  it('news:upsert inserts a new article in order into every matching list, once', () => {
    const qc = seeded();
    const fresh = art('8', day(8));
    expect(onNewsUpsert(qc, { article: fresh })).toBe(false); // old date: not announced
    onNewsUpsert(qc, { article: fresh }); // redelivered
    expect(ids(qc, { limit: 3 })).toEqual([
      ['p', '9', '8', '7'],
      ['5', '3'],
    ]);
    expect(ids(qc, { limit: 3, unread: true })).toEqual([['9', '8']]);
    // Another channel's list does not get it.
    expect(ids(qc, { limit: 3, channelId: CH_B })).toEqual([[]]);
  });

  it('news:upsert puts an article into a later page when it sorts there', () => {
    const qc = seeded();
    onNewsUpsert(qc, { article: art('4', day(4)) });
    expect(ids(qc, { limit: 3 })).toEqual([
      ['p', '9', '7'],
      ['5', '4', '3'],
    ]);
  });

  it('news:upsert leaves an article past the loaded pages to "load more"', () => {
    const qc = new QueryClient();
    qc.setQueryData(newsKeys.list({}), {
      pages: [{ data: [art('9', day(9))], nextCursor: 'c0' }],
      pageParams: [null],
    } satisfies NewsPages);
    onNewsUpsert(qc, { article: art('2', day(2)) });
    expect(ids(qc, {})).toEqual([['9']]);
  });

  it('a pinned article moves to the top; unpinned it goes back to its date', () => {
    const qc = seeded();
    onNewsUpsert(qc, { article: art('5', day(5), { pinned: true }) });
    expect(ids(qc, { limit: 3 })).toEqual([['5', 'p', '9', '7'], ['3']]);
    onNewsUpsert(qc, { article: art('5', day(5), { pinned: false }) });
    expect(ids(qc, { limit: 3 })?.flat()).toEqual(['p', '9', '7', '5', '3']);
  });

  it('respects filters: a read article leaves "unread only"; a new mandatory one joins "mandatory"', () => {
    const qc = seeded();
    qc.setQueryData(newsKeys.list({ limit: 3, mandatory: true }), pages([]));
    onNewsUpsert(qc, {
      article: art('9', day(9), { viewer: { read: true, acknowledgedAt: null, reaction: null } }),
    });
    expect(ids(qc, { limit: 3, unread: true })).toEqual([[]]);
    expect(ids(qc, { limit: 3 })?.[0]).toContain('9');
    const m = art('m', new Date().toISOString(), {
      mandatory: { deadline: day(30), round: 1 },
    });
    expect(onNewsUpsert(qc, { article: m })).toBe(true); // fresh and unknown: announced
    expect(ids(qc, { limit: 3, mandatory: true })).toEqual([['m']]);
    expect(ids(qc, { limit: 3 })?.[0]?.slice(0, 2)).toEqual(['p', 'm']);
  });

  it('news:upsert of another channel moves an article out of a channel list', () => {
    const qc = seeded();
    qc.setQueryData(newsKeys.list({ limit: 3, channelId: CH_A }), pages([art('9', day(9))]));
    onNewsUpsert(qc, {
      article: art('9', day(9), { channel: { id: CH_B, name: { de: 'B', en: 'B' } } }),
    });
    expect(ids(qc, { limit: 3, channelId: CH_A })).toEqual([[]]);
    expect(ids(qc, { limit: 3, channelId: CH_B })).toEqual([['9']]);
  });

  it('news:upsert updates an open article of the same revision in place', () => {
    const qc = seeded();
    const detail: NewsArticleDTO = {
      ...art('9', day(9)),
      bodies: { de: '<p>x</p>' },
      attachments: [],
      history: [],
    };
    qc.setQueryData(newsKeys.detail('9'), detail);
    onNewsUpsert(qc, { article: art('9', day(9), { pinned: true }) });
    const after = qc.getQueryData<NewsArticleDTO>(newsKeys.detail('9'));
    expect(after?.pinned).toBe(true);
    expect(after?.bodies.de).toBe('<p>x</p>');
  });

  it('news:removed removes it from every list', () => {
    const qc = seeded();
    onNewsRemoved(qc, { id: '9' });
    expect(ids(qc, { limit: 3 })).toEqual([
      ['p', '7'],
      ['5', '3'],
    ]);
    expect(ids(qc, { limit: 3, unread: true })).toEqual([[]]);
  });

  it('news:comment adds the comment once and sets the count; news:reactions sets totals', () => {
    const qc = seeded();
    qc.setQueryData<NewsCommentDTO[]>(newsKeys.comments('9'), []);
    const comment: NewsCommentDTO = {
      id: 'c1',
      parentId: null,
      author: null,
      body: 'Hallo',
      hidden: false,
      deleted: false,
      createdAt: day(10),
      editedAt: null,
      abilities: { update: false, delete: false, moderate: false },
    };
    onNewsComment(qc, { articleId: '9', comment, commentCount: 1 });
    onNewsComment(qc, { articleId: '9', comment: { ...comment, hidden: true }, commentCount: 1 });
    const list = qc.getQueryData<NewsCommentDTO[]>(newsKeys.comments('9'));
    expect(list).toHaveLength(1);
    expect(list?.[0]?.hidden).toBe(true);
    const nine = () =>
      qc
        .getQueryData<NewsPages>(newsKeys.list({ limit: 3 }))
        ?.pages[0]?.data.find((a) => a.id === '9');
    expect(nine()?.commentCount).toBe(1);
    onNewsReactions(qc, { articleId: '9', reactions: { like: 3, idea: 1 } });
    expect(nine()?.reactions).toEqual({ like: 3, idea: 1 });
    expect(ids(qc, { limit: 3 })).toEqual([
      ['p', '9', '7'],
      ['5', '3'],
    ]);
  });

  it('does not create lists that were never loaded', () => {
    const qc = new QueryClient();
    onNewsUpsert(qc, { article: art('1', day(1)) });
    onNewsRemoved(qc, { id: '1' });
    expect(qc.getQueriesData({ queryKey: newsKeys.all })).toEqual([]);
  });
});

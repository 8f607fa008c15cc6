import { describe, expect, it } from 'vitest';
import type { HomeBoardDTO } from '@shared/home/types';
import type { NewsSummaryDTO } from '@shared/news/types';
import { HOME_NEWS_LIMIT, removeNewsFromBoard, upsertNewsInBoard } from './board-cache';

const article = (id: string, over: Partial<NewsSummaryDTO> = {}): NewsSummaryDTO =>
  ({
    id,
    status: 'published',
    pinned: false,
    publishedAt: `2026-01-${id.padStart(2, '0')}T08:00:00.000Z`,
    mandatory: null,
    viewer: { read: false, acknowledgedAt: null, reaction: null },
    ...over,
  }) as NewsSummaryDTO;

const board = (news: NewsSummaryDTO[], acknowledge: NewsSummaryDTO[] = []): HomeBoardDTO => ({
  layout: { widgets: [], rev: 0, source: 'built-in' },
  data: {
    news,
    acknowledge: { items: acknowledge, total: acknowledge.length },
    apps: [],
    chats: { total: 0, conversations: [] },
  },
  abilities: { manageDefaults: false, manageApps: false },
});

const ids = (a: NewsSummaryDTO[]) => a.map((n) => n.id);

describe('board news patches', () => {
  it('puts a new article in its place: pinned first, then newest, at most the limit', () => {
    const b = board([article('5', { pinned: true }), article('4'), article('2')]);
    expect(ids(upsertNewsInBoard(b, article('3')).board.data.news)).toEqual(['5', '4', '3', '2']);
    const full = board(['9', '8', '7', '6', '5', '4'].map((id) => article(id)));
    const next = upsertNewsInBoard(full, article('10')).board.data.news;
    expect(next).toHaveLength(HOME_NEWS_LIMIT);
    expect(ids(next)[0]).toBe('10');
  });

  it('moves a newly pinned article to the top', () => {
    const b = board([article('3'), article('2'), article('1')]);
    expect(ids(upsertNewsInBoard(b, article('1', { pinned: true })).board.data.news)).toEqual([
      '1',
      '3',
      '2',
    ]);
  });

  it('lists a due mandatory article under "to acknowledge" by deadline and drops it once confirmed', () => {
    const due = (id: string, deadline: string) =>
      article(id, { mandatory: { deadline, round: 1 } });
    const b = board([], [due('1', '2026-03-01T00:00:00.000Z')]);
    // Just published: the viewer cannot have confirmed it yet.
    const now = Date.parse('2026-01-02T08:05:00.000Z');
    const added = upsertNewsInBoard(b, due('2', '2026-02-01T00:00:00.000Z'), now).board;
    expect(ids(added.data.acknowledge.items)).toEqual(['2', '1']);
    expect(added.data.acknowledge.total).toBe(2);
    const confirmed = article('2', {
      mandatory: { deadline: '2026-02-01T00:00:00.000Z', round: 1 },
      viewer: { read: true, acknowledgedAt: '2026-01-20T00:00:00.000Z', reaction: null },
    });
    const after = upsertNewsInBoard(added, confirmed, now).board.data.acknowledge;
    expect(ids(after.items)).toEqual(['1']);
    expect(after.total).toBe(1);
  });

  it('removes unpublished or removed articles and asks for a refill when the list was full', () => {
    const full = board(['6', '5', '4', '3', '2', '1'].map((id) => article(id)));
    const unpublished = upsertNewsInBoard(full, article('4', { status: 'draft' }));
    expect(ids(unpublished.board.data.news)).toEqual(['6', '5', '3', '2', '1']);
    expect(unpublished.refetch).toBe(true);
    const removed = removeNewsFromBoard(board([article('2'), article('1')]), '2');
    expect(ids(removed.board.data.news)).toEqual(['1']);
    expect(removed.refetch).toBe(false);
    const untouched = board([article('1')]);
    expect(removeNewsFromBoard(untouched, '9').board).toBe(untouched);
  });

  it('keeps the viewer state a shared live copy lacks (a confirmed article stays confirmed)', () => {
    const mandatory = { deadline: '2026-03-01T00:00:00.000Z', round: 1 };
    const seen = article('3', {
      mandatory,
      viewer: { read: true, acknowledgedAt: '2026-01-05T00:00:00.000Z', reaction: 'like' },
    });
    const b = board([seen]);
    const edited = article('3', { mandatory, variants: { de: { title: 'Neu', teaser: '' } } });
    const patch = upsertNewsInBoard(b, edited);
    expect(patch.board.data.acknowledge.items).toEqual([]);
    expect(patch.board.data.news[0]?.viewer).toEqual(seen.viewer);
    // A new round asks again.
    const again = upsertNewsInBoard(b, article('3', { mandatory: { ...mandatory, round: 2 } }));
    expect(again.board.data.news[0]?.viewer.acknowledgedAt).toBeNull();
  });

  it('asks the server when an older article it does not show may or may not be open', () => {
    const b = board([]);
    const old = article('4', { mandatory: { deadline: '2026-03-01T00:00:00.000Z', round: 1 } });
    const patch = upsertNewsInBoard(b, old, Date.parse('2026-02-01T00:00:00.000Z'));
    expect(patch.refetch).toBe(true);
    expect(patch.board.data.acknowledge).toEqual(b.data.acknowledge);
  });

  it('counts open confirmations beyond the ones shown', () => {
    const due = (id: string) =>
      article(id, {
        mandatory: { deadline: `2026-03-${id.padStart(2, '0')}T00:00:00.000Z`, round: 1 },
      });
    const b = board([]);
    b.data.acknowledge = { items: ['1', '2', '3', '4', '5'].map(due), total: 8 };
    const removed = removeNewsFromBoard(b, '2');
    expect(removed.board.data.acknowledge.total).toBe(7);
    expect(removed.refetch).toBe(true); // the sixth moves up
  });
});

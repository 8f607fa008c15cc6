import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { roomKeys } from '../keys';
import { flattenFeed, insertPost, patchPost, toggleReaction, type FeedPages } from './cache';
import { newPostsOf } from './new-posts';
import { anna, page, post, roomId, uuid } from './test-data';

const feed = (...pages: ReturnType<typeof page>[]): FeedPages => ({
  pages,
  pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)),
});

describe('feed cache', () => {
  it('flattens pages: pinned first, no pinned repeats, no duplicates across pages', () => {
    const a = post({ id: uuid(1), pinned: true });
    const b = post({ id: uuid(2) });
    const c = post({ id: uuid(3) });
    const { pinned, posts } = flattenFeed(feed(page([a, b], { pinned: [a] }), page([b, c])));
    expect(pinned.map((p) => p.id)).toEqual([uuid(1)]);
    expect(posts.map((p) => p.id)).toEqual([uuid(2), uuid(3)]);
  });

  it('patches and removes a post in every page and its detail query; inserts once', () => {
    const qc = new QueryClient();
    const a = post({ id: uuid(1) });
    const b = post({ id: uuid(2) });
    qc.setQueryData(roomKeys.feed(roomId), feed(page([a], { pinned: [b] }), page([b])));
    qc.setQueryData(roomKeys.post(roomId, uuid(2)), b);
    patchPost(qc, roomId, uuid(2), (p) => ({ ...p, body: 'neu' }));
    const after = qc.getQueryData<FeedPages>(roomKeys.feed(roomId))!;
    expect(after.pages[0]!.pinned[0]!.body).toBe('neu');
    expect(after.pages[1]!.posts[0]!.body).toBe('neu');
    expect(qc.getQueryData<typeof b>(roomKeys.post(roomId, uuid(2)))!.body).toBe('neu');

    patchPost(qc, roomId, uuid(2), () => null);
    expect(flattenFeed(qc.getQueryData(roomKeys.feed(roomId))).pinned).toEqual([]);
    expect(qc.getQueryData(roomKeys.post(roomId, uuid(2)))).toBeUndefined();

    const c = post({ id: uuid(3) });
    insertPost(qc, roomId, c);
    insertPost(qc, roomId, c);
    expect(flattenFeed(qc.getQueryData(roomKeys.feed(roomId))).posts.map((p) => p.id)).toEqual([
      uuid(3),
      uuid(1),
    ]);
  });

  it('toggles my reaction with its count', () => {
    const p = post({ reactions: [{ reaction: 'like', count: 2, mine: false }] });
    const on = toggleReaction(p, 'like', true);
    expect(on.reactions).toEqual([{ reaction: 'like', count: 3, mine: true }]);
    expect(toggleReaction(on, 'like', true)).toEqual(on);
    expect(toggleReaction(on, 'like', false).reactions[0]).toMatchObject({ count: 2, mine: false });
    expect(toggleReaction(p, 'idea', true).reactions).toContainEqual({
      reaction: 'idea',
      count: 1,
      mine: true,
    });
  });
});

describe('newPostsOf', () => {
  const me = '64b000000000000000000001';
  const at = (n: number, author = anna) =>
    post({ id: uuid(n), author, createdAt: `2026-11-2${n}T10:00:00.000Z` });
  it('counts nothing on the first load, then only newer posts by others', () => {
    const first = newPostsOf(null, [at(2), at(1)], me, new Set());
    expect(first).toEqual({ count: 0, since: at(2).createdAt });
    const mine = { ...anna, id: me };
    const next = newPostsOf(first.since, [at(4, mine), at(3), at(2), at(1)], me, new Set());
    expect(next.count).toBe(1);
    // Older pages ("Mehr laden") are not new.
    expect(newPostsOf(next.since, [at(4), at(0)], me, new Set()).count).toBe(0);
  });
  it('after an empty first load the first post by someone else is new', () => {
    const first = newPostsOf(null, [], me, new Set());
    expect(newPostsOf(first.since, [at(1)], me, new Set()).count).toBe(1);
    expect(newPostsOf(first.since, [at(1)], me, new Set([uuid(1)])).count).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  flattenPages,
  mergeConversation,
  mergeLiveMessage,
  patchConversation,
  previewText,
  removeConversation,
  toggleReaction,
  updateSummary,
  upsertConversation,
  upsertInThread,
  upsertMessage,
  withMessage,
  withRead,
} from './cache';
import { CONV, ME, OTHER, conversation, message, pages, person } from './test-data';

describe('conversation patches', () => {
  it('a message from someone else raises unread, preview and activity; a repeat changes nothing', () => {
    const c = conversation();
    const m = message(4, { body: '**Hallo** _du_' });
    const next = withMessage(c, m, ME);
    expect(next.lastSeq).toBe(4);
    expect(next.unread).toBe(3);
    expect(next.lastMessage?.preview).toBe('Hallo du');
    expect(next.lastActivityAt).toBe(m.createdAt);
    expect(withMessage(next, m, ME)).toBe(next);
  });

  it('my own message advances my read position (no unread)', () => {
    const next = withMessage(conversation(), message(4, { sender: person(ME) }), ME);
    expect(next.me?.readSeq).toBe(4);
    expect(next.unread).toBe(0);
  });

  it('counts a mention of me or @channel', () => {
    const c = conversation();
    expect(withMessage(c, message(4, { mentions: [person(ME)] }), ME).me?.mentions).toBe(1);
    expect(withMessage(c, message(4, { mentionsAll: true }), ME).me?.mentions).toBe(1);
    expect(withMessage(c, message(4), ME).me?.mentions).toBe(0);
  });

  it('read position never goes backwards and resets mentions', () => {
    const c = conversation({ lastSeq: 5, unread: 4 });
    const read = withRead(c, 4);
    expect(read.unread).toBe(1);
    expect(read.me?.mentions).toBe(0);
    expect(withRead(read, 2)).toBe(read);
  });

  it('a stale full copy keeps the newer message position and read position', () => {
    const newer = withMessage(conversation(), message(6), ME);
    const merged = mergeConversation(newer, conversation({ name: 'Renamed' }));
    expect(merged.name).toBe('Renamed');
    expect(merged.lastSeq).toBe(6);
    expect(merged.unread).toBe(5);
    const readLater = withRead(conversation(), 3);
    expect(mergeConversation(readLater, conversation()).me?.readSeq).toBe(3);
  });

  it('upsert sorts by activity, remove drops, patch sets only given fields', () => {
    const a = conversation({ id: 'x'.repeat(24), lastActivityAt: '2026-01-02T00:00:00.000Z' });
    const b = conversation();
    const list = upsertConversation([b], a);
    expect(list?.map((c) => c.id)).toEqual([a.id, CONV]);
    expect(removeConversation(list, a.id)?.map((c) => c.id)).toEqual([CONV]);
    expect(removeConversation(list, 'nope')).toBe(list);
    expect(upsertConversation(undefined, a)).toBeUndefined();
    const p = patchConversation(b, { id: CONV, topic: 'Neu', name: undefined });
    expect(p.topic).toBe('Neu');
    expect(p.name).toBe('Ben');
  });

  it('summary total moves by the difference; muted conversations do not count', () => {
    const c0 = conversation();
    const summary = { total: 2, conversations: [c0] };
    const after = withMessage(conversation(), message(4), ME);
    const s1 = updateSummary(summary, conversation(), after);
    expect(s1?.total).toBe(3);
    expect(s1?.conversations[0]?.unread).toBe(3);
    const read = withRead(after, 4);
    const s2 = updateSummary(s1, after, read);
    expect(s2?.total).toBe(0);
    expect(s2?.conversations).toEqual([]);
    const muted = conversation({ me: { ...conversation().me!, muted: true } });
    const s3 = updateSummary(
      { total: 0, conversations: [] },
      muted,
      withMessage(muted, message(4), ME),
    );
    expect(s3?.total).toBe(0);
    expect(updateSummary(summary, c0, c0)).toBe(summary);
    expect(updateSummary(summary, conversation(), undefined)?.total).toBe(0);
  });

  it('preview strips markdown and shortens', () => {
    expect(previewText('[Link](https://x.de) `code` ~~weg~~')).toBe('Link code weg');
    expect(previewText('x'.repeat(300))).toHaveLength(140);
  });
});

describe('message patches', () => {
  it('appends a new message to the newest page once', () => {
    const data = pages([3, 4], [1, 2]);
    const next = upsertMessage(data, message(5), { live: true });
    expect(flattenPages(next).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    const again = upsertMessage(next, message(5), { live: true });
    expect(flattenPages(again).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('replaces a pending/known copy by id wherever it is', () => {
    const data = pages([3, 4], [1, 2]);
    const edited = message(2, { body: 'neu', editedAt: '2026-01-01T12:00:00.000Z' });
    const next = upsertMessage(data, edited);
    expect(flattenPages(next).find((m) => m.seq === 2)?.body).toBe('neu');
    expect(next?.pages[0]).toBe(data.pages[0]);
  });

  it('leaves messages older than every loaded page to paging', () => {
    const data = pages([10, 11]);
    expect(upsertMessage(data, message(3))).toBe(data);
    expect(upsertMessage(undefined, message(3))).toBeUndefined();
  });

  it('live copies keep my abilities and my follow state', () => {
    const mine = message(2, {
      abilities: { edit: true, delete: true, react: true, reply: true, forward: true },
      thread: { replyCount: 1, lastReplyAt: null, participants: [], following: true },
    });
    const live = message(2, {
      body: 'x',
      thread: { replyCount: 2, lastReplyAt: null, participants: [], following: false },
    });
    const merged = mergeLiveMessage(mine, live);
    expect(merged.abilities.edit).toBe(true);
    expect(merged.thread).toEqual({
      replyCount: 2,
      lastReplyAt: null,
      participants: [],
      following: true,
    });
    expect(merged.body).toBe('x');
  });

  it('threads take replies in order and the root by id', () => {
    const root = message(1);
    const thread = { root, replies: [message(3, { threadId: root.id })] };
    const t1 = upsertInThread(thread, message(2, { threadId: root.id }), { live: true });
    expect(t1?.replies.map((m) => m.seq)).toEqual([2, 3]);
    const t2 = upsertInThread(t1, { ...root, body: 'edited' });
    expect(t2?.root.body).toBe('edited');
    expect(upsertInThread(t2, message(9))).toBe(t2);
  });

  it('reactions toggle for me', () => {
    const m = message(1);
    const on = toggleReaction(m, 'heart', { id: ME, displayName: 'Anna' }, true);
    expect(on.reactions).toEqual([
      { reaction: 'heart', count: 1, personIds: [ME], names: ['Anna'] },
    ]);
    expect(toggleReaction(on, 'heart', { id: ME, displayName: 'Anna' }, true)).toBe(on);
    const off = toggleReaction(on, 'heart', { id: ME, displayName: 'Anna' }, false);
    expect(off.reactions).toEqual([]);
    expect(OTHER).not.toBe(ME);
  });
});

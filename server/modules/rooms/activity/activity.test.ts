import { Types } from 'mongoose';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTestDatabase, clearDatabase } from '../../../test/db';
import { events } from '../../../lib/events';
import { RoomActivityModel, RoomSeenModel } from './activity.model';
import {
  ACTIVITY_KEEP,
  clearActivityCaches,
  markSeen,
  recordActivity,
  registerRoomActivity,
  unreadFor,
  warmRoomActivity,
} from './activity';

useTestDatabase();

const id = () => String(new Types.ObjectId());
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 8, 0, s));

beforeEach(async () => {
  await clearDatabase();
  clearActivityCaches();
});

describe('room activity and unread', () => {
  it('counts entries by others after my last visit; my own do not count', async () => {
    const room = id();
    const me = id();
    const other = id();
    await recordActivity(room, { kind: 'post', at: at(1), actorId: other, itemId: 'a' });
    await recordActivity(room, { kind: 'post', at: at(2), actorId: me, itemId: 'b' });
    let u = (await unreadFor(me, [room])).get(room);
    expect(u).toEqual({ unread: 1, lastActivityAt: at(2).toISOString() });

    await markSeen(me, room, at(3));
    await recordActivity(room, { kind: 'comment', at: at(4), actorId: other, itemId: 'c' });
    u = (await unreadFor(me, [room])).get(room);
    expect(u?.unread).toBe(1);

    // Fresh caches read the stored state back.
    clearActivityCaches();
    u = (await unreadFor(me, [room])).get(room);
    expect(u).toEqual({ unread: 1, lastActivityAt: at(4).toISOString() });
    expect((await unreadFor(other, [room])).get(room)?.unread).toBe(1);
  });

  it('a floor (joined at) hides older history; rooms without activity are 0', async () => {
    const room = id();
    const quiet = id();
    const me = id();
    await recordActivity(room, { kind: 'post', at: at(1), actorId: id(), itemId: 'a' });
    await recordActivity(room, { kind: 'post', at: at(5), actorId: id(), itemId: 'b' });
    const u = await unreadFor(me, [room, quiet], (r) => (r === room ? at(3) : null));
    expect(u.get(room)?.unread).toBe(1);
    expect(u.get(quiet)).toEqual({ unread: 0, lastActivityAt: null });
  });

  it('keeps only the latest entries (unread counts at most 50)', async () => {
    const room = id();
    const actor = id();
    for (let i = 0; i < 130; i += 1) {
      await recordActivity(room, { kind: 'post', at: at(i), actorId: actor, itemId: String(i) });
    }
    expect((await unreadFor(id(), [room])).get(room)?.unread).toBe(ACTIVITY_KEEP);
    const doc = await RoomActivityModel.findById(room).lean();
    expect(doc?.entries.length).toBeLessThan(2 * ACTIVITY_KEEP);
    expect(doc?.entries.at(-1)?.itemId).toBe('129');
  });

  it('markSeen writes only when something happened since the last visit', async () => {
    const room = id();
    const me = id();
    await recordActivity(room, { kind: 'post', at: at(1), actorId: id(), itemId: 'a' });
    const first = await markSeen(me, room, at(2));
    const spy = vi.spyOn(RoomSeenModel, 'updateOne');
    const second = await markSeen(me, room, at(3));
    expect(second).toBe(first);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('subscribes to content changes with activity: true only', async () => {
    const off = registerRoomActivity();
    const room = id();
    const actor = id();
    const base = { roomId: room, actorId: actor, kind: 'created' as const };
    events.publish('rooms.content_changed', {
      ...base,
      module: 'reaction',
      itemId: 'x',
      activity: false,
    });
    events.publish('rooms.content_changed', {
      ...base,
      module: 'post',
      itemId: 'p',
      activity: true,
    });
    await vi.waitFor(async () => {
      const doc = await RoomActivityModel.findById(room).lean();
      expect(doc?.entries.map((e) => e.itemId)).toEqual(['p']);
    });
    off();
  });

  it('warm-up fills both caches with one read each; later reads need none', async () => {
    const room = id();
    const empty = id();
    const me = id();
    const never = id();
    await recordActivity(room, { kind: 'post', at: at(1), actorId: id(), itemId: 'a' });
    await markSeen(me, room, at(0));
    clearActivityCaches();
    const findActivity = vi.spyOn(RoomActivityModel, 'find');
    const findSeen = vi.spyOn(RoomSeenModel, 'find');
    await warmRoomActivity([room, empty], [me, never]);
    expect(findActivity).toHaveBeenCalledTimes(1);
    expect(findSeen).toHaveBeenCalledTimes(1);
    const byId = vi.spyOn(RoomActivityModel, 'findById');
    const seenById = vi.spyOn(RoomSeenModel, 'findById');
    expect((await unreadFor(me, [room, empty])).get(room)?.unread).toBe(1);
    expect((await unreadFor(never, [room])).get(room)?.unread).toBe(1);
    expect(byId).not.toHaveBeenCalled();
    expect(seenById).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});

afterAll(() => vi.restoreAllMocks());

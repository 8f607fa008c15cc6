import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { roomKeys } from './keys';
import {
  clearRoomAccessLost,
  isRoomAccessLost,
  onMyRooms,
  onRoomAccessLost,
  onRoomChanged,
  onRoomContent,
} from './realtime';
import { rid, room } from './test-data';

const a = rid(1);
const b = rid(2);

function seeded() {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const id of [a, b]) {
    qc.setQueryData(roomKeys.detail(id), room({ id }));
    qc.setQueryData([...roomKeys.members(id), ''], { pages: [], pageParams: [] });
    qc.setQueryData(roomKeys.joinRequests(id), []);
    qc.setQueryData(roomKeys.feed(id), { pages: [] });
    qc.setQueryData(roomKeys.files(id, null), { files: [] });
    qc.setQueryData(roomKeys.events(id, false), []);
    qc.setQueryData(roomKeys.tasks(id), { columns: {} });
  }
  qc.setQueryData(roomKeys.list({ scope: 'mine' }), { pages: [], pageParams: [] });
  qc.setQueryData(roomKeys.requests(), []);
  return qc;
}

const stale = (qc: QueryClient, key: readonly unknown[]) =>
  qc.getQueryState(key)?.isInvalidated ?? null;

describe('rooms realtime cache handling', () => {
  it('rooms:content invalidates only that module of that room, and the lists (unread)', () => {
    const qc = seeded();
    onRoomContent(qc, { roomId: a, module: 'files', itemId: 'x' });
    expect(stale(qc, roomKeys.files(a, null))).toBe(true);
    expect(stale(qc, roomKeys.feed(a))).toBe(false);
    expect(stale(qc, roomKeys.tasks(a))).toBe(false);
    expect(stale(qc, roomKeys.detail(a))).toBe(false);
    expect(stale(qc, roomKeys.files(b, null))).toBe(false);
    expect(stale(qc, roomKeys.list({ scope: 'mine' }))).toBe(true);

    onRoomContent(qc, { roomId: a, module: 'tasks', itemId: 'y' });
    expect(stale(qc, roomKeys.tasks(a))).toBe(true);
    onRoomContent(qc, { roomId: a, module: 'events', itemId: 'z' });
    expect(stale(qc, roomKeys.events(a, false))).toBe(true);
    onRoomContent(qc, { roomId: a, module: 'feed', itemId: 'p' });
    expect(stale(qc, roomKeys.feed(a))).toBe(true);
  });

  it('rooms:room refetches the room, its members and join requests, not its content', () => {
    const qc = seeded();
    onRoomChanged(qc, { roomId: a });
    expect(stale(qc, roomKeys.detail(a))).toBe(true);
    expect(stale(qc, [...roomKeys.members(a), ''])).toBe(true);
    expect(stale(qc, roomKeys.joinRequests(a))).toBe(true);
    expect(stale(qc, roomKeys.list({ scope: 'mine' }))).toBe(true);
    expect(stale(qc, roomKeys.feed(a))).toBe(false);
    expect(stale(qc, roomKeys.detail(b))).toBe(false);
  });

  it('rooms:mine refetches the lists and room requests only', () => {
    const qc = seeded();
    onMyRooms(qc);
    expect(stale(qc, roomKeys.list({ scope: 'mine' }))).toBe(true);
    expect(stale(qc, roomKeys.requests())).toBe(true);
    expect(stale(qc, roomKeys.detail(a))).toBe(false);
  });

  it('rooms:access-lost drops everything of that room from memory and remembers the loss', () => {
    const qc = seeded();
    onRoomAccessLost(qc, { roomId: a });
    expect(qc.getQueryData(roomKeys.detail(a))).toBeUndefined();
    expect(qc.getQueryData(roomKeys.feed(a))).toBeUndefined();
    expect(qc.getQueryData(roomKeys.files(a, null))).toBeUndefined();
    expect(qc.getQueryData(roomKeys.tasks(a))).toBeUndefined();
    expect(qc.getQueryData([...roomKeys.members(a), ''])).toBeUndefined();
    // The other room stays.
    expect(qc.getQueryData(roomKeys.detail(b))).toBeDefined();
    expect(qc.getQueryData(roomKeys.feed(b))).toBeDefined();
    expect(isRoomAccessLost(a)).toBe(true);
    expect(isRoomAccessLost(b)).toBe(false);
    clearRoomAccessLost(a);
    expect(isRoomAccessLost(a)).toBe(false);
  });
});

import { describe, it, expect } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { NotificationDTO } from '@shared/notifications/types';
import { onNotificationNew, onNotificationRead } from './realtime';
import { notificationKeys } from './queries';
import type { NotificationPages } from './cache';

const n = (id: string, readAt: string | null = null): NotificationDTO => ({
  id,
  kind: 'system.notice',
  params: { title: `T${id}`, body: 'B' },
  link: null,
  readAt,
  createdAt: '2026-01-01T10:00:00.000Z',
  abilities: { markRead: true },
});

const pages = (...items: NotificationDTO[][]): NotificationPages => ({
  pages: items.map((data, i) => ({ data, nextCursor: i < items.length - 1 ? `c${i}` : null })),
  pageParams: items.map((_d, i) => (i === 0 ? null : `c${i - 1}`)),
});

function seeded() {
  const qc = new QueryClient();
  qc.setQueryData(notificationKeys.unreadCount(), 1);
  qc.setQueryData(notificationKeys.latest(), [n('a'), n('b', '2026-01-01T11:00:00.000Z')]);
  qc.setQueryData(
    notificationKeys.list(false),
    pages([n('a')], [n('b', '2026-01-01T11:00:00.000Z')]),
  );
  qc.setQueryData(notificationKeys.list(true), pages([n('a')]));
  return qc;
}

describe('notification realtime cache patching', () => {
  it('notification:new sets the server count and prepends once to every list', () => {
    const qc = seeded();
    onNotificationNew(qc, { notification: n('c'), unreadCount: 2 });
    onNotificationNew(qc, { notification: n('c'), unreadCount: 2 }); // redelivered after recovery
    expect(qc.getQueryData(notificationKeys.unreadCount())).toBe(2);
    expect(qc.getQueryData<NotificationDTO[]>(notificationKeys.latest())?.map((x) => x.id)).toEqual(
      ['c', 'a', 'b'],
    );
    const all = qc.getQueryData<NotificationPages>(notificationKeys.list(false));
    expect(all?.pages[0]?.data.map((x) => x.id)).toEqual(['c', 'a']);
    expect(all?.pages[1]?.data.map((x) => x.id)).toEqual(['b']);
    const unread = qc.getQueryData<NotificationPages>(notificationKeys.list(true));
    expect(unread?.pages[0]?.data.map((x) => x.id)).toEqual(['c', 'a']);
  });

  it('notification:new does not create lists that were never loaded (no refetch, no guesses)', () => {
    const qc = new QueryClient();
    onNotificationNew(qc, { notification: n('c'), unreadCount: 5 });
    expect(qc.getQueryData(notificationKeys.unreadCount())).toBe(5);
    expect(qc.getQueryData(notificationKeys.latest())).toBeUndefined();
    expect(qc.getQueryData(notificationKeys.list(false))).toBeUndefined();
  });

  it('keeps the latest list short', () => {
    const qc = new QueryClient();
    qc.setQueryData(
      notificationKeys.latest(),
      Array.from({ length: 8 }, (_v, i) => n(`x${i}`)),
    );
    onNotificationNew(qc, { notification: n('new'), unreadCount: 9 });
    const latest = qc.getQueryData<NotificationDTO[]>(notificationKeys.latest());
    expect(latest).toHaveLength(8);
    expect(latest?.[0]?.id).toBe('new');
  });

  it('notification:read marks the given ids read and takes the count', () => {
    const qc = seeded();
    onNotificationRead(qc, { ids: ['a'], unreadCount: 0 });
    expect(qc.getQueryData(notificationKeys.unreadCount())).toBe(0);
    const latest = qc.getQueryData<NotificationDTO[]>(notificationKeys.latest());
    expect(latest?.find((x) => x.id === 'a')?.readAt).toEqual(expect.any(String));
    expect(latest?.find((x) => x.id === 'b')?.readAt).toBe('2026-01-01T11:00:00.000Z');
    const all = qc.getQueryData<NotificationPages>(notificationKeys.list(false));
    expect(all?.pages[0]?.data[0]?.readAt).toEqual(expect.any(String));
  });

  it('notification:read with "all" marks everything read', () => {
    const qc = seeded();
    onNotificationNew(qc, { notification: n('c'), unreadCount: 2 });
    onNotificationRead(qc, { ids: 'all', unreadCount: 0 });
    const latest = qc.getQueryData<NotificationDTO[]>(notificationKeys.latest()) ?? [];
    expect(latest.every((x) => x.readAt !== null)).toBe(true);
    expect(qc.getQueryData(notificationKeys.unreadCount())).toBe(0);
  });
});

import type { InfiniteData } from '@tanstack/react-query';
import type { NotificationDTO } from '@shared/notifications/types';
import type { ApiPage } from '@shared/http/errors';

/** Pure cache transformations, shared by socket events and optimistic mutations. */

export type NotificationPages = InfiniteData<ApiPage<NotificationDTO>, string | null>;

/** Prepends a notification to a list unless it is already there; keeps at most `limit`. */
export function prependNotification(
  list: NotificationDTO[] | undefined,
  notification: NotificationDTO,
  limit?: number,
): NotificationDTO[] | undefined {
  if (!list) return list;
  if (list.some((n) => n.id === notification.id)) return list;
  const next = [notification, ...list];
  return limit ? next.slice(0, limit) : next;
}

/** Adds a new notification to the first page of a paged list (once). */
export function prependToPages(
  data: NotificationPages | undefined,
  notification: NotificationDTO,
): NotificationPages | undefined {
  if (!data || data.pages.length === 0) return data;
  if (data.pages.some((p) => p.data.some((n) => n.id === notification.id))) return data;
  const [first, ...rest] = data.pages as [ApiPage<NotificationDTO>, ...ApiPage<NotificationDTO>[]];
  return { ...data, pages: [{ ...first, data: [notification, ...first.data] }, ...rest] };
}

const markOne = (n: NotificationDTO, ids: Set<string> | 'all', at: string): NotificationDTO =>
  !n.readAt && (ids === 'all' || ids.has(n.id)) ? { ...n, readAt: at } : n;

/** Marks the given notifications (or all) read in a plain list. */
export function markReadInList(
  list: NotificationDTO[] | undefined,
  ids: string[] | 'all',
  at: string,
): NotificationDTO[] | undefined {
  if (!list) return list;
  const set = ids === 'all' ? 'all' : new Set(ids);
  return list.map((n) => markOne(n, set, at));
}

/** Marks the given notifications (or all) read in a paged list. */
export function markReadInPages(
  data: NotificationPages | undefined,
  ids: string[] | 'all',
  at: string,
): NotificationPages | undefined {
  if (!data) return data;
  const set = ids === 'all' ? 'all' : new Set(ids);
  return {
    ...data,
    pages: data.pages.map((p) => ({ ...p, data: p.data.map((n) => markOne(n, set, at)) })),
  };
}

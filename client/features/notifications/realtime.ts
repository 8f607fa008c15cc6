import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ServerToClientEvents } from '@shared/realtime/events';
import type { PortalSocket } from '../../lib/socket';
import { announce } from '../../components/LiveAnnouncer';
import { prependNotification, prependToPages, type NotificationPages } from './cache';
import type { NotificationDTO } from '@shared/notifications/types';
import { applyRead, LATEST_LIMIT, notificationKeys } from './queries';
import { localizeParams } from './params';

type NewPayload = Parameters<ServerToClientEvents['notification:new']>[0];
type ReadPayload = Parameters<ServerToClientEvents['notification:read']>[0];

/** `notification:new`: count from the server, the notification prepended once to each list. */
export function onNotificationNew(
  qc: QueryClient,
  { notification, unreadCount }: NewPayload,
): void {
  qc.setQueryData(notificationKeys.unreadCount(), unreadCount);
  qc.setQueryData<NotificationDTO[]>(notificationKeys.latest(), (old) =>
    prependNotification(old, notification, LATEST_LIMIT),
  );
  qc.setQueryData<NotificationPages>(notificationKeys.list(false), (old) =>
    prependToPages(old, notification),
  );
  if (!notification.readAt)
    qc.setQueryData<NotificationPages>(notificationKeys.list(true), (old) =>
      prependToPages(old, notification),
    );
}

/** `notification:read` (from this or another tab): mark read everywhere, take the server count. */
export function onNotificationRead(qc: QueryClient, { ids, unreadCount }: ReadPayload): void {
  qc.setQueryData(notificationKeys.unreadCount(), unreadCount);
  applyRead(qc, ids, new Date().toISOString());
}

/** Wires the socket's notification events into the query cache and the live region. */
export function useNotificationRealtime(socket: PortalSocket | null): void {
  const qc = useQueryClient();
  const { t, i18n } = useTranslation('notifications');
  useEffect(() => {
    if (!socket) return;
    const onNew = (payload: NewPayload) => {
      onNotificationNew(qc, payload);
      announce(
        t('announce', { text: notificationText(t, payload.notification, i18n.language).title }),
      );
    };
    const onRead = (payload: ReadPayload) => onNotificationRead(qc, payload);
    // Catch up over REST once: on the first connection (the socket starts after the first paint,
    // so something may have arrived since the bell's count was read) and after a reconnect that
    // could not recover missed packets.
    const onConnect = () => {
      if (!socket.recovered) void qc.invalidateQueries({ queryKey: notificationKeys.all });
    };
    if (socket.connected) onConnect();
    socket.on('notification:new', onNew);
    socket.on('notification:read', onRead);
    socket.on('connect', onConnect);
    return () => {
      socket.off('notification:new', onNew);
      socket.off('notification:read', onRead);
      socket.off('connect', onConnect);
    };
  }, [socket, qc, t, i18n]);
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** Title and body of a notification in the reader's language (`lang`: dates in params). */
export function notificationText(
  t: T,
  n: NotificationDTO,
  lang: string,
): { title: string; body: string | null } {
  if (n.kind === 'system.notice') {
    return {
      title: String(n.params.title ?? ''),
      body: n.params.body ? String(n.params.body) : null,
    };
  }
  const key = `kinds.${n.kind}`;
  return {
    title: t(key, { ...localizeParams(n.params, lang), defaultValue: t('kinds.unknown') }),
    body: null,
  };
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationDTO } from '@shared/notifications/types';
import { safeReturnTo } from '@shared/auth/return-to';
import { notificationText } from './realtime';
import { RelativeTime } from './RelativeTime';
import styles from './NotificationItem.module.css';

export interface NotificationItemProps {
  notification: NotificationDTO;
  onRead?: (id: string) => void;
  /** Called after following the notification's link (e.g. to close the popover). */
  onOpen?: () => void;
  compact?: boolean;
}

/** One notification: text, time, unread marker, link and "mark read". */
export function NotificationItem({
  notification: n,
  onRead,
  onOpen,
  compact,
}: NotificationItemProps) {
  const { t, i18n } = useTranslation('notifications');
  const { title, body } = notificationText(t, n, i18n.language);
  const unread = !n.readAt;
  const open = () => {
    if (unread) onRead?.(n.id);
    onOpen?.();
  };
  return (
    <div
      className={`${styles.item} ${unread ? styles.unread : ''} ${compact ? styles.compact : ''}`}
    >
      <span className={styles.dot} aria-hidden="true" />
      <div className={styles.content}>
        <p className={styles.title}>
          {unread ? <span className="visually-hidden">{t('unreadPrefix')} </span> : null}
          {n.link ? (
            <Link to={safeReturnTo(n.link)} onClick={open} className={styles.link}>
              {title}
            </Link>
          ) : (
            title
          )}
        </p>
        {body ? <p className={styles.body}>{body}</p> : null}
        <p className={styles.meta}>
          <RelativeTime iso={n.createdAt} />
          {n.kind === 'system.notice' && n.params.from ? (
            <span> · {t('from', { name: String(n.params.from) })}</span>
          ) : null}
        </p>
      </div>
      {unread && onRead && n.abilities?.markRead !== false ? (
        <button
          type="button"
          className={styles.markRead}
          onClick={() => onRead(n.id)}
          aria-label={t('markReadOne', { title })}
        >
          {t('markRead')}
        </button>
      ) : null}
    </div>
  );
}

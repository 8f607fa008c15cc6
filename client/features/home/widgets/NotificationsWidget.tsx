import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLatestNotifications, useMarkRead } from '../../notifications/queries';
import { NotificationItem } from '../../notifications/NotificationItem';
import styles from './widgets.module.css';

/** The five latest notifications (kept live by the socket like the bell). */
export function NotificationsWidget() {
  const { t } = useTranslation('home');
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  if (latest.isPending) return <Spinner />;
  if (latest.isError) return <ErrorMessage error={latest.error} />;
  const items = latest.data.slice(0, 5);
  return (
    <div className={styles.stack}>
      {items.length === 0 ? (
        <p className={styles.muted}>{t('widgets.notifications.empty')}</p>
      ) : (
        <ul className={styles.flush}>
          {items.map((n) => (
            <li key={n.id}>
              <NotificationItem notification={n} compact onRead={(id) => markRead.mutate([id])} />
            </li>
          ))}
        </ul>
      )}
      <Link to="/notifications" className={styles.more}>
        {t('widgets.notifications.all')}
      </Link>
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unreadQuery } from './unread-query';
import styles from './ChatNavBadge.module.css';

/** Unread count next to "Chat" in the main navigation (nothing until the count is known). */
export function ChatNavBadge() {
  const { t } = useTranslation('common');
  const { data } = useQuery(unreadQuery());
  const total = data?.total ?? 0;
  if (total <= 0) return null;
  return (
    <>
      <span className={styles.badge} aria-hidden="true">
        {total > 99 ? '99+' : total}
      </span>
      <span className="visually-hidden">, {t('nav.chatUnread', { count: total })}</span>
    </>
  );
}

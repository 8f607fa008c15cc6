import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { inboxCountQuery } from './inbox-count-query';
import styles from '../chat/ChatNavBadge.module.css';

/** Requests waiting for my decision, next to "Urlaub" (nothing for people who decide nothing). */
export function LeaveNavBadge() {
  const { t } = useTranslation('common');
  const { data } = useQuery(inboxCountQuery());
  const count = data ?? 0;
  if (count <= 0) return null;
  return (
    <>
      <span className={styles.badge} aria-hidden="true">
        {count > 99 ? '99+' : count}
      </span>
      <span className="visually-hidden">, {t('nav.leaveInbox', { count })}</span>
    </>
  );
}

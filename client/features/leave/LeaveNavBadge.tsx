import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { inboxCountQuery } from './inbox-count-query';
import { CountBadge } from '../../components/CountBadge';

/** Requests waiting for my decision, next to "Urlaub" (nothing for people who decide nothing). */
export function LeaveNavBadge() {
  const { t } = useTranslation('common');
  const { data } = useQuery(inboxCountQuery());
  const count = data ?? 0;
  return <CountBadge count={count} label={t('nav.leaveInbox', { count })} />;
}

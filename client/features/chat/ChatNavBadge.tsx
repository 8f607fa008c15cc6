import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unreadQuery } from './unread-query';
import { CountBadge } from '../../components/CountBadge';

/** Unread count next to "Chat" in the main navigation (nothing until the count is known). */
export function ChatNavBadge() {
  const { t } = useTranslation('common');
  const { data } = useQuery(unreadQuery());
  const total = data?.total ?? 0;
  return <CountBadge count={total} label={t('nav.chatUnread', { count: total })} />;
}

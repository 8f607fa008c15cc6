import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unreadQuery } from '../../chat/unread-query';
import { useBoardData } from '../queries';
import styles from './widgets.module.css';

/**
 * "My chats": unread total and the newest conversations with unread messages. The board brings
 * the first state; the chat's unread query (kept live by the socket) takes over from there.
 */
export function ChatsWidget() {
  const { t } = useTranslation('home');
  const board = useBoardData('chats');
  const live = useQuery({ ...unreadQuery(), initialData: board.data, enabled: !!board.data });
  const summary = live.data ?? board.data;
  const items = summary?.conversations ?? [];
  return (
    <div className={styles.stack}>
      {summary && summary.total > 0 ? (
        <p className={styles.muted}>{t('widgets.chats.total', { count: summary.total })}</p>
      ) : (
        <p className={styles.muted}>{t('widgets.chats.empty')}</p>
      )}
      {items.length > 0 ? (
        <ul className={styles.links}>
          {items.map((c) => (
            <li key={c.id}>
              <Link to={`/chat/${c.id}`} className={styles.link}>
                <span>{c.name}</span>
                <span>{t('widgets.chats.unread', { count: c.unread })}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Link to="/chat" className={styles.more}>
        {t('widgets.chats.all')}
      </Link>
    </div>
  );
}

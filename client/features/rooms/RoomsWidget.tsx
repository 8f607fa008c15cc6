import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoomsWidgetDTO } from '@shared/rooms/types';
import { RoomImage, UnreadBadge } from './components/RoomBits';
import widgets from '../home/widgets/widgets.module.css';
import styles from './rooms.module.css';

/**
 * "Meine Räume" on the start page: my rooms with unread activity first, and join requests waiting
 * for me. The board brings `data` in its one round trip (the registry passes it in).
 */
export function RoomsWidget({ data }: { data: RoomsWidgetDTO | undefined }) {
  const { t } = useTranslation('rooms');
  if (!data) return null;
  const more = data.total - data.rooms.length;
  return (
    <div className={widgets.stack}>
      {data.pendingRequests > 0 ? (
        <Link to="/rooms" className={widgets.more}>
          {t('widget.requests', { count: data.pendingRequests })}
        </Link>
      ) : null}
      {data.rooms.length === 0 ? <p className={widgets.muted}>{t('widget.empty')}</p> : null}
      {data.rooms.length > 0 ? (
        <ul className={styles.widgetList}>
          {data.rooms.map((room) => (
            <li key={room.id}>
              <Link to={`/rooms/${room.id}`} className={styles.widgetLink}>
                <RoomImage name={room.name} url={room.imageUrl} size="small" />
                <span className={styles.widgetName}>{room.name}</span>
                {room.archived ? <span className={styles.tag}>{t('card.archived')}</span> : null}
                <UnreadBadge count={room.unread} />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {more > 0 ? <p className={widgets.muted}>{t('widget.more', { count: more })}</p> : null}
      <Link to="/rooms" className={widgets.more}>
        {t('widget.all')}
      </Link>
    </div>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoomsWidgetDTO } from '@shared/rooms/types';
import { RoomImage } from './components/RoomBits';
import widgets from '../home/widgets/widgets.module.css';
import styles from './rooms.module.css';
import { useBoardData } from '../home/queries';

/**
 * "Meine Räume" on the start page: my rooms with unread activity first, and join requests waiting
 * for me. The board brings `data` in its one round trip (the registry passes it in). Texts live in
 * the start page's namespace `home` (`widgets.rooms.*`), so the board needs no other namespace.
 */
export function RoomsWidget({ data }: { data: RoomsWidgetDTO | undefined }) {
  const { t } = useTranslation('home');
  if (!data) return null;
  const more = data.total - data.rooms.length;
  return (
    <div className={widgets.stack}>
      {data.pendingRequests > 0 ? (
        <Link to="/rooms" className={widgets.more}>
          {t('widgets.rooms.requests', { count: data.pendingRequests })}
        </Link>
      ) : null}
      {data.rooms.length === 0 ? (
        <p className={widgets.muted}>{t('widgets.rooms.empty')}</p>
      ) : (
        <ul className={styles.widgetList}>
          {data.rooms.map((room) => (
            <li key={room.id}>
              <Link to={`/rooms/${room.id}`} className={styles.widgetLink}>
                <RoomImage name={room.name} url={room.imageUrl} size="small" />
                <span className={styles.widgetName}>{room.name}</span>
                {room.archived ? (
                  <span className={styles.tag}>{t('widgets.rooms.archived')}</span>
                ) : null}
                {room.unread > 0 ? (
                  <>
                    <span className={styles.badge} aria-hidden="true">
                      {t('widgets.rooms.unread', { count: room.unread })}
                    </span>
                    <span className="visually-hidden">
                      , {t('widgets.rooms.unreadLong', { count: room.unread })}
                    </span>
                  </>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? (
        <p className={widgets.muted}>{t('widgets.rooms.more', { count: more })}</p>
      ) : null}
      <Link to="/rooms" className={widgets.more}>
        {t('widgets.rooms.all')}
      </Link>
    </div>
  );
}

/** The board's registry entry: the data comes from the board's one round trip. */
export function RoomsBoardWidget() {
  return <RoomsWidget data={useBoardData('rooms').data} />;
}

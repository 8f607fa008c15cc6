import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoomSummaryDTO } from '@shared/rooms/types';
import { RoomImage, UnreadBadge, VisibilityLabel } from './RoomBits';
import styles from '../rooms.module.css';

/** One room in a list: image or initials, name (link), visibility, members, unread, state. */
export function RoomCard({ room, actions }: { room: RoomSummaryDTO; actions?: ReactNode }) {
  const { t } = useTranslation('rooms');
  return (
    <article className={styles.card} aria-labelledby={`room-${room.id}`}>
      <div className={styles.cardHead}>
        <RoomImage name={room.name} url={room.imageUrl} />
        <div className={styles.stack} style={{ gap: '0.25rem' }}>
          {/* Cards sit right under the page's h1 (the tabs are no headings). */}
          <h2 className={styles.cardTitle} id={`room-${room.id}`}>
            <Link to={`/rooms/${room.id}`}>{room.name}</Link>
          </h2>
          <div className={styles.row}>
            <UnreadBadge count={room.unread} />
            {room.archived ? <span className={styles.tag}>{t('card.archived')}</span> : null}
            {room.requestPending ? <span className={styles.tag}>{t('card.pending')}</span> : null}
          </div>
        </div>
      </div>
      {room.description ? <p className={styles.cardText}>{room.description}</p> : null}
      <ul className={styles.meta}>
        <li>
          <VisibilityLabel visibility={room.visibility} />
        </li>
        <li>{t('card.members', { count: room.memberCount })}</li>
        <li>{t(`templates.${room.template}.name`)}</li>
        {room.myRole && room.myRole !== 'member' ? <li>{t(`roles.${room.myRole}`)}</li> : null}
      </ul>
      {actions ? <div className={styles.cardActions}>{actions}</div> : null}
    </article>
  );
}

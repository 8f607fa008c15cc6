import { useTranslation } from 'react-i18next';
import type { RoomVisibility } from '@shared/rooms/schemas';
import styles from '../rooms.module.css';

/** Up to two initials of a room name ("Digitale Akte" → "DA"). */
export function roomInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1 ? [words[0]![0], words[1]![0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

/** The room's image, or its initials on a tinted square (decorative: the name is next to it). */
export function RoomImage({
  name,
  url,
  size = 'medium',
  alt = '',
}: {
  name: string;
  url: string | null;
  size?: 'small' | 'medium' | 'large';
  /** Empty when the name is written beside the image. */
  alt?: string;
}) {
  const cls = `${styles.image} ${size === 'large' ? styles.imageLarge : size === 'small' ? styles.small : ''}`;
  if (url) return <img src={url} alt={alt} className={cls} />;
  return (
    <span className={cls} aria-hidden="true">
      {roomInitials(name)}
    </span>
  );
}

const paths: Record<RoomVisibility, string[]> = {
  // globe
  open: [
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z',
    'M3 12h18',
    'M12 3a14 14 0 0 1 0 18 14 14 0 0 1 0-18',
  ],
  // lock
  closed: ['M6 11h12v10H6z', 'M8 11V7a4 4 0 0 1 8 0v4'],
  // eye crossed out
  secret: [
    'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z',
    'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z',
    'M3 3l18 18',
  ],
};

/** Icon + word: colour or shape alone never carries the meaning. */
export function VisibilityLabel({ visibility }: { visibility: RoomVisibility }) {
  const { t } = useTranslation('rooms');
  return (
    <span className={styles.row}>
      <svg
        viewBox="0 0 24 24"
        className={styles.icon}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        {paths[visibility].map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
      {t(`visibility.${visibility}`)}
    </span>
  );
}

/** "3 neu" for the eye, "3 neue Aktivitäten" for screen readers. */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation('rooms');
  if (count <= 0) return null;
  return (
    <>
      <span className={styles.badge} aria-hidden="true">
        {t('card.unread', { count: count > 99 ? 99 : count })}
        {count > 99 ? '+' : ''}
      </span>
      <span className="visually-hidden">{t('card.unreadLong', { count })}</span>
    </>
  );
}

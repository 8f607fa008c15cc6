import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LeaveRequestDTO } from '@shared/leave/types';
import { formatDays, formatRange, typeName } from '../format';
import { StatusBadge } from './StatusBadge';
import styles from '../leave.module.css';

/** Own requests, newest first: dates (link to the detail), type, days, state. */
export function RequestList({ requests }: { requests: LeaveRequestDTO[] }) {
  const { t, i18n } = useTranslation('leave');
  const lang = i18n.resolvedLanguage ?? 'de';
  return (
    <ul className={styles.list}>
      {requests.map((r) => (
        <li key={r.id} className={styles.item}>
          <div className={styles.itemMain}>
            <Link to={`/leave/requests/${r.id}`} className={styles.itemLink}>
              {formatRange(r.from, r.to, lang)}
            </Link>
            <span className={styles.muted}>
              {typeName(r.type, lang)}
              {' · '}
              {t('days', { count: r.days, days: formatDays(r.days, lang) })}
            </span>
          </div>
          <StatusBadge status={r.status} />
        </li>
      ))}
    </ul>
  );
}

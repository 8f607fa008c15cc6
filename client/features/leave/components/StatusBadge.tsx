import { useTranslation } from 'react-i18next';
import type { LeaveStatus } from '@shared/leave/schemas';
import styles from '../leave.module.css';

/** A request's state as text with a colour (the text carries the meaning, not the colour). */
export function StatusBadge({ status }: { status: LeaveStatus }) {
  const { t } = useTranslation('leave');
  return (
    <span className={`${styles.badge} ${styles[`status_${status}`] ?? ''}`}>
      {t(`status.${status}`)}
    </span>
  );
}

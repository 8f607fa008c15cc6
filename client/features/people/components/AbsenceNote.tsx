import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AbsenceDTO } from '@shared/leave/types';
import { formatDay } from '../../leave/format';
import styles from '../people.module.css';

/**
 * Hand-over during approved leave: "Im Urlaub bis … · Vertretung: <deputy>". Plain text, read
 * in one go by screen readers (the middle dot is decoration; a comma is spoken instead).
 */
export function AbsenceNote({ absence, compact }: { absence: AbsenceDTO; compact?: boolean }) {
  const { t, i18n } = useTranslation('people');
  const date = formatDay(absence.until, i18n.language, !compact);
  return (
    <p className={compact ? styles.absenceCompact : styles.absence} data-testid="absence">
      <strong>{t('absence.until', { date })}</strong>
      {absence.deputy ? (
        <>
          <span aria-hidden="true"> · </span>
          <span className="visually-hidden">, </span>
          {t('absence.deputy')}:{' '}
          <Link to={`/people/${absence.deputy.id}`}>{absence.deputy.displayName}</Link>
        </>
      ) : null}
    </p>
  );
}

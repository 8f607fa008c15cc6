import { useTranslation } from 'react-i18next';
import type { RegistrationDTO, SessionDTO } from '@shared/learning/types';
import { dayText, formatDateTime, statusText, statusTone } from '../format';
import styles from '../trainings.module.css';

/** The registration's status as a pill (words, not colour alone). */
export function StatusPill({
  registration,
}: {
  registration: Pick<RegistrationDTO, 'status' | 'waitlistPosition' | 'history'>;
}) {
  const { t } = useTranslation('learningTrainings');
  return (
    <span className={`${styles.pill} ${styles[statusTone(registration.status)]}`}>
      {statusText(registration, t)}
    </span>
  );
}

/** "Verlauf": every step with who, when and why, in a disclosure. */
export function HistoryDisclosure({ registration }: { registration: RegistrationDTO }) {
  const { t, i18n } = useTranslation('learningTrainings');
  if (registration.history.length === 0) return null;
  return (
    <details className={styles.disclosure}>
      <summary>{t('history.show', { count: registration.history.length })}</summary>
      <ol className={styles.history}>
        {registration.history.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <time dateTime={h.at}>{formatDateTime(h.at, i18n.language)}</time>:{' '}
            {t(`history.action.${h.action}`, { defaultValue: t(`status.${h.to}`) })}
            {h.actor ? ` – ${h.actor.displayName}` : ''}
            {h.reason ? ` („${h.reason}“)` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The "Termin"/"Termine" row of a facts list: every day of the session with its times. */
export function SessionDaysFact({ days }: { days: SessionDTO['days'] }) {
  const { t, i18n } = useTranslation('learningTrainings');
  return (
    <div>
      <dt>{days.length > 1 ? t('sessions.days') : t('sessions.day')}</dt>
      <dd>
        <ul className={styles.days}>
          {days.map((d) => (
            <li key={`${d.date}-${d.start}`}>{dayText(d, i18n.language, t)}</li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

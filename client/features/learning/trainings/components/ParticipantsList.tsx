import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../../components/Spinner';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { useParticipants } from '../queries';
import { StatusPill } from './RegistrationBits';
import styles from '../trainings.module.css';

/** Who takes part (confirmed), who waits (in waiting-list order) and who is still pending. */
export function ParticipantsList({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('learningTrainings');
  const q = useParticipants(sessionId);
  if (q.isPending) return <Spinner label={t('participants.loading')} />;
  if (q.isError) return <ErrorMessage error={q.error} />;
  const confirmed = q.data.filter((r) => r.status === 'confirmed');
  const waiting = q.data
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const pending = q.data.filter((r) => r.status === 'pending_manager' || r.status === 'pending_hr');
  return (
    <div className={styles.tight}>
      <h4>{t('participants.confirmed', { count: confirmed.length })}</h4>
      {confirmed.length === 0 ? (
        <p className={styles.muted}>{t('participants.none')}</p>
      ) : (
        <ul className={styles.people}>
          {confirmed.map((r) => (
            <li key={r.id}>{r.person.displayName}</li>
          ))}
        </ul>
      )}
      {waiting.length > 0 ? (
        <>
          <h4>{t('participants.waitlist', { count: waiting.length })}</h4>
          <ol className={styles.people}>
            {waiting.map((r) => (
              <li key={r.id}>{r.person.displayName}</li>
            ))}
          </ol>
        </>
      ) : null}
      {pending.length > 0 ? (
        <>
          <h4>{t('participants.pending', { count: pending.length })}</h4>
          <ul className={styles.people}>
            {pending.map((r) => (
              <li key={r.id}>
                {r.person.displayName} <StatusPill registration={r} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

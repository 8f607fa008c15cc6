import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationDTO } from '@shared/learning/types';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { useCancelRegistration, useMyRegistrations } from './queries';
import { ConfirmDialog } from './components/ConfirmDialog';
import { RegistrationCard } from './components/RegistrationCard';
import styles from './trainings.module.css';

const activeStatuses = new Set(['pending_manager', 'pending_hr', 'confirmed', 'waitlisted']);
const lastDay = (r: RegistrationDTO) => r.days[r.days.length - 1]?.date ?? '';

/**
 * "Meine Anmeldungen" (on /learning/mine): current registrations first (by first day), then the
 * ended ones; each with status, history and withdraw (pending) or cancel (confirmed, waitlisted).
 */
export function MyRegistrations() {
  const { t } = useTranslation('learningTrainings');
  const q = useMyRegistrations();
  const cancel = useCancelRegistration();
  const [leaving, setLeaving] = useState<RegistrationDTO | null>(null);
  const [showEnded, setShowEnded] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const all = q.data ?? [];
  const current = all
    .filter((r) => activeStatuses.has(r.status) && lastDay(r) >= today)
    .sort((a, b) => (a.days[0]?.date ?? '').localeCompare(b.days[0]?.date ?? ''));
  const ended = all
    .filter((r) => !current.includes(r))
    .sort((a, b) => lastDay(b).localeCompare(lastDay(a)));
  const pending = leaving?.status === 'pending_manager' || leaving?.status === 'pending_hr';

  return (
    <section className={styles.stack} aria-labelledby="learning-my-registrations">
      <h2 id="learning-my-registrations">{t('mine.title')}</h2>
      {q.isPending ? (
        <Spinner label={t('mine.loading')} />
      ) : q.isError ? (
        <ErrorMessage error={q.error}>
          <Button size="small" onPress={() => void q.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorMessage>
      ) : all.length === 0 ? (
        <p className={styles.muted}>{t('mine.empty')}</p>
      ) : (
        <>
          {current.length === 0 ? (
            <p className={styles.muted}>{t('mine.noCurrent')}</p>
          ) : (
            <ul className={styles.list}>
              {current.map((r) => (
                <RegistrationCard key={r.id} registration={r} onCancel={() => setLeaving(r)} />
              ))}
            </ul>
          )}
          {ended.length > 0 ? (
            <div className={styles.tight}>
              <Button
                variant="tertiary"
                size="small"
                aria-expanded={showEnded}
                aria-controls="learning-ended-registrations"
                onPress={() => setShowEnded((v) => !v)}
              >
                {showEnded ? t('mine.hideEnded') : t('mine.showEnded', { count: ended.length })}
              </Button>
              <div id="learning-ended-registrations" hidden={!showEnded}>
                {showEnded ? (
                  <ul className={styles.list}>
                    {ended.map((r) => (
                      <RegistrationCard key={r.id} registration={r} />
                    ))}
                  </ul>
                ) : null}
              </div>
            </div>
          ) : null}
        </>
      )}
      <ConfirmDialog
        isOpen={leaving !== null}
        title={pending ? t('unregister.withdrawTitle') : t('unregister.title')}
        message={
          leaving?.status === 'confirmed'
            ? t('unregister.confirmedMessage')
            : pending
              ? t('unregister.pendingMessage')
              : t('unregister.waitlistMessage')
        }
        confirmLabel={pending ? t('unregister.withdraw') : t('unregister.submit')}
        onClose={() => setLeaving(null)}
        onConfirm={async () => {
          if (!leaving) return;
          await cancel.mutateAsync({ id: leaving.id, rev: leaving.rev });
          announce(t('unregister.done'));
        }}
      />
    </section>
  );
}

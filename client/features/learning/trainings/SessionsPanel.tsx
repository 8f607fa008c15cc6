import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDTO, SessionDTO } from '@shared/learning/types';
import type { PersonRef } from '@shared/people/types';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import {
  useCancelRegistration,
  useCancelSession,
  useCreateSession,
  useRegister,
  useSessions,
  useUpdateSession,
} from './queries';
import { RegisterDialog } from './components/RegisterDialog';
import { ConfirmDialog } from './components/ConfirmDialog';
import { SessionFormDialog } from './components/SessionFormDialog';
import { SessionCard } from './components/SessionCard';
import { statusText } from './format';
import styles from './trainings.module.css';

/** My manager, when the server tells (optional field; undefined: the dialog names no one). */
const approverOf = (s: SessionDTO): PersonRef | null | undefined => s.myApprover;

/**
 * "Termine" of a training: upcoming sessions with seats and my status, registering and
 * unregistering; for trainers and HR adding, editing and cancelling sessions and the participants.
 */
export default function SessionsPanel({ course }: { course: CourseDTO }) {
  const { t } = useTranslation('learningTrainings');
  const sessions = useSessions(course.id);
  const register = useRegister(course.id);
  const unregister = useCancelRegistration();
  const create = useCreateSession(course.id);
  const update = useUpdateSession(course.id);
  const cancel = useCancelSession(course.id);
  const [registering, setRegistering] = useState<SessionDTO | null>(null);
  const [leaving, setLeaving] = useState<SessionDTO | null>(null);
  const [editing, setEditing] = useState<SessionDTO | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<SessionDTO | null>(null);
  const canManage = course.abilities.manageSessions;
  const list = [...(sessions.data ?? [])].sort((a, b) =>
    (a.days[0]?.date ?? '').localeCompare(b.days[0]?.date ?? ''),
  );
  const leavingConfirmed = leaving?.myRegistration?.status === 'confirmed';
  const leavingPending =
    leaving?.myRegistration?.status === 'pending_manager' ||
    leaving?.myRegistration?.status === 'pending_hr';

  return (
    <section className={styles.stack} aria-labelledby="learning-sessions-h">
      <div className={styles.head}>
        <h2 id="learning-sessions-h">{t('sessions.title')}</h2>
        {canManage ? (
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('sessions.add')}
          </Button>
        ) : null}
      </div>
      {sessions.isPending ? (
        <Spinner label={t('sessions.loading')} />
      ) : sessions.isError ? (
        <ErrorMessage error={sessions.error}>
          <Button size="small" onPress={() => void sessions.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorMessage>
      ) : list.length === 0 ? (
        <EmptyState title={t('sessions.empty')}>
          {canManage ? t('sessions.emptyManage') : t('sessions.emptyLearner')}
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {list.map((s) => (
            <SessionCard
              key={s.id}
              session={s}
              onRegister={() => setRegistering(s)}
              onUnregister={() => setLeaving(s)}
              onEdit={() => setEditing(s)}
              onCancel={() => setCancelling(s)}
            />
          ))}
        </ul>
      )}

      <RegisterDialog
        session={registering}
        approver={registering ? approverOf(registering) : undefined}
        onClose={() => setRegistering(null)}
        onSubmit={(input) => register.mutateAsync({ sessionId: registering?.id ?? '', ...input })}
        onRegistered={(r) => announce(t('register.done', { status: statusText(r, t) }))}
      />
      <ConfirmDialog
        isOpen={leaving !== null}
        title={leavingPending ? t('unregister.withdrawTitle') : t('unregister.title')}
        message={
          leavingConfirmed
            ? t('unregister.confirmedMessage')
            : leavingPending
              ? t('unregister.pendingMessage')
              : t('unregister.waitlistMessage')
        }
        confirmLabel={leavingPending ? t('unregister.withdraw') : t('unregister.submit')}
        onClose={() => setLeaving(null)}
        onConfirm={async () => {
          const r = leaving?.myRegistration;
          if (!r) return;
          await unregister.mutateAsync({ id: r.id, rev: r.rev });
          announce(t('unregister.done'));
        }}
      />
      <SessionFormDialog
        target={editing}
        onClose={() => setEditing(null)}
        onSave={(fields, session, clientId) =>
          session
            ? update.mutateAsync({ id: session.id, input: { ...fields, rev: session.rev } })
            : create.mutateAsync({ ...fields, clientId })
        }
      />
      <ConfirmDialog
        isOpen={cancelling !== null}
        title={t('cancelSession.title')}
        message={t('cancelSession.message', {
          count: (cancelling?.taken ?? 0) + (cancelling?.waitlisted ?? 0),
        })}
        confirmLabel={t('cancelSession.submit')}
        reason={{ label: t('cancelSession.reason'), required: true }}
        onClose={() => setCancelling(null)}
        onConfirm={async (reason) => {
          if (!cancelling) return;
          await cancel.mutateAsync({ id: cancelling.id, rev: cancelling.rev, reason });
          announce(t('cancelSession.done'));
        }}
      />
    </section>
  );
}

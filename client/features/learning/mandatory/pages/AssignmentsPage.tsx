import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssignmentDTO } from '@shared/learning/types';
import { Page } from '../../../../components/Page';
import { Button } from '../../../../components/Button';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Spinner } from '../../../../components/Spinner';
import { ApiError } from '../../../../lib/api';
import { announce } from '../../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../trainings/components/ConfirmDialog';
import { formatDate } from '../../trainings/format';
import { useAssignments, useCreateAssignment, useUpdateAssignment } from '../queries';
import { AssignmentFormDialog } from '../components/AssignmentFormDialog';
import { TotalsBar } from '../components/TotalsBar';
import styles from '../../trainings/trainings.module.css';

/** "Pflichtschulungen" (HR): assignments with their totals; create, change the deadline, end. */
export function AssignmentsPage() {
  const { t, i18n } = useTranslation('learningTrainings');
  const lang = i18n.language;
  const q = useAssignments();
  const create = useCreateAssignment();
  const update = useUpdateAssignment();
  const [editing, setEditing] = useState<AssignmentDTO | 'new' | null>(null);
  const [ending, setEnding] = useState<AssignmentDTO | null>(null);
  // Not HR (someone followed a link): a plain "no access" note, no retry, no create button.
  const denied = q.error instanceof ApiError && q.error.status === 403;
  const list = [...(q.data ?? [])].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.deadline.localeCompare(b.deadline),
  );
  return (
    <Page
      title={t('assignments.title')}
      description={t('assignments.description')}
      actions={
        denied ? undefined : (
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('assignments.new')}
          </Button>
        )
      }
    >
      {q.isPending ? (
        <Spinner label={t('assignments.loading')} />
      ) : denied ? (
        <EmptyState title={t('common.noAccess')}>{t('assignments.noAccessHint')}</EmptyState>
      ) : q.isError ? (
        <ErrorMessage error={q.error}>
          <Button size="small" onPress={() => void q.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorMessage>
      ) : list.length === 0 ? (
        <EmptyState title={t('assignments.empty')}>{t('assignments.emptyHint')}</EmptyState>
      ) : (
        <ul className={styles.list}>
          {list.map((a) => (
            <li key={a.id} className={`${styles.card} ${a.active ? '' : styles.cancelledCard}`}>
              <div className={styles.head}>
                <h2 className={styles.cardTitle}>
                  <Link to={`/learning/courses/${encodeURIComponent(a.course.id)}`}>
                    {a.course.title}
                  </Link>
                </h2>
                <span className={`${styles.pill} ${a.active ? styles.neutral : styles.bad}`}>
                  {a.active
                    ? t('assignments.deadlineValue', { date: formatDate(a.deadline, lang) })
                    : t('assignments.ended')}
                </span>
              </div>
              <TotalsBar totals={a.totals} />
              <p className={styles.muted}>
                {t('assignments.remindersValue', {
                  days: a.reminderDays.join(', ') || '–',
                })}
                {a.note ? ` · ${a.note}` : ''}
              </p>
              <div className={styles.row}>
                <Link to={`/learning/compliance?assignmentId=${encodeURIComponent(a.id)}`}>
                  {t('assignments.toCompliance')}
                </Link>
                {a.abilities.edit && a.active ? (
                  <>
                    <Button
                      size="small"
                      aria-label={t('assignments.editFor', { title: a.course.title })}
                      onPress={() => setEditing(a)}
                    >
                      {t('assignments.edit')}
                    </Button>
                    <Button
                      size="small"
                      variant="danger"
                      aria-label={t('assignments.endFor', { title: a.course.title })}
                      onPress={() => setEnding(a)}
                    >
                      {t('assignments.end')}
                    </Button>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <AssignmentFormDialog
        target={editing}
        onClose={() => setEditing(null)}
        onCreate={async (fields, clientId) => {
          await create.mutateAsync({ ...fields, clientId });
          announce(t('assignments.created'));
        }}
        onUpdate={async (a, fields) => {
          await update.mutateAsync({ id: a.id, input: { ...fields, rev: a.rev } });
          announce(t('assignments.saved'));
        }}
      />
      <ConfirmDialog
        isOpen={ending !== null}
        title={t('assignments.endTitle')}
        message={t('assignments.endMessage', { title: ending?.course.title ?? '' })}
        confirmLabel={t('assignments.end')}
        onClose={() => setEnding(null)}
        onConfirm={async () => {
          if (!ending) return;
          await update.mutateAsync({ id: ending.id, input: { rev: ending.rev, active: false } });
          announce(t('assignments.endedDone'));
        }}
      />
    </Page>
  );
}

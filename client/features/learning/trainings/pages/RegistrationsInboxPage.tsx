import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Key } from 'react-aria-components';
import type { RegistrationDTO } from '@shared/learning/types';
import { Page } from '../../../../components/Page';
import { Tab, TabList, TabPanel, Tabs } from '../../../../components/Tabs';
import { Button } from '../../../../components/Button';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Spinner } from '../../../../components/Spinner';
import { announce } from '../../../../components/LiveAnnouncer';
import { ApiError } from '../../../../lib/api';
import { FormDialog } from '../../../people/components/FormDialog';
import { useDecide, useInbox } from '../queries';
import { DecisionForm, type Decision } from '../components/DecisionForm';
import { DecidedCard } from '../components/DecidedCard';
import { LoadMore } from '../components/LoadMore';
import { RegistrationCard } from '../components/RegistrationCard';
import { formatDate } from '../format';
import styles from '../trainings.module.css';

type InboxState = 'open' | 'decided';

/**
 * "Anmeldungen entscheiden": tab "Offen" — a manager's people (the manager step) and, for HR, the
 * HR step; tab "Entschieden" — what was decided (HR: all; managers: their people), newest first.
 * Both page with "Mehr laden". Live: C1's realtime invalidates `learningKeys.decide()` (both lists
 * hang under it) on `learning:registrations`.
 */
export function RegistrationsInboxPage() {
  const { t } = useTranslation('learningTrainings');
  const [params, setParams] = useSearchParams();
  const state: InboxState = params.get('state') === 'decided' ? 'decided' : 'open';
  return (
    <Page title={t('inbox.title')} description={t('inbox.description')}>
      <Tabs
        selectedKey={state}
        onSelectionChange={(k: Key) =>
          setParams(k === 'decided' ? { state: 'decided' } : {}, { replace: true })
        }
      >
        <TabList aria-label={t('inbox.tabsLabel')}>
          <Tab id="open">{t('inbox.tabOpen')}</Tab>
          <Tab id="decided">{t('inbox.tabDecided')}</Tab>
        </TabList>
        <TabPanel id="open">
          <OpenList />
        </TabPanel>
        <TabPanel id="decided">
          <DecidedList />
        </TabPanel>
      </Tabs>
    </Page>
  );
}

function OpenList() {
  const { t, i18n } = useTranslation('learningTrainings');
  const list = useInbox('open');
  const decide = useDecide();
  const [open, setOpen] = useState<{ r: RegistrationDTO; decision: Decision } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const subject = (r: RegistrationDTO) =>
    `${r.person.displayName} – ${r.courseTitle}${r.days[0] ? `, ${formatDate(r.days[0].date, i18n.language)}` : ''}`;

  const submit = (reason: string) => {
    if (!open) return;
    const { r, decision } = open;
    decide.mutate(
      { id: r.id, rev: r.rev, decision, reason },
      {
        onSuccess: () => {
          setOpen(null);
          setNotice(null);
          announce(
            decision === 'approve'
              ? t('decide.approved', { subject: subject(r) })
              : t('decide.rejected', { subject: subject(r) }),
          );
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'invalid_transition') {
            // Someone else decided meanwhile: say so and show the current state.
            setOpen(null);
            setNotice(t('decide.alreadyDecidedFor', { subject: subject(r) }));
            announce(t('decide.alreadyDecided'));
            void list.refetch();
          }
        },
      },
    );
  };

  const items = list.data?.pages.flatMap((p) => p.data) ?? [];
  const managerStep = items.filter((r) => r.status === 'pending_manager');
  const hrStep = items.filter((r) => r.status === 'pending_hr');
  const rest = items.filter((r) => r.status !== 'pending_manager' && r.status !== 'pending_hr');

  const section = (title: string, rows: RegistrationDTO[], key: string) =>
    rows.length > 0 ? (
      <section className={styles.stack} aria-labelledby={`inbox-${key}`}>
        <h2 id={`inbox-${key}`}>{title}</h2>
        <ul className={styles.list}>
          {rows.map((r) => (
            <RegistrationCard
              key={r.id}
              registration={r}
              busy={decide.isPending}
              onDecide={(decision) => {
                decide.reset();
                setOpen({ r, decision });
              }}
            />
          ))}
        </ul>
      </section>
    ) : null;

  return (
    <div className={styles.stack}>
      {notice ? (
        <p role="status" className={`${styles.pill} ${styles.warn}`}>
          {notice}
        </p>
      ) : null}
      {list.isPending ? (
        <Spinner label={t('inbox.loading')} />
      ) : list.isError ? (
        <ErrorMessage error={list.error}>
          <Button size="small" onPress={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorMessage>
      ) : items.length === 0 ? (
        <EmptyState title={t('inbox.empty')}>{t('inbox.emptyHint')}</EmptyState>
      ) : (
        <>
          {section(t('inbox.managerStep', { count: managerStep.length }), managerStep, 'manager')}
          {section(t('inbox.hrStep', { count: hrStep.length }), hrStep, 'hr')}
          {section(t('inbox.other', { count: rest.length }), rest, 'other')}
          <LoadMore query={list} />
        </>
      )}
      <FormDialog
        title={open?.decision === 'reject' ? t('decide.rejectTitle') : t('decide.approveTitle')}
        isOpen={open !== null}
        onOpenChange={(o) => (o ? undefined : setOpen(null))}
      >
        {open ? (
          <DecisionForm
            key={`${open.r.id}-${open.decision}`}
            decision={open.decision}
            subject={subject(open.r)}
            onSubmit={submit}
            onClose={() => setOpen(null)}
            isPending={decide.isPending}
            error={decide.error}
          />
        ) : null}
      </FormDialog>
    </div>
  );
}

function DecidedList() {
  const { t } = useTranslation('learningTrainings');
  const list = useInbox('decided');
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className={styles.stack}>
      <h2 id="inbox-decided">{t('inbox.tabDecided')}</h2>
      <p className={styles.muted}>{t('inbox.decidedDescription')}</p>
      {list.isPending ? (
        <Spinner label={t('inbox.decidedLoading')} />
      ) : list.isError ? (
        <ErrorMessage error={list.error}>
          <Button size="small" onPress={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorMessage>
      ) : items.length === 0 ? (
        <EmptyState title={t('inbox.decidedEmpty')}>{t('inbox.decidedEmptyHint')}</EmptyState>
      ) : (
        <>
          <ul className={styles.list} aria-labelledby="inbox-decided">
            {items.map((r) => (
              <DecidedCard key={r.id} registration={r} />
            ))}
          </ul>
          <LoadMore query={list} />
        </>
      )}
    </div>
  );
}

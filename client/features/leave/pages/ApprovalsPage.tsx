import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LeaveRequestDTO } from '@shared/leave/types';
import { Page } from '../../../components/Page';
import { Button, LinkButton } from '../../../components/Button';
import { CheckboxField } from '../../../components/CheckboxField';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { useMe } from '../../auth/queries';
import { inboxQuery } from '../queries';
import { useDecide, useDecideMany } from '../hr-queries';
import {
  pruneSelection,
  rowResults,
  selectionAfter,
  toggleAll,
  type BulkOutcome,
} from './ApprovalsBulk';
import { ApprovalsItem, rangeText } from './ApprovalsItem';
import { ApprovalsDelegation } from './ApprovalsDelegation';
import { DecisionDialog } from './ApprovalsDecisionDialog';
import styles from '../components/hr/manage.module.css';
import own from './Approvals.module.css';

type Decision = 'approve' | 'reject';
type Pending = { decision: Decision; ids: string[]; single: boolean } | null;

/** `/leave/approvals` "Anträge zur Entscheidung": the decider's inbox with single and bulk decisions. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation(['leaveManage', 'errors']);
  const me = useMe();
  const inbox = useQuery(inboxQuery());
  const decide = useDecide();
  const decideMany = useDecideMany();
  const [rawSelected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Pending>(null);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);

  const requests = useMemo(() => inbox.data?.requests ?? [], [inbox.data]);
  const decidable = useMemo(
    () => requests.filter((r) => r.abilities.decide).map((r) => r.id),
    [requests],
  );
  // The list changes live (`leave:request`, `leave:inbox`): selections that left it do not count.
  const selected = useMemo(() => pruneSelection(rawSelected, decidable), [rawSelected, decidable]);
  const results = useMemo(() => (outcome ? rowResults(outcome) : new Map()), [outcome]);
  const byId = useMemo(() => new Map(requests.map((r) => [r.id, r])), [requests]);

  const allSelected = decidable.length > 0 && decidable.every((id) => selected.has(id));
  const someSelected = selected.size > 0 && !allSelected;

  const subjectOf = (ids: string[]) => {
    if (ids.length !== 1) return t('bulk.subject', { count: ids.length });
    const r = byId.get(ids[0]!);
    return r ? `${r.person.displayName}, ${rangeText(r, i18n.language, t)}` : '';
  };

  const closeDialog = () => {
    setDialog(null);
    decide.reset();
    decideMany.reset();
  };

  const submit = (comment: string) => {
    if (!dialog) return;
    const { decision, ids, single } = dialog;
    if (single) {
      const r = byId.get(ids[0]!);
      decide.mutate(
        { id: ids[0]!, decision, comment },
        {
          onSuccess: () => {
            setDialog(null);
            setOutcome(null);
            announce(
              t(decision === 'approve' ? 'decide.approvedOne' : 'decide.rejectedOne', {
                name: r?.person.displayName ?? '',
              }),
            );
            listHeading.current?.focus();
          },
        },
      );
      return;
    }
    decideMany.mutate(
      { ids, decision, comment },
      {
        onSuccess: (o) => {
          setDialog(null);
          setOutcome(o);
          setSelected(selectionAfter(o));
          announce(
            t(decision === 'approve' ? 'bulk.approvedSummary' : 'bulk.rejectedSummary', {
              ok: o.succeeded.length,
              failed: o.failed.length,
            }),
          );
          // The summary lists the failed rows and why; focus goes there.
          window.setTimeout(() => resultsRef.current?.focus(), 0);
        },
      },
    );
  };

  const toggle = (id: string, on: boolean) =>
    setSelected(() => {
      const next = new Set(selected);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const onToggleAll = () => {
    const next = toggleAll(selected, decidable);
    setSelected(next);
    announce(next.size ? t('bulk.allSelected', { count: next.size }) : t('bulk.noneSelected'));
  };

  const nameOf = (r: LeaveRequestDTO | undefined, id: string) => r?.person.displayName ?? id;
  const pendingMutation = dialog?.single ? decide : decideMany;

  return (
    <Page
      title={t('approvals.title')}
      description={t('approvals.description')}
      actions={
        <LinkButton href="/leave/calendar" variant="secondary">
          {t('approvals.toCalendar')}
        </LinkButton>
      }
    >
      <div className={styles.stack}>
        {me.isManager ? <ApprovalsDelegation /> : null}

        {outcome ? (
          <div
            ref={resultsRef}
            tabIndex={-1}
            className={`${styles.panel} ${own.results}`}
            aria-labelledby="leave-bulk-results"
            role="region"
          >
            <h2 id="leave-bulk-results">{t('bulk.resultsTitle')}</h2>
            <p className={styles.status}>
              {t('bulk.resultsLine', {
                ok: outcome.succeeded.length,
                failed: outcome.failed.length,
              })}
            </p>
            {outcome.failed.length ? (
              <ul>
                {outcome.failed.map((f) => (
                  <li key={f.id}>
                    {t('bulk.failedLine', {
                      name: nameOf(
                        byId.get(f.id) ?? outcome.updated.find((u) => u.id === f.id),
                        f.id,
                      ),
                      reason: t(`errors:${f.code}`, { defaultValue: t('errors:internal') }),
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className={styles.row}>
              <Button size="small" onPress={() => setOutcome(null)}>
                {t('bulk.dismiss')}
              </Button>
            </div>
          </div>
        ) : null}

        <h2 ref={listHeading} tabIndex={-1} className={own.listHeading}>
          {t('approvals.listTitle', { count: inbox.data?.count ?? 0 })}
        </h2>

        {inbox.isError ? <ErrorMessage error={inbox.error} /> : null}
        {inbox.isPending ? <Spinner /> : null}
        {inbox.isSuccess && requests.length === 0 ? (
          <EmptyState title={t('approvals.empty')}>{t('approvals.emptyText')}</EmptyState>
        ) : null}

        {decidable.length > 0 ? (
          <div className={own.bulkBar} role="group" aria-label={t('bulk.label')}>
            <CheckboxField
              isSelected={allSelected}
              isIndeterminate={someSelected}
              onChange={onToggleAll}
            >
              {t('bulk.selectAll', { count: decidable.length })}
            </CheckboxField>
            <span aria-live="polite" className={styles.status}>
              {t('bulk.selectedCount', { count: selected.size })}
            </span>
            <Button
              variant="primary"
              size="small"
              isDisabled={selected.size === 0 || decideMany.isPending}
              onPress={() => setDialog({ decision: 'approve', ids: [...selected], single: false })}
            >
              {t('bulk.approve', { count: selected.size })}
            </Button>
            <Button
              size="small"
              isDisabled={selected.size === 0 || decideMany.isPending}
              onPress={() => setDialog({ decision: 'reject', ids: [...selected], single: false })}
            >
              {t('bulk.reject', { count: selected.size })}
            </Button>
          </div>
        ) : null}

        {requests.length > 0 ? (
          <ul className={own.list} aria-label={t('approvals.listLabel')}>
            {requests.map((r) => (
              <ApprovalsItem
                key={r.id}
                request={r}
                extra={inbox.data?.extras?.[r.id]}
                selected={selected.has(r.id)}
                onSelect={(on) => toggle(r.id, on)}
                onDecide={(decision) => setDialog({ decision, ids: [r.id], single: true })}
                result={results.get(r.id)}
                busy={decide.isPending || decideMany.isPending}
              />
            ))}
          </ul>
        ) : null}
      </div>

      <DecisionDialog
        decision={dialog?.decision ?? null}
        subject={dialog ? subjectOf(dialog.ids) : ''}
        onClose={closeDialog}
        onSubmit={submit}
        isPending={pendingMutation.isPending}
        error={pendingMutation.error}
      />
    </Page>
  );
}

import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDTO } from '@shared/audit/types';
import type { PersonRef } from '@shared/people/types';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { SelectField } from '../../../components/SelectField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { PersonPicker } from '../../people/components/PersonPicker';
import { useAuditLog } from '../queries';
import type { AuditFilters } from '../api';
import { AdminBreadcrumb, AdminGuard } from '../components/AdminGuard';
import styles from '../admin.module.css';

const ALL = 'all';
const outcomeClass = { success: styles.ok, failure: styles.bad, denied: styles.bad } as const;

function Subject({ entry }: { entry: AuditEntryDTO }) {
  if (!entry.subjectType && !entry.subjectId) return <>–</>;
  if (entry.subjectType === 'person' && entry.subjectId)
    return (
      <Link to={`/people/${entry.subjectId}`}>{`${entry.subjectType} ${entry.subjectId}`}</Link>
    );
  return (
    <span className={styles.mono}>
      {[entry.subjectType, entry.subjectId].filter(Boolean).join(' ')}
    </span>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation('admin');
  const [action, setAction] = useState('');
  const [actor, setActor] = useState<PersonRef | null>(null);
  const [outcome, setOutcome] = useState<string>(ALL);
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.data) ?? [], [log.data]);
  const time = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'de', {
        dateStyle: 'medium',
        timeStyle: 'medium',
      }),
    [i18n.resolvedLanguage],
  );

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({
      action: action.trim() || undefined,
      actorId: actor?.id,
      outcome: outcome === ALL ? undefined : (outcome as AuditFilters['outcome']),
    });
  };
  const reset = () => {
    setAction('');
    setActor(null);
    setOutcome(ALL);
    setFilters({});
  };

  return (
    <Page title={t('audit.title')} description={t('audit.description')}>
      <AdminBreadcrumb current={t('audit.title')} />
      <form
        className={`${styles.panel} ${styles.filters}`}
        onSubmit={apply}
        aria-label={t('audit.title')}
      >
        <TextField
          label={t('audit.actionLabel')}
          description={t('audit.actionHint')}
          value={action}
          onChange={setAction}
        />
        <PersonPicker label={t('audit.actorLabel')} value={actor} onChange={setActor} />
        <SelectField
          label={t('audit.colOutcome')}
          options={[
            { id: ALL, label: t('people.statusAll') },
            ...(['success', 'failure', 'denied'] as const).map((o) => ({
              id: o,
              label: t(`audit.outcome.${o}`),
            })),
          ]}
          value={outcome}
          onChange={setOutcome}
        />
        <div className={styles.rowActions}>
          <Button type="submit" variant="primary">
            {t('audit.apply')}
          </Button>
          <Button variant="secondary" onPress={reset}>
            {t('audit.reset')}
          </Button>
        </div>
      </form>
      {log.isPending ? <Spinner /> : null}
      {log.isError ? <ErrorMessage error={log.error} /> : null}
      {log.isSuccess && entries.length === 0 ? <EmptyState title={t('audit.none')} /> : null}
      {entries.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.colTime')}</th>
                <th scope="col">{t('audit.colAction')}</th>
                <th scope="col">{t('audit.colActor')}</th>
                <th scope="col">{t('audit.colSubject')}</th>
                <th scope="col">{t('audit.colOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('audit.colTime')}>
                    <time dateTime={e.at}>{time.format(new Date(e.at))}</time>
                  </td>
                  <td data-label={t('audit.colAction')}>
                    <span className={styles.mono}>{e.action}</span>
                  </td>
                  <td data-label={t('audit.colActor')}>
                    {e.actor ? (
                      <Link to={`/people/${e.actor.id}`}>{e.actor.displayName}</Link>
                    ) : (
                      t('audit.system')
                    )}
                  </td>
                  <td data-label={t('audit.colSubject')}>
                    <Subject entry={e} />
                  </td>
                  <td data-label={t('audit.colOutcome')}>
                    <span className={`${styles.pill} ${outcomeClass[e.outcome]}`}>
                      {t(`audit.outcome.${e.outcome}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {log.hasNextPage ? (
        <div className={styles.more}>
          <Button isDisabled={log.isFetchingNextPage} onPress={() => void log.fetchNextPage()}>
            {t('audit.loadMore')}
          </Button>
        </div>
      ) : null}
    </Page>
  );
}

export function AdminAuditPage() {
  return (
    <AdminGuard ability="viewAudit">
      <AuditLog />
    </AdminGuard>
  );
}

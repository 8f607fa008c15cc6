import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LeaveBalanceDTO, LeaveEntitlementRowDTO } from '@shared/leave/types';
import { Button } from '../../../../components/Button';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { SearchField } from '../../../../components/SearchField';
import { Spinner } from '../../../../components/Spinner';
import { FormDialog } from '../../../people/components/FormDialog';
import { useDebouncedValue } from '../../../people/useDebouncedValue';
import { personBalanceQuery, useEntitlements } from '../../hr-queries';
import { formatDays } from '../calendar/format';
import { EntitlementForm } from './EntitlementForm';
import { YearField } from './YearField';
import styles from './manage.module.css';

/** HR: search people, see each one's entitlement and balance for a year, edit it. */
export function EntitlementsPanel() {
  const { t, i18n } = useTranslation('leaveManage');
  const lang = i18n.language;
  const qc = useQueryClient();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const list = useEntitlements({ year, q: debounced.trim() || undefined });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const [editing, setEditing] = useState<{ balance: LeaveBalanceDTO; name: string } | null>(null);

  const reload = async () => {
    if (!editing) return;
    const fresh = await qc.fetchQuery({
      ...personBalanceQuery(editing.balance.personId, editing.balance.year),
      staleTime: 0,
    });
    setEditing({ balance: fresh, name: editing.name });
  };

  const edit = (r: LeaveEntitlementRowDTO) =>
    setEditing({ balance: r, name: r.person.displayName });

  return (
    <div className={styles.stack}>
      <form
        role="search"
        className={`${styles.panel} ${styles.fields}`}
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('hr.entitlement.search')}
      >
        <SearchField label={t('hr.entitlement.search')} value={q} onChange={setQ} />
        <YearField value={year} onChange={setYear} />
      </form>
      {list.isError ? <ErrorMessage error={list.error} /> : null}
      {list.isPending ? <Spinner /> : null}
      {list.isSuccess && rows.length === 0 ? <EmptyState title={t('hr.entitlement.none')} /> : null}
      {rows.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table} aria-busy={list.isFetching}>
            <caption>{t('hr.entitlement.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.entitlement.person')}</th>
                <th scope="col">{t('hr.entitlement.entitlement')}</th>
                <th scope="col">{t('hr.entitlement.carry')}</th>
                <th scope="col">{t('hr.entitlement.approved')}</th>
                <th scope="col">{t('hr.entitlement.pending')}</th>
                <th scope="col">{t('hr.entitlement.available')}</th>
                <th scope="col">{t('hr.entitlement.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.personId}>
                  <th scope="row" data-label={t('hr.entitlement.person')}>
                    {r.person.displayName}
                    {r.person.position ? (
                      <span className={styles.sub}>{r.person.position}</span>
                    ) : null}
                  </th>
                  <td className={styles.num} data-label={t('hr.entitlement.entitlement')}>
                    {formatDays(r.entitlement, lang)}
                  </td>
                  <td className={styles.num} data-label={t('hr.entitlement.carry')}>
                    {formatDays(r.carryOverUsable, lang)}
                    {r.carryOverExpired > 0 ? (
                      <span className={styles.sub}>
                        {t('hr.entitlement.expired', {
                          days: formatDays(r.carryOverExpired, lang),
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td className={styles.num} data-label={t('hr.entitlement.approved')}>
                    {formatDays(r.approved, lang)}
                  </td>
                  <td className={styles.num} data-label={t('hr.entitlement.pending')}>
                    {formatDays(r.pending, lang)}
                  </td>
                  <td className={styles.num} data-label={t('hr.entitlement.available')}>
                    {formatDays(r.available, lang)}
                  </td>
                  <td data-label={t('hr.entitlement.actions')}>
                    {r.abilities.editEntitlement ? (
                      <Button
                        size="small"
                        onPress={() => edit(r)}
                        aria-label={t('hr.entitlement.editFor', { name: r.person.displayName })}
                      >
                        {t('hr.entitlement.edit')}
                      </Button>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <div>
          <Button isDisabled={list.isFetchingNextPage} onPress={() => void list.fetchNextPage()}>
            {t('hr.loadMore')}
          </Button>
        </div>
      ) : null}
      <FormDialog
        title={
          editing
            ? t('hr.entitlement.editTitle', { name: editing.name, year: editing.balance.year })
            : ''
        }
        isOpen={editing !== null}
        onOpenChange={(open) => (open ? undefined : setEditing(null))}
      >
        {editing ? (
          <EntitlementForm
            key={`${editing.balance.personId}-${editing.balance.rev}`}
            balance={editing.balance}
            personName={editing.name}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
            onReload={() => void reload()}
          />
        ) : null}
      </FormDialog>
    </div>
  );
}

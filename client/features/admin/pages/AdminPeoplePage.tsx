import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '@shared/people/roles';
import { Page } from '../../../components/Page';
import { Button, LinkButton } from '../../../components/Button';
import { SearchField } from '../../../components/SearchField';
import { SelectField } from '../../../components/SelectField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { useDebouncedValue } from '../../people/useDebouncedValue';
import { useDirectory, useUnits } from '../../people/queries';
import { unitLabel, unitOptions } from '../../people/tree';
import { FormDialog } from '../../people/components/FormDialog';
import { AdminBreadcrumb, AdminGuard } from '../components/AdminGuard';
import { CreatePersonForm } from '../components/CreatePersonForm';
import styles from '../admin.module.css';

const ALL = 'all';

function PeopleAdmin() {
  const { t } = useTranslation(['admin', 'people']);
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState(ALL);
  const [role, setRole] = useState(ALL);
  const [status, setStatus] = useState<'all' | 'true' | 'false'>('all');
  const [creating, setCreating] = useState(false);
  const debounced = useDebouncedValue(q, 300);
  const units = useUnits();
  const list = useDirectory({
    q: debounced,
    unitId: unitId === ALL ? undefined : unitId,
    includeSubunits: true,
    role: role === ALL ? undefined : (role as Role),
    active: status,
  });
  const people = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);

  const unitChoices = useMemo(
    () => [
      { id: ALL, label: t('people.allUnits') },
      ...unitOptions(units.data ?? []).map((o) => ({
        id: o.id,
        label: `${'\u2003'.repeat(Math.max(0, o.depth - 1))}${o.label}`,
      })),
    ],
    [units.data, t],
  );

  return (
    <Page
      title={t('people.title')}
      actions={
        <Button variant="primary" onPress={() => setCreating(true)}>
          {t('people.create')}
        </Button>
      }
    >
      <AdminBreadcrumb current={t('people.title')} />
      <form
        role="search"
        aria-label={t('people.title')}
        className={`${styles.panel} ${styles.filters}`}
        onSubmit={(e) => e.preventDefault()}
      >
        <SearchField label={t('people.searchLabel')} value={q} onChange={setQ} />
        <SelectField
          label={t('people.unitLabel')}
          options={unitChoices}
          value={unitId}
          onChange={setUnitId}
        />
        <SelectField
          label={t('people.roleLabel')}
          options={[
            { id: ALL, label: t('people.allRoles') },
            ...roles.map((r) => ({ id: r, label: t(`people:roles.${r}`) })),
          ]}
          value={role}
          onChange={setRole}
        />
        <SelectField
          label={t('people.statusLabel')}
          options={[
            { id: 'all', label: t('people.statusAll') },
            { id: 'true', label: t('people.statusActive') },
            { id: 'false', label: t('people.statusInactive') },
          ]}
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
        />
      </form>

      {list.isError ? <ErrorMessage error={list.error} /> : null}
      {list.isPending ? <Spinner /> : null}
      {list.isSuccess ? (
        <p className={styles.status}>
          {list.hasNextPage
            ? t('people.countMore', { count: people.length })
            : t('people.count', { count: people.length })}
        </p>
      ) : null}
      {list.isSuccess && people.length === 0 ? <EmptyState title={t('people.none')} /> : null}
      {people.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table} aria-busy={list.isPlaceholderData}>
            <caption className="visually-hidden">{t('people.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.colName')}</th>
                <th scope="col">{t('people.colUnit')}</th>
                <th scope="col">{t('people.colRoles')}</th>
                <th scope="col">{t('people.colStatus')}</th>
                <th scope="col">{t('people.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('people.colName')}>
                    <span>
                      <Link to={`/people/${p.id}`}>{p.displayName}</Link>
                      <span className={styles.sub}>{p.username}</span>
                      {p.position ? <span className={styles.sub}>{p.position}</span> : null}
                    </span>
                  </td>
                  <td data-label={t('people.colUnit')}>{p.unit ? unitLabel(p.unit) : '–'}</td>
                  <td data-label={t('people.colRoles')}>
                    {p.roles.map((r) => t(`people:roles.${r}`)).join(', ') || '–'}
                  </td>
                  <td data-label={t('people.colStatus')}>
                    <span className={`${styles.pill} ${p.active ? styles.ok : styles.bad}`}>
                      {p.active ? t('person.statusActive') : t('person.statusInactive')}
                    </span>
                  </td>
                  <td data-label={t('people.colActions')}>
                    <LinkButton
                      href={`/admin/people/${p.id}`}
                      size="small"
                      aria-label={t('people.editPerson', { name: p.displayName })}
                    >
                      {t('people.edit')}
                    </LinkButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <div className={styles.more}>
          <Button isDisabled={list.isFetchingNextPage} onPress={() => void list.fetchNextPage()}>
            {t('people.loadMore')}
          </Button>
        </div>
      ) : null}

      <FormDialog title={t('person.createTitle')} isOpen={creating} onOpenChange={setCreating}>
        <CreatePersonForm onDone={() => setCreating(false)} />
      </FormDialog>
    </Page>
  );
}

export function AdminPeoplePage() {
  return (
    <AdminGuard>
      <PeopleAdmin />
    </AdminGuard>
  );
}

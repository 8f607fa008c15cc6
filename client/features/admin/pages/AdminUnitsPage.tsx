import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDTO } from '@shared/org/types';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { announce } from '../../../components/LiveAnnouncer';
import { useUnits } from '../../people/queries';
import { buildTree, unitLabel, type UnitNode } from '../../people/tree';
import { FormDialog } from '../../people/components/FormDialog';
import { useDeleteUnit } from '../queries';
import { AdminBreadcrumb, AdminGuard } from '../components/AdminGuard';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { UnitForm } from '../components/UnitForm';
import styles from '../admin.module.css';

function flatten(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

function UnitsAdmin() {
  const { t } = useTranslation('admin');
  const units = useUnits();
  const remove = useDeleteUnit();
  const [editing, setEditing] = useState<UnitDTO | 'new' | null>(null);
  const [deleting, setDeleting] = useState<UnitDTO | null>(null);
  const rows = useMemo(() => flatten(buildTree(units.data ?? [])), [units.data]);

  return (
    <Page
      title={t('units.title')}
      actions={
        <Button variant="primary" onPress={() => setEditing('new')}>
          {t('units.create')}
        </Button>
      }
    >
      <AdminBreadcrumb current={t('units.title')} />
      {units.isPending ? <Spinner /> : null}
      {units.isError ? <ErrorMessage error={units.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      {units.isSuccess && rows.length === 0 ? <EmptyState title={t('units.none')} /> : null}
      {rows.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('units.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('units.colUnit')}</th>
                <th scope="col">{t('units.colKind')}</th>
                <th scope="col">{t('units.colLeader')}</th>
                <th scope="col">{t('units.colMembers')}</th>
                <th scope="col">{t('units.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ unit, depth }) => (
                <tr key={unit.id}>
                  <td data-label={t('units.colUnit')}>
                    <span
                      style={{ paddingInlineStart: `${(depth - 1) * 1.25}rem` }}
                      className={styles.indent}
                    >
                      <Link to={`/org/${unit.id}`}>{unitLabel(unit)}</Link>
                    </span>
                  </td>
                  <td data-label={t('units.colKind')}>{t(`kind.${unit.kind}`)}</td>
                  <td data-label={t('units.colLeader')}>{unit.leader?.displayName ?? '–'}</td>
                  <td data-label={t('units.colMembers')}>{unit.memberCount}</td>
                  <td data-label={t('units.colActions')}>
                    <span className={styles.rowActions}>
                      {unit.abilities.update ? (
                        <Button
                          size="small"
                          onPress={() => setEditing(unit)}
                          aria-label={t('units.editUnit', { name: unit.name })}
                        >
                          {t('units.edit')}
                        </Button>
                      ) : null}
                      {unit.abilities.delete ? (
                        <Button
                          size="small"
                          variant="tertiary"
                          onPress={() => setDeleting(unit)}
                          aria-label={t('units.deleteUnit', { name: unit.name })}
                        >
                          {t('units.delete')}
                        </Button>
                      ) : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <FormDialog
        title={
          editing && editing !== 'new'
            ? t('units.editTitle', { name: editing.name })
            : t('units.createTitle')
        }
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      >
        {editing ? (
          <UnitForm
            unit={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </FormDialog>
      <ConfirmDialog
        title={t('units.confirmDeleteTitle')}
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        danger
        confirmLabel={t('units.delete')}
        isPending={remove.isPending}
        onConfirm={() => {
          const unit = deleting;
          if (!unit) return;
          remove.mutate(unit.id, {
            onSuccess: () => announce(t('units.deleted', { name: unit.name })),
            onSettled: () => setDeleting(null),
          });
        }}
      >
        <p>{t('units.confirmDelete', { name: deleting?.name ?? '' })}</p>
      </ConfirmDialog>
    </Page>
  );
}

export function AdminUnitsPage() {
  return (
    <AdminGuard>
      <UnitsAdmin />
    </AdminGuard>
  );
}

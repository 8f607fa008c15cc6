import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefaultLayoutDTO } from '@shared/home/types';
import { isEveryone } from '@shared/org/audience';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { announce } from '../../../components/LiveAnnouncer';
import { FormDialog } from '../../people/components/FormDialog';
import { AdminBreadcrumb, AdminGuard } from '../../admin/components/AdminGuard';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { useDefaultLayouts, useDeleteDefault } from '../queries';
import { homeWidgets } from '../widgets';
import { DefaultLayoutForm } from './DefaultLayoutForm';
import styles from '../../admin/admin.module.css';

function DefaultLayouts() {
  const { t } = useTranslation('home');
  const defaults = useDefaultLayouts();
  const remove = useDeleteDefault();
  const [editing, setEditing] = useState<DefaultLayoutDTO | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DefaultLayoutDTO | null>(null);
  const rows = defaults.data ?? [];
  return (
    <Page
      title={t('defaults.title')}
      description={t('defaults.description')}
      actions={
        <Button variant="primary" onPress={() => setEditing('new')}>
          {t('defaults.create')}
        </Button>
      }
    >
      <AdminBreadcrumb current={t('defaults.title')} />
      {defaults.isPending ? <Spinner /> : null}
      {defaults.isError ? <ErrorMessage error={defaults.error} /> : null}
      {defaults.isSuccess && rows.length === 0 ? <EmptyState title={t('defaults.none')} /> : null}
      {rows.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('defaults.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('defaults.colName')}</th>
                <th scope="col">{t('defaults.colAudience')}</th>
                <th scope="col">{t('defaults.colPriority')}</th>
                <th scope="col">{t('defaults.colWidgets')}</th>
                <th scope="col">{t('defaults.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td data-label={t('defaults.colName')}>{d.name}</td>
                  <td data-label={t('defaults.colAudience')}>
                    {isEveryone(d.audience) ? t('defaults.everyone') : t('defaults.rules')}
                  </td>
                  <td data-label={t('defaults.colPriority')}>{d.priority}</td>
                  <td data-label={t('defaults.colWidgets')}>
                    {d.widgets.map((w) => t(homeWidgets[w.id].titleKey)).join(', ') || '–'}
                  </td>
                  <td data-label={t('defaults.colActions')}>
                    <span style={{ display: 'inline-flex', gap: '0.5rem', flexWrap: 'wrap' }}>
                      {d.abilities.update ? (
                        <Button
                          size="small"
                          onPress={() => setEditing(d)}
                          aria-label={t('defaults.editLabel', { name: d.name })}
                        >
                          {t('defaults.edit')}
                        </Button>
                      ) : null}
                      {d.abilities.delete ? (
                        <Button
                          size="small"
                          variant="danger"
                          onPress={() => setDeleting(d)}
                          aria-label={t('defaults.deleteLabel', { name: d.name })}
                        >
                          {t('defaults.delete')}
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
            ? t('defaults.editTitle', { name: editing.name })
            : t('defaults.createTitle')
        }
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      >
        {editing ? (
          <DefaultLayoutForm
            layout={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </FormDialog>
      <ConfirmDialog
        title={t('defaults.deleteTitle', { name: deleting?.name ?? '' })}
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        confirmLabel={t('defaults.delete')}
        isPending={remove.isPending}
        danger
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              announce(t('defaults.deleted'));
            },
          })
        }
      >
        <p>{t('defaults.deleteText')}</p>
        {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      </ConfirmDialog>
    </Page>
  );
}

export function DefaultLayoutsPage() {
  return (
    <AdminGuard>
      <DefaultLayouts />
    </AdminGuard>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDTO } from '@shared/apps/types';
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
import { useCatalogue, useDeleteApp } from '../queries';
import { AppIcon } from '../AppIcon';
import { appName } from '../AppTile';
import { AppForm } from './AppForm';
import styles from '../../admin/admin.module.css';

function Catalogue() {
  const { t, i18n } = useTranslation('apps');
  const lang = i18n.resolvedLanguage;
  const apps = useCatalogue();
  const remove = useDeleteApp();
  const [editing, setEditing] = useState<AppDTO | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AppDTO | null>(null);
  const rows = apps.data ?? [];
  return (
    <Page
      title={t('admin.title')}
      description={t('admin.description')}
      actions={
        <Button variant="primary" onPress={() => setEditing('new')}>
          {t('admin.create')}
        </Button>
      }
    >
      <AdminBreadcrumb current={t('admin.title')} />
      {apps.isPending ? <Spinner /> : null}
      {apps.isError ? <ErrorMessage error={apps.error} /> : null}
      {apps.isSuccess && rows.length === 0 ? <EmptyState title={t('admin.none')} /> : null}
      {rows.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('admin.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.colName')}</th>
                <th scope="col">{t('admin.colUrl')}</th>
                <th scope="col">{t('admin.colAudience')}</th>
                <th scope="col">{t('admin.colSuggested')}</th>
                <th scope="col">{t('admin.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => {
                const name = appName(a, lang);
                return (
                  <tr key={a.id}>
                    <td data-label={t('admin.colName')}>
                      <span style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'center' }}>
                        <AppIcon icon={a.icon} />
                        {name}
                      </span>
                    </td>
                    <td data-label={t('admin.colUrl')} style={{ overflowWrap: 'anywhere' }}>
                      {a.url}
                    </td>
                    <td data-label={t('admin.colAudience')}>
                      {!a.audience || isEveryone(a.audience)
                        ? t('admin.everyone')
                        : t('admin.rules')}
                    </td>
                    <td data-label={t('admin.colSuggested')}>
                      {a.suggested ? t('admin.yes') : t('admin.no')}
                    </td>
                    <td data-label={t('admin.colActions')}>
                      <span style={{ display: 'inline-flex', gap: '0.5rem', flexWrap: 'wrap' }}>
                        {a.abilities.update ? (
                          <Button
                            size="small"
                            onPress={() => setEditing(a)}
                            aria-label={t('admin.editLabel', { name })}
                          >
                            {t('admin.edit')}
                          </Button>
                        ) : null}
                        {a.abilities.delete ? (
                          <Button
                            size="small"
                            variant="danger"
                            onPress={() => setDeleting(a)}
                            aria-label={t('admin.deleteLabel', { name })}
                          >
                            {t('admin.delete')}
                          </Button>
                        ) : null}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <FormDialog
        title={
          editing && editing !== 'new'
            ? t('admin.editTitle', { name: appName(editing, lang) })
            : t('admin.createTitle')
        }
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      >
        {editing ? (
          <AppForm app={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        ) : null}
      </FormDialog>
      <ConfirmDialog
        title={t('admin.deleteTitle', { name: deleting ? appName(deleting, lang) : '' })}
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        confirmLabel={t('admin.delete')}
        isPending={remove.isPending}
        danger
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              announce(t('admin.deleted'));
            },
          })
        }
      >
        <p>{t('admin.deleteText')}</p>
        {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      </ConfirmDialog>
    </Page>
  );
}

export function AppsAdminPage() {
  return (
    <AdminGuard>
      <Catalogue />
    </AdminGuard>
  );
}

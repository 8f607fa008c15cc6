import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryDTO } from '@shared/learning/types';
import { ApiError } from '../../../../lib/api';
import { Page } from '../../../../components/Page';
import { Button } from '../../../../components/Button';
import { TextField } from '../../../../components/TextField';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { EmptyState } from '../../../../components/EmptyState';
import { Spinner } from '../../../../components/Spinner';
import { announce } from '../../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../../admin/components/ConfirmDialog';
import { FormDialog } from '../../../people/components/FormDialog';
import { useMe } from '../../../auth/queries';
import { useCategories, useCreateCategory, useDeleteCategory, useRenameCategory } from '../queries';
import styles from '../authoring.module.css';

/** `/learning/categories` (HR): add (German and English name), rename, delete unused ones. */
export function CategoriesPage() {
  const { t, i18n } = useTranslation('learningAuthor');
  const me = useMe();
  const categories = useCategories();
  const create = useCreateCategory();
  const [de, setDe] = useState('');
  const [en, setEn] = useState('');
  const [editing, setEditing] = useState<CategoryDTO | null>(null);
  const [deleting, setDeleting] = useState<CategoryDTO | null>(null);
  const remove = useDeleteCategory();
  const english = i18n.language.startsWith('en');

  if (!me.roles.includes('hr')) {
    return (
      <Page title={t('categories.title')}>
        <p>{t('categories.hrOnly')}</p>
      </Page>
    );
  }
  const add = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: { de, en } },
      {
        onSuccess: () => {
          announce(t('categories.added', { name: english ? en : de }));
          setDe('');
          setEn('');
        },
      },
    );
  };
  const used = remove.error instanceof ApiError && remove.error.status === 409;
  const labels = { 'name.de': t('categories.nameDe'), 'name.en': t('categories.nameEn') };

  return (
    <Page
      title={t('categories.title')}
      description={<p className={styles.muted}>{t('categories.intro')}</p>}
    >
      <div className={styles.stack}>
        <form className={styles.fieldset} onSubmit={add} aria-labelledby="cat-add">
          <h2 id="cat-add" className={styles.itemTitle}>
            {t('categories.add')}
          </h2>
          <TextField
            label={labels['name.de']}
            value={de}
            onChange={setDe}
            isRequired
            maxLength={60}
          />
          <TextField
            label={labels['name.en']}
            value={en}
            onChange={setEn}
            isRequired
            maxLength={60}
          />
          <ErrorMessage error={create.error} fieldLabels={labels} />
          <div className={styles.row}>
            <Button
              type="submit"
              variant="primary"
              isDisabled={create.isPending || de.trim().length < 2 || en.trim().length < 2}
            >
              {t('categories.addSubmit')}
            </Button>
          </div>
        </form>
        {categories.isPending ? <Spinner label={t('categories.loading')} /> : null}
        <ErrorMessage error={categories.error} />
        {categories.data?.length === 0 ? <EmptyState title={t('categories.empty')} /> : null}
        {categories.data && categories.data.length > 0 ? (
          <ul className={styles.list} aria-label={t('categories.title')}>
            {categories.data.map((c) => {
              const name = english ? c.name.en : c.name.de;
              return (
                <li key={c.id} className={styles.item}>
                  <div className={styles.itemMain}>
                    <h3 className={styles.itemTitle}>{name}</h3>
                    <p className={styles.muted}>
                      {/* The heading shows the name in my language; the line adds the other one. */}
                      {t(english ? 'categories.lineEn' : 'categories.line', {
                        de: c.name.de,
                        en: c.name.en,
                        count: c.courseCount,
                      })}
                    </p>
                  </div>
                  <div className={styles.row}>
                    <Button
                      size="small"
                      aria-label={t('categories.renameNamed', { name })}
                      onPress={() => setEditing(c)}
                    >
                      {t('categories.rename')}
                    </Button>
                    <Button
                      size="small"
                      variant="danger"
                      aria-label={t('categories.deleteNamed', { name })}
                      onPress={() => {
                        remove.reset();
                        setDeleting(c);
                      }}
                    >
                      {t('categories.delete')}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      {editing ? <RenameDialog category={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        title={t('categories.deleteTitle')}
        isOpen={deleting !== null}
        onOpenChange={(open) => (open ? null : setDeleting(null))}
        confirmLabel={t('categories.delete')}
        danger
        focusCancel
        isPending={remove.isPending}
        error={used ? null : remove.error}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              announce(
                t('categories.deleted', { name: english ? deleting.name.en : deleting.name.de }),
              );
              setDeleting(null);
            },
          });
        }}
      >
        <p>
          {t('categories.deleteText', {
            name: deleting ? (english ? deleting.name.en : deleting.name.de) : '',
          })}
        </p>
        {used ? (
          <p role="alert" className={styles.fieldError}>
            {t('categories.inUse')}
          </p>
        ) : null}
      </ConfirmDialog>
    </Page>
  );
}

function RenameDialog({ category, onClose }: { category: CategoryDTO; onClose: () => void }) {
  const { t } = useTranslation('learningAuthor');
  const rename = useRenameCategory();
  const [de, setDe] = useState(category.name.de);
  const [en, setEn] = useState(category.name.en);
  const labels = { 'name.de': t('categories.nameDe'), 'name.en': t('categories.nameEn') };
  return (
    <FormDialog
      title={t('categories.renameTitle')}
      isOpen
      onOpenChange={(o) => (o ? null : onClose())}
    >
      <form
        className={styles.stack}
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutate(
            { id: category.id, name: { de, en } },
            {
              onSuccess: () => {
                announce(t('categories.renamed'));
                onClose();
              },
            },
          );
        }}
      >
        <TextField
          label={labels['name.de']}
          value={de}
          onChange={setDe}
          isRequired
          maxLength={60}
        />
        <TextField
          label={labels['name.en']}
          value={en}
          onChange={setEn}
          isRequired
          maxLength={60}
        />
        <ErrorMessage error={rename.error} fieldLabels={labels} />
        <div className={styles.row}>
          <Button
            type="submit"
            variant="primary"
            isDisabled={rename.isPending || de.trim().length < 2 || en.trim().length < 2}
          >
            {t('categories.save')}
          </Button>
          <Button variant="tertiary" onPress={onClose}>
            {t('categories.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

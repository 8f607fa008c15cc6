import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDTO } from '@shared/learning/types';
import { Button, LinkButton } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Spinner } from '../../../../components/Spinner';
import { announce } from '../../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../../admin/components/ConfirmDialog';
import { useArchiveCourse, useRestoreCourse, useVersions } from '../queries';
import { StatusBadges } from './StatusBadges';
import styles from '../authoring.module.css';

/** "Veröffentlichen": status, preview, publish (after a confirmation), versions, archive/restore. */
export function PublishPanel({
  course,
  changed,
  dirty,
  busy,
  onPublish,
}: {
  course: CourseDTO;
  /** The saved draft differs from the published version. */
  changed: boolean;
  /** Unsaved edits (saved first when publishing). */
  dirty: boolean;
  busy: boolean;
  onPublish: () => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation('learningAuthor');
  const versions = useVersions(course.id);
  const archive = useArchiveCourse(course.id);
  const restore = useRestoreCourse(course.id);
  const [confirm, setConfirm] = useState<'publish' | 'archive' | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const archived = course.status === 'archived';
  // Publishing the same content again is refused (409): say so instead of offering the button.
  const nothingNew = course.version > 0 && !changed && !dirty;

  return (
    <div className={styles.stack}>
      <h2 className="visually-hidden">{t('editor.sections.publish')}</h2>
      <p className={styles.row}>
        <span>{t('publish.status')}</span>
        <StatusBadges status={course.status} version={course.version} changed={changed} />
      </p>
      {dirty ? <p className={styles.muted}>{t('publish.unsavedFirst')}</p> : null}
      {nothingNew && !archived ? (
        <p className={styles.muted} id={`${course.id}-nothing-new`}>
          {t('publish.nothingNew', { version: course.version })}
        </p>
      ) : null}
      <div className={styles.row}>
        <LinkButton href={`/learning/courses/${course.id}?preview=true`}>
          {t('publish.preview')}
        </LinkButton>
        {course.abilities.publish && !archived ? (
          <Button
            variant="primary"
            isDisabled={busy || nothingNew}
            aria-describedby={nothingNew ? `${course.id}-nothing-new` : undefined}
            onPress={() => setConfirm('publish')}
          >
            {t('publish.publish')}
          </Button>
        ) : null}
        {course.abilities.archive && !archived && course.version > 0 ? (
          <Button variant="secondary" onPress={() => setConfirm('archive')}>
            {t('publish.archive')}
          </Button>
        ) : null}
        {course.abilities.archive && archived ? (
          <Button
            variant="secondary"
            isDisabled={restore.isPending}
            onPress={() =>
              restore.mutate(course.rev, { onSuccess: () => announce(t('publish.restored')) })
            }
          >
            {t('publish.restore')}
          </Button>
        ) : null}
      </div>
      <ErrorMessage error={restore.error} />

      <h2 className={styles.itemTitle}>{t('publish.versions')}</h2>
      {versions.isPending ? <Spinner label={t('publish.loadingVersions')} /> : null}
      <ErrorMessage error={versions.error} />
      {versions.data && versions.data.length === 0 ? (
        <p className={styles.muted}>{t('publish.noVersions')}</p>
      ) : null}
      {versions.data && versions.data.length > 0 ? (
        <ol className={styles.versions} reversed>
          {[...versions.data]
            .sort((a, b) => b.version - a.version)
            .map((v) => (
              <li key={v.version}>
                {t('publish.versionLine', {
                  version: v.version,
                  date: date(v.publishedAt),
                  name: v.publishedBy?.displayName ?? '–',
                  count: v.lessonCount,
                })}
              </li>
            ))}
        </ol>
      ) : null}

      <ConfirmDialog
        title={t('publish.confirmTitle')}
        isOpen={confirm === 'publish'}
        onOpenChange={(open) => setConfirm(open ? 'publish' : null)}
        confirmLabel={t('publish.publish')}
        isPending={busy}
        onConfirm={() => {
          void onPublish().then((ok) => {
            setConfirm(null);
            if (ok) announce(t('publish.published'));
          });
        }}
      >
        <p>{t('publish.confirmText', { version: course.version + 1 })}</p>
        {dirty ? <p>{t('publish.confirmSaves')}</p> : null}
      </ConfirmDialog>
      <ConfirmDialog
        title={t('publish.archiveTitle')}
        isOpen={confirm === 'archive'}
        onOpenChange={(open) => setConfirm(open ? 'archive' : null)}
        confirmLabel={t('publish.archive')}
        isPending={archive.isPending}
        error={archive.error}
        danger
        focusCancel
        onConfirm={() =>
          archive.mutate(course.rev, {
            onSuccess: () => {
              setConfirm(null);
              announce(t('publish.archived'));
            },
          })
        }
      >
        <p>{t('publish.archiveText')}</p>
      </ConfirmDialog>
    </div>
  );
}

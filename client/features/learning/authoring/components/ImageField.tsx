import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDTO } from '@shared/learning/types';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { announce } from '../../../../components/LiveAnnouncer';
import fields from '../../../../components/fields.module.css';
import { useCourseImage } from '../queries';
import styles from '../authoring.module.css';

/** The course image: saved at once (not part of the draft), shown on the catalogue card. */
export function ImageField({ course }: { course: CourseDTO }) {
  const { t } = useTranslation('learningAuthor');
  const inputId = useId();
  const { upload, remove } = useCourseImage(course.id);
  const busy = upload.isPending || remove.isPending;
  return (
    <div className={fields.field}>
      <label htmlFor={inputId} className={fields.label}>
        {course.imageUrl ? t('meta.imageReplace') : t('meta.image')}
      </label>
      <span className={fields.description}>{t('meta.imageHelp')}</span>
      {course.imageUrl ? (
        <img src={course.imageUrl} alt={t('meta.imageAlt')} className={styles.preview} />
      ) : null}
      <input
        id={inputId}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        className={styles.fileInput}
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          const input = e.currentTarget;
          if (file)
            upload.mutate(file, {
              onSuccess: () => announce(t('meta.imageSaved')),
              onSettled: () => {
                input.value = '';
              },
            });
        }}
      />
      {course.imageUrl ? (
        <div className={styles.row}>
          <Button
            size="small"
            variant="tertiary"
            isDisabled={busy}
            onPress={() =>
              remove.mutate(undefined, { onSuccess: () => announce(t('meta.imageRemoved')) })
            }
          >
            {t('meta.imageRemove')}
          </Button>
        </div>
      ) : null}
      <ErrorMessage error={upload.error ?? remove.error} />
    </div>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import type { LessonFileDTO } from '@shared/learning/types';
import { FormDialog } from '../../../people/components/FormDialog';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { TextField } from '../../../../components/TextField';
import fields from '../../../../components/fields.module.css';
import forms from '../../../people/components/forms.module.css';
import { uploadCourseFile } from '../api';
import styles from '../authoring.module.css';

/** What the server takes for purpose `image` (it checks the bytes, not this list). */
export const courseImageAccept = 'image/png,image/jpeg,image/webp';

/**
 * Uploads an image as a course file and hands back its URL with the alt text. Alt text is
 * required (no decorative images in lesson texts): the insert button stays disabled until both the
 * file and the description are there.
 */
export function CourseImageDialog({
  courseId,
  isOpen,
  onOpenChange,
  onInsert,
}: {
  courseId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onInsert: (image: { src: string; alt: string }) => void;
}) {
  const { t } = useTranslation('learningAuthor');
  const inputId = useId();
  const helpId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => uploadCourseFile(courseId, f, 'image', () => undefined),
  });

  // The preview URL is revoked when replaced and when the dialog goes away.
  const choose = (f: File | null) => {
    if (preview) URL.revokeObjectURL(preview);
    setFile(f);
    setPreview(f ? URL.createObjectURL(f) : null);
    upload.reset();
  };
  const latest = useRef<string | null>(null);
  useEffect(() => {
    latest.current = preview;
  }, [preview]);
  useEffect(() => () => void (latest.current && URL.revokeObjectURL(latest.current)), []);

  const close = () => {
    choose(null);
    setAlt('');
    onOpenChange(false);
  };

  const submit = () => {
    const text = alt.trim();
    if (!file || !text) return;
    upload.mutate(file, {
      onSuccess: (stored: LessonFileDTO) => {
        onInsert({ src: stored.url, alt: text });
        close();
      },
    });
  };

  return (
    <FormDialog
      title={t('image.title')}
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
    >
      <form
        className={forms.form}
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          submit();
        }}
      >
        <div className={fields.field}>
          <label htmlFor={inputId} className={fields.label}>
            {t('image.file')}
          </label>
          <span id={helpId} className={fields.description}>
            {t('image.fileHelp')}
          </span>
          <input
            id={inputId}
            type="file"
            accept={courseImageAccept}
            className={styles.fileInput}
            aria-describedby={helpId}
            onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        {preview ? <img src={preview} alt="" className={styles.imagePreview} /> : null}
        <TextField
          label={t('image.alt')}
          description={t('image.altHelp')}
          value={alt}
          onChange={setAlt}
          isRequired
          maxLength={300}
        />
        {file && !alt.trim() ? (
          <p className={styles.hint} role="note">
            {t('image.altRequired')}
          </p>
        ) : null}
        <ErrorMessage error={upload.error} fieldLabels={{ file: t('image.file') }} />
        <div className={forms.buttons}>
          <Button
            type="submit"
            variant="primary"
            isDisabled={!file || !alt.trim() || upload.isPending}
          >
            {upload.isPending ? t('image.uploading') : t('image.insert')}
          </Button>
          <Button variant="secondary" onPress={close}>
            {t('image.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

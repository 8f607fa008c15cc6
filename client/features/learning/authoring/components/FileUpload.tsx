import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonFileDTO } from '@shared/learning/types';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { announce } from '../../../../components/LiveAnnouncer';
import fields from '../../../../components/fields.module.css';
import { uploadCourseFile, type FilePurpose } from '../api';
import styles from '../authoring.module.css';

/**
 * A native file input that uploads each chosen file right away (with a progress bar) and hands the
 * stored file to the parent. Several files go one after another.
 */
export function FileUpload({
  id,
  courseId,
  purpose,
  label,
  accept,
  multiple,
  description,
  errorMessage,
  onUploaded,
}: {
  id: string;
  courseId: string;
  purpose: FilePurpose;
  label: string;
  accept?: string;
  multiple?: boolean;
  description?: string;
  errorMessage?: string;
  onUploaded: (file: LessonFileDTO) => void;
}) {
  const { t } = useTranslation('learningAuthor');
  const descId = useId();
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  const upload = async (files: File[]) => {
    setError(null);
    for (const file of files) {
      setProgress({ name: file.name, fraction: 0 });
      try {
        const stored = await uploadCourseFile(courseId, file, purpose, (fraction) =>
          setProgress({ name: file.name, fraction }),
        );
        onUploaded(stored);
        announce(t('files.uploaded', { name: file.name }));
      } catch (err) {
        setError(err);
        break;
      }
    }
    setProgress(null);
    if (input.current) input.current.value = '';
  };

  return (
    <div className={fields.field}>
      <label htmlFor={id} className={fields.label}>
        {label}
      </label>
      {description ? (
        <span id={descId} className={fields.description}>
          {description}
        </span>
      ) : null}
      <input
        ref={input}
        id={id}
        type="file"
        className={styles.fileInput}
        accept={accept}
        multiple={multiple}
        disabled={progress !== null}
        aria-describedby={description ? descId : undefined}
        aria-invalid={errorMessage ? true : undefined}
        onChange={(e) => void upload([...(e.currentTarget.files ?? [])])}
      />
      {progress ? (
        <label className={styles.stack}>
          <span>{t('files.uploading', { name: progress.name })}</span>
          <progress className={styles.progress} max={1} value={progress.fraction} />
        </label>
      ) : null}
      {errorMessage ? <p className={styles.fieldError}>{errorMessage}</p> : null}
      <ErrorMessage error={error} />
    </div>
  );
}

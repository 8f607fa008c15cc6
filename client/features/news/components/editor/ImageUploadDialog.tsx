import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import type { NewsUploadDTO } from '@shared/news/types';
import { FormDialog } from '../../../people/components/FormDialog';
import { Button } from '../../../../components/Button';
import { TextField } from '../../../../components/TextField';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { newUploadId, uploadNewsFile } from '../../editor-api';
import forms from '../../../people/components/forms.module.css';
import styles from './editor.module.css';

export interface UploadedImage {
  fileId: string;
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

/**
 * Uploads an image for an article. An image without alt text cannot be added: the upload button
 * stays disabled and says why until the description is written.
 */
export function ImageUploadDialog({
  articleId,
  title,
  isOpen,
  onOpenChange,
  onInsert,
}: {
  articleId: string;
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onInsert: (image: UploadedImage) => void;
}) {
  const { t } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [uploadId, setUploadId] = useState(newUploadId);
  const [preview, setPreview] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => uploadNewsFile(articleId, f, uploadId),
  });

  // The preview URL is revoked when replaced and when the dialog goes away.
  const choose = (f: File | null) => {
    if (preview) URL.revokeObjectURL(preview);
    setFile(f);
    setPreview(f ? URL.createObjectURL(f) : null);
    setUploadId(newUploadId());
  };
  const latest = useRef<string | null>(null);
  useEffect(() => {
    latest.current = preview;
  }, [preview]);
  useEffect(() => () => void (latest.current && URL.revokeObjectURL(latest.current)), []);

  const reset = () => {
    choose(null);
    setAlt('');
    upload.reset();
  };

  const submit = () => {
    if (!file || !alt.trim()) return;
    upload.mutate(file, {
      onSuccess: (u: NewsUploadDTO) => {
        onInsert({
          fileId: u.fileId,
          url: u.url,
          alt: alt.trim(),
          width: u.width,
          height: u.height,
        });
        reset();
        onOpenChange(false);
      },
    });
  };

  return (
    <FormDialog
      title={title}
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) reset();
        onOpenChange(open);
      }}
    >
      <form
        className={forms.form}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className={styles.fileField}>
          <label htmlFor={inputId} className={styles.fileLabel}>
            {t('editor.image.file')}
          </label>
          <input
            id={inputId}
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            className={styles.fileInput}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
        </div>
        {preview ? <img src={preview} alt="" className={styles.imagePreview} /> : null}
        <TextField
          label={t('editor.image.alt')}
          description={t('editor.image.altHelp')}
          value={alt}
          onChange={setAlt}
          isRequired
          maxLength={300}
        />
        {file && !alt.trim() ? (
          <p className={styles.hint} role="note">
            {t('editor.image.altRequired')}
          </p>
        ) : null}
        <ErrorMessage error={upload.error} />
        <div className={forms.buttons}>
          <Button
            type="submit"
            variant="primary"
            isDisabled={!file || !alt.trim() || upload.isPending}
          >
            {upload.isPending ? t('editor.image.uploading') : t('editor.image.insert')}
          </Button>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('editor.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

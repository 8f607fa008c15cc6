import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WikiFileDTO } from '@shared/wiki/types';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useUploadPageFile } from './queries';
import forms from '../../people/components/forms.module.css';
import styles from './editor.module.css';

/**
 * Uploads an image (alt text required: the button stays disabled and says why) or an attachment
 * (inserted as a link to the authorised file route) for the page.
 */
export function UploadDialog({
  pageId,
  kind,
  isOpen,
  onOpenChange,
  onInsert,
}: {
  pageId: string;
  kind: 'image' | 'attachment';
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onInsert: (file: WikiFileDTO, alt: string) => void;
}) {
  const { t } = useTranslation('wikiEditor');
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const upload = useUploadPageFile(pageId);
  const needsAlt = kind === 'image';
  const ready = Boolean(file) && (!needsAlt || alt.trim() !== '') && !upload.isPending;

  const reset = () => {
    setFile(null);
    setAlt('');
    upload.reset();
  };

  return (
    <FormDialog
      title={t(`upload.${kind}Title`)}
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
          e.stopPropagation();
          if (!file || !ready) return;
          upload.mutate(file, {
            onSuccess: (f) => {
              onInsert(f, alt.trim());
              reset();
              onOpenChange(false);
            },
          });
        }}
      >
        <div className={styles.fileField}>
          <label htmlFor={inputId} className={styles.fileLabel}>
            {t('upload.file')}
          </label>
          <input
            id={inputId}
            type="file"
            accept={needsAlt ? 'image/png,image/jpeg,image/webp,image/gif' : undefined}
            className={styles.fileInput}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {needsAlt ? (
          <TextField
            label={t('upload.alt')}
            description={t('upload.altHelp')}
            value={alt}
            onChange={setAlt}
            isRequired
            maxLength={300}
          />
        ) : null}
        {needsAlt && file && !alt.trim() ? (
          <p className={styles.hint} role="note">
            {t('upload.altRequired')}
          </p>
        ) : null}
        <ErrorMessage error={upload.error} />
        <div className={forms.buttons}>
          <Button type="submit" variant="primary" isDisabled={!ready}>
            {upload.isPending ? t('upload.uploading') : t('upload.insert')}
          </Button>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

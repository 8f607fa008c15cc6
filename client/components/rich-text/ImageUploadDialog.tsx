import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { FormDialog } from '../../features/people/components/FormDialog';
import forms from '../../features/people/components/forms.module.css';
import { Button } from '../Button';
import { ErrorMessage } from '../ErrorMessage';
import { TextField } from '../TextField';
import fields from '../fields.module.css';
import styles from './rich-text.module.css';

export interface ImageUploadTexts {
  title: string;
  file: string;
  fileHelp?: string;
  alt: string;
  altHelp: string;
  altRequired: string;
  uploading: string;
  insert: string;
  cancel: string;
}

/**
 * Chooses an image, asks for its alt text and uploads it (news articles, course texts). An image
 * without alt text cannot be added: the button stays disabled and says why until it is written.
 * `upload` does the feature's request; `onUploaded` gets its answer and the alt text.
 */
export function ImageUploadDialog<T>({
  isOpen,
  onOpenChange,
  accept,
  texts,
  upload,
  onUploaded,
  onFileChosen,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  accept: string;
  texts: ImageUploadTexts;
  upload: (file: File) => Promise<T>;
  onUploaded: (result: T, alt: string) => void;
  /** A new file was chosen (news: a new upload id, so a retry is not taken for the old file). */
  onFileChosen?: () => void;
}) {
  const inputId = useId();
  const helpId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  const sending = useMutation({ mutationFn: upload });

  // The preview URL is revoked when replaced and when the dialog goes away.
  const choose = (f: File | null) => {
    if (preview) URL.revokeObjectURL(preview);
    setFile(f);
    setPreview(f ? URL.createObjectURL(f) : null);
    sending.reset();
    onFileChosen?.();
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
    sending.mutate(file, {
      onSuccess: (result) => {
        onUploaded(result, text);
        close();
      },
    });
  };

  return (
    <FormDialog
      title={texts.title}
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
    >
      <form
        className={forms.form}
        onSubmit={(e) => {
          e.preventDefault();
          // The dialog may sit inside another form (the course editor): submit only this one.
          e.stopPropagation();
          submit();
        }}
      >
        <div className={fields.field}>
          <label htmlFor={inputId} className={fields.label}>
            {texts.file}
          </label>
          {texts.fileHelp ? (
            <span id={helpId} className={fields.description}>
              {texts.fileHelp}
            </span>
          ) : null}
          <input
            id={inputId}
            type="file"
            accept={accept}
            className={styles.imageFileInput}
            aria-describedby={texts.fileHelp ? helpId : undefined}
            onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        {preview ? <img src={preview} alt="" className={styles.imagePreview} /> : null}
        <TextField
          label={texts.alt}
          description={texts.altHelp}
          value={alt}
          onChange={setAlt}
          isRequired
          maxLength={300}
        />
        {file && !alt.trim() ? (
          <p className={styles.imageHint} role="note">
            {texts.altRequired}
          </p>
        ) : null}
        <ErrorMessage error={sending.error} fieldLabels={{ file: texts.file }} />
        <div className={forms.buttons}>
          <Button
            type="submit"
            variant="primary"
            isDisabled={!file || !alt.trim() || sending.isPending}
          >
            {sending.isPending ? texts.uploading : texts.insert}
          </Button>
          <Button variant="secondary" onPress={close}>
            {texts.cancel}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

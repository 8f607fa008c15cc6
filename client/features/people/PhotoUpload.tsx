import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_FIELD, PHOTO_MAX_BYTES, PHOTO_TYPES, type PhotoDTO } from '@shared/people/photo';
import type { ApiData } from '@shared/http/errors';
import { api, ApiError } from '../../lib/api';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormDialog } from './components/FormDialog';
import styles from './PhotoUpload.module.css';

export interface PhotoUploadProps {
  personId: string;
  photoUrl: string | null;
  /** True on one's own profile (`/api/me/photo`); else the admin route for `personId`. */
  self: boolean;
  /** Called after a photo was saved or removed, e.g. to refetch the profile. */
  onChanged(): void;
}

type PhotoErrorKey = 'fileType' | 'tooLarge' | 'imageInvalid' | 'required';

const MAX_MB = PHOTO_MAX_BYTES / 1024 / 1024;
const ACCEPT = PHOTO_TYPES.join(',');

/** The photo-specific message for an API error, if there is one; else the generic display. */
function photoErrorKey(error: unknown): PhotoErrorKey | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'payload_too_large') return 'tooLarge';
  const issue = error.details.find((d) => d.path === PHOTO_FIELD);
  if (issue?.code === 'file_type') return 'fileType';
  if (issue?.code === 'image_invalid') return 'imageInvalid';
  if (issue?.code === 'required') return 'required';
  return null;
}

const newUploadId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : undefined;

/**
 * Choose, preview, upload and remove a profile photo. The server checks the real type and size
 * again and re-encodes the image; the checks here only spare a pointless upload.
 */
export function PhotoUpload({ personId, photoUrl, self, onChanged }: PhotoUploadProps) {
  const { t } = useTranslation('photo');
  const ids = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  // One id per chosen file: a retry after a network error is stored only once.
  const [uploadId, setUploadId] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState<'upload' | 'remove' | null>(null);
  const [error, setError] = useState<{ key: PhotoErrorKey } | { api: unknown } | null>(null);
  const [status, setStatus] = useState('');
  const [confirmOpen, setConfirmOpen] = useState(false);

  const endpoint = self ? '/api/me/photo' : `/api/people/${personId}/photo`;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );

  const reset = () => {
    setFile(null);
    setPreview(null);
    setUploadId(undefined);
    if (inputRef.current) inputRef.current.value = '';
  };

  const onSelect = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setStatus('');
    setError(null);
    if (!chosen) return reset();
    if (!(PHOTO_TYPES as readonly string[]).includes(chosen.type)) {
      reset();
      return setError({ key: 'fileType' });
    }
    if (chosen.size > PHOTO_MAX_BYTES) {
      reset();
      return setError({ key: 'tooLarge' });
    }
    setFile(chosen);
    setUploadId(newUploadId());
    setPreview(typeof URL.createObjectURL === 'function' ? URL.createObjectURL(chosen) : null);
  };

  const fail = (err: unknown) => {
    const key = photoErrorKey(err);
    setError(key ? { key } : { api: err });
  };

  const upload = async () => {
    if (!file) return setError({ key: 'required' });
    const body = new FormData();
    if (uploadId) body.append('uploadId', uploadId); // fields before the file: parsed first
    body.append(PHOTO_FIELD, file, file.name);
    setPending('upload');
    setError(null);
    setStatus(t('uploading'));
    try {
      await api<ApiData<PhotoDTO>>(endpoint, { method: 'PUT', body });
      reset();
      setStatus(t('uploaded'));
      inputRef.current?.focus();
      onChanged();
    } catch (err) {
      setStatus('');
      fail(err);
    } finally {
      setPending(null);
    }
  };

  const remove = async () => {
    setPending('remove');
    setError(null);
    try {
      await api<ApiData<PhotoDTO>>(endpoint, { method: 'DELETE' });
      setConfirmOpen(false);
      setStatus(t('removed'));
      // The remove button is gone now; put focus somewhere useful once the dialog has closed.
      window.setTimeout(() => inputRef.current?.focus(), 0);
      onChanged();
    } catch (err) {
      setConfirmOpen(false);
      fail(err);
    } finally {
      setPending(null);
    }
  };

  const shown = preview ?? photoUrl;
  const hasError = error !== null;

  return (
    <fieldset className={styles.fieldset} aria-busy={pending !== null}>
      <legend className={styles.legend}>{t('legend')}</legend>
      <div className={styles.layout}>
        <div className={styles.frame}>
          {shown ? (
            <img
              src={shown}
              alt={preview ? t('preview') : t('current')}
              className={styles.image}
              width={128}
              height={128}
            />
          ) : (
            <span className={styles.empty}>{t('none')}</span>
          )}
        </div>
        <div className={styles.controls}>
          <label htmlFor={`${ids}-file`} className={styles.label}>
            {t('choose')}
          </label>
          <input
            ref={inputRef}
            id={`${ids}-file`}
            type="file"
            name={PHOTO_FIELD}
            accept={ACCEPT}
            className={styles.input}
            aria-describedby={hasError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={hasError || undefined}
            disabled={pending !== null}
            onChange={onSelect}
          />
          <p id={hintId} className={styles.hint}>
            {t('hint', { size: MAX_MB })}
          </p>
          {error && 'key' in error ? (
            <p id={errorId} role="alert" className={styles.error}>
              {t(`errors.${error.key}`, { size: MAX_MB })}
            </p>
          ) : null}
          {error && 'api' in error ? (
            <div id={errorId}>
              <ErrorMessage error={error.api} />
            </div>
          ) : null}
          {pending === 'upload' ? (
            <progress className={styles.progress} aria-label={t('uploading')} />
          ) : null}
          <div className={styles.buttons}>
            {file ? (
              <>
                <Button
                  variant="primary"
                  onPress={() => void upload()}
                  isPending={pending === 'upload'}
                >
                  {t('save')}
                </Button>
                <Button variant="secondary" onPress={reset} isDisabled={pending !== null}>
                  {t('cancel')}
                </Button>
              </>
            ) : null}
            {photoUrl && !file ? (
              <Button
                variant="danger"
                onPress={() => setConfirmOpen(true)}
                isDisabled={pending !== null}
              >
                {t('remove')}
              </Button>
            ) : null}
          </div>
          <p role="status" className={styles.status}>
            {status}
          </p>
        </div>
      </div>
      <FormDialog
        title={t('confirmTitle')}
        isOpen={confirmOpen}
        onOpenChange={(open) => pending === null && setConfirmOpen(open)}
        role="alertdialog"
      >
        <p>{self ? t('confirmSelf') : t('confirmOther')}</p>
        <div className={styles.buttons}>
          <Button variant="danger" onPress={() => void remove()} isPending={pending === 'remove'}>
            {pending === 'remove' ? t('removing') : t('confirm')}
          </Button>
          <Button
            variant="secondary"
            onPress={() => setConfirmOpen(false)}
            isDisabled={pending !== null}
          >
            {t('cancel')}
          </Button>
        </div>
      </FormDialog>
    </fieldset>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsAttachmentDTO } from '@shared/news/types';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { announce } from '../../../../components/LiveAnnouncer';
import { newUploadId, uploadNewsFile } from '../../editor-api';
import { formatSize } from '../../format';
import styles from './editor.module.css';

const MAX_ATTACHMENTS = 20;

/** Files attached to the article (PDF, office documents); uploaded one by one as chosen. */
export function AttachmentUploader({
  articleId,
  value,
  onChange,
}: {
  articleId: string;
  value: NewsAttachmentDTO[];
  onChange: (next: NewsAttachmentDTO[]) => void;
}) {
  const { t, i18n } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const upload = async (files: File[]) => {
    setBusy(true);
    setError(null);
    let next = value;
    try {
      for (const file of files.slice(0, MAX_ATTACHMENTS - value.length)) {
        const u = await uploadNewsFile(articleId, file, newUploadId());
        next = [
          ...next,
          {
            fileId: u.fileId,
            url: u.url,
            filename: u.filename,
            contentType: u.contentType,
            size: u.size,
          },
        ];
        onChange(next);
        announce(t('editor.attachments.added', { name: u.filename }));
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.stack}>
      {value.length > 0 ? (
        <ul className={styles.fileList}>
          {value.map((a) => (
            <li key={a.fileId} className={styles.fileItem}>
              <span>
                {a.filename}{' '}
                <span className={styles.fileMeta}>({formatSize(a.size, i18n.language)})</span>
              </span>
              <Button
                size="small"
                variant="tertiary"
                aria-label={t('editor.attachments.remove', { name: a.filename })}
                onPress={() => onChange(value.filter((x) => x.fileId !== a.fileId))}
              >
                {t('editor.attachments.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.hint}>{t('editor.attachments.none')}</p>
      )}
      {value.length < MAX_ATTACHMENTS ? (
        <div className={styles.fileField}>
          <label htmlFor={inputId} className={styles.fileLabel}>
            {t('editor.attachments.add')}
          </label>
          <input
            id={inputId}
            type="file"
            multiple
            disabled={busy}
            className={styles.fileInput}
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              if (files.length) void upload(files);
            }}
          />
          {busy ? <p className={styles.hint}>{t('editor.attachments.uploading')}</p> : null}
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}

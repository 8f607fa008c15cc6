import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatBytes } from './Attachments';
import type { PendingUpload } from './ComposerUploads';
import styles from './Composer.module.css';

/** Chips of the files for the next message: progress while uploading, remove, errors. */
export function ComposerAttachments({
  items,
  onRemove,
}: {
  items: readonly PendingUpload<unknown>[];
  onRemove: (key: string) => void;
}) {
  const { t, i18n } = useTranslation('chatMessages');
  if (items.length === 0) return null;
  const failed = items.filter((u) => u.status === 'error');
  return (
    <div className={styles.uploads}>
      <ul className={styles.chips} aria-label={t('composer.attachments')}>
        {items.map((u) => (
          <li
            key={u.key}
            className={`${styles.chip} ${u.status === 'error' ? styles.chipError : ''}`}
          >
            <span className={styles.chipName}>{u.name}</span>
            <span className={styles.chipMeta}>
              {u.status === 'uploading'
                ? t('composer.uploading', { percent: Math.round(u.progress * 100) })
                : u.status === 'error'
                  ? t('composer.uploadFailed')
                  : formatBytes(u.size, i18n.language)}
            </span>
            {u.status === 'uploading' ? (
              <progress
                className={styles.progress}
                max={1}
                value={u.progress}
                aria-label={t('composer.progress', { name: u.name })}
              />
            ) : null}
            <button
              type="button"
              className={styles.chipRemove}
              aria-label={t('composer.removeAttachment', { name: u.name })}
              onClick={() => onRemove(u.key)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {failed.length > 0 ? <ErrorMessage error={failed[failed.length - 1]!.error} /> : null}
    </div>
  );
}

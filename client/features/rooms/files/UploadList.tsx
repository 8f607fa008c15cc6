import { useTranslation } from 'react-i18next';
import { Button as AriaButton } from 'react-aria-components';
import { CloseIcon } from '../../../components/icons';
import { FileError } from './FileError';
import type { UploadItem } from './queries';
import styles from './files.module.css';

/** Running uploads with progress, failed ones with their error (dismissable), refused big files. */
export function UploadList({
  items,
  tooLarge,
  onDismiss,
}: {
  items: UploadItem[];
  tooLarge: string[];
  onDismiss: (key: number) => void;
}) {
  const { t } = useTranslation('roomsFiles');
  if (!items.length && !tooLarge.length) return null;
  return (
    <ul className={styles.uploads} aria-label={t('uploadsLabel')}>
      {tooLarge.map((name) => (
        <li key={`big-${name}`} className={styles.upload}>
          <p role="alert" className={styles.error}>
            {t('tooLarge', { name })}
          </p>
        </li>
      ))}
      {items.map((u) => (
        <li key={u.key} className={styles.upload}>
          <span className={styles.uploadName}>{u.name}</span>
          {u.error ? (
            <>
              <FileError error={u.error} version={u.version} />
              <AriaButton
                className={styles.iconButton}
                aria-label={t('dismiss', { name: u.name })}
                onPress={() => onDismiss(u.key)}
              >
                <CloseIcon />
              </AriaButton>
            </>
          ) : (
            <progress
              className={styles.progress}
              value={Math.round(u.progress * 100)}
              max={100}
              aria-label={t('uploading', { name: u.name })}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

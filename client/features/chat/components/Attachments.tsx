import { useTranslation } from 'react-i18next';
import type { AttachmentDTO } from '@shared/chat/types';
import styles from './Attachments.module.css';
import { FileIcon } from '../../../components/icons';

/** "1,2 MB" in the reader's language. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Only the API's own file paths are linked (the DTO comes from the server; belt and braces). */
const ownPath = (url: string) => url.startsWith('/api/') && !url.startsWith('//');

/**
 * A message's files: images as previews (alt = file name) that open the full image in a new tab,
 * other files as download chips with their size. File names are untrusted and only ever text.
 */
export function Attachments({ attachments }: { attachments: AttachmentDTO[] }) {
  const { t, i18n } = useTranslation('chatMessages');
  if (attachments.length === 0) return null;
  const images = attachments.filter(
    (a) => a.image && ownPath(a.image.previewUrl) && ownPath(a.url),
  );
  const files = attachments.filter((a) => !images.includes(a));
  return (
    <div className={styles.attachments}>
      {images.length > 0 ? (
        <ul className={styles.images} aria-label={t('attachments.images')}>
          {images.map((a) => (
            <li key={a.id}>
              <a
                href={a.url}
                target="_blank"
                rel="noopener noreferrer"
                className={styles.imageLink}
                title={t('attachments.openImage', { name: a.name })}
              >
                <img
                  src={a.image!.previewUrl}
                  alt={a.name}
                  width={a.image!.width}
                  height={a.image!.height}
                  loading="lazy"
                  decoding="async"
                  className={styles.image}
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul className={styles.files} aria-label={t('attachments.files')}>
          {files.map((a) => (
            <li key={a.id}>
              {ownPath(a.url) ? (
                <a
                  href={a.url}
                  download={a.name}
                  className={styles.file}
                  aria-label={t('attachments.download', {
                    name: a.name,
                    size: formatBytes(a.size, i18n.language),
                  })}
                >
                  <FileIcon className={styles.fileIcon} />
                  <span className={styles.fileName}>{a.name}</span>
                  <span className={styles.fileSize}>{formatBytes(a.size, i18n.language)}</span>
                </a>
              ) : (
                <span className={styles.file}>
                  <span className={styles.fileName}>{a.name}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

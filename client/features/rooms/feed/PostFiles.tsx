import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomFileRefDTO } from '@shared/rooms/types';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
import { FileIcon } from '../../../components/icons';
import { formatBytes } from '../../chat/components/Attachments';
import styles from './feed.module.css';

/** Only the API's own file paths are shown or linked (the DTO comes from the server; belt and braces). */
const ownPath = (url: string) => url.startsWith('/api/') && !url.startsWith('//');

/**
 * A post's files: images as thumbnails (alt = file name) that open larger in a dialog, other
 * files as download links with their size. File names are untrusted and only ever text.
 */
export function PostFiles({ files }: { files: RoomFileRefDTO[] }) {
  const { t, i18n } = useTranslation('roomsFeed');
  const [open, setOpen] = useState<RoomFileRefDTO | null>(null);
  const safe = files.filter((f) => ownPath(f.url));
  if (safe.length === 0) return null;
  const images = safe.filter((f) => f.isImage);
  const others = safe.filter((f) => !f.isImage);
  return (
    <div className={styles.files}>
      {images.length > 0 ? (
        <ul className={styles.images} aria-label={t('post.images')}>
          {images.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className={styles.thumbButton}
                aria-label={t('post.openImage', { name: f.name })}
                onClick={() => setOpen(f)}
              >
                <img src={f.url} alt={f.name} className={styles.thumb} loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <ul className={styles.attachments} aria-label={t('post.attachments')}>
          {others.map((f) => (
            <li key={f.id}>
              <a href={f.url} download={f.name} className={styles.attachment}>
                <FileIcon />
                <span className={styles.attachmentName}>{f.name}</span>
                <span className={styles.muted}>{formatBytes(f.size, i18n.language)}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <FormDialog
        title={open?.name ?? ''}
        isOpen={open !== null}
        onOpenChange={(o) => (o ? undefined : setOpen(null))}
      >
        {open ? <img src={open.url} alt={open.name} className={styles.large} /> : null}
        <div className={styles.dialogButtons}>
          <a href={open?.url} download={open?.name} className={styles.link}>
            {t('post.download')}
          </a>
          <Button onPress={() => setOpen(null)}>{t('common.close')}</Button>
        </div>
      </FormDialog>
    </div>
  );
}

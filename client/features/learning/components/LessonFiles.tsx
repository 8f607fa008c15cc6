import { useTranslation } from 'react-i18next';
import type { LessonFileDTO } from '@shared/learning/types';
import styles from '../learning.module.css';

/** "1,2 MB" in the reader's language. */
export function formatSize(bytes: number, lang: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(
    value,
  );
  return `${n} ${units[unit]}`;
}

/** The documents of a file lesson (PDF opens in the browser, others download). */
export function LessonFiles({ files }: { files: LessonFileDTO[] }) {
  const { t, i18n } = useTranslation('learning');
  if (files.length === 0) return <p className={styles.muted}>{t('lesson.noFiles')}</p>;
  return (
    <ul className={styles.files} aria-label={t('lesson.files')}>
      {files.map((f) => (
        <li key={f.id}>
          <a
            href={f.url}
            target={f.contentType === 'application/pdf' ? '_blank' : undefined}
            rel="noopener noreferrer"
          >
            {f.name}
          </a>{' '}
          <span className={styles.muted}>({formatSize(f.size, i18n.language)})</span>
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import type { CourseStatus } from '@shared/learning/schemas';
import styles from '../authoring.module.css';

/** "Entwurf" / "Veröffentlicht (Version n)" / "Archiviert", plus "unveröffentlichte Änderungen". */
export function StatusBadges({
  status,
  version,
  changed,
}: {
  status: CourseStatus;
  version: number;
  changed?: boolean;
}) {
  const { t } = useTranslation('learningAuthor');
  const cls =
    status === 'published'
      ? styles.badgePublished
      : status === 'archived'
        ? styles.badgeArchived
        : '';
  return (
    <span className={styles.badges}>
      <span className={`${styles.badge} ${cls}`}>
        {status === 'published' ? t('status.publishedVersion', { version }) : t(`status.${status}`)}
      </span>
      {changed && version > 0 ? (
        <span className={`${styles.badge} ${styles.badgeWarn}`}>{t('status.changed')}</span>
      ) : null}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import type { AppDTO } from '@shared/apps/types';
import { AppIcon } from './AppIcon';
import styles from './apps.module.css';

export const appName = (a: Pick<AppDTO, 'name'>, lang: string | undefined) =>
  lang?.startsWith('en') ? a.name.en : a.name.de;
export const appDescription = (a: Pick<AppDTO, 'description'>, lang: string | undefined) =>
  lang?.startsWith('en') ? a.description.en : a.description.de;

/** A pinned app as a large link tile; opens in a new tab (said to screen readers too). */
export function AppTile({ app }: { app: AppDTO }) {
  const { t, i18n } = useTranslation('apps');
  const name = appName(app, i18n.resolvedLanguage);
  return (
    <a className={styles.tile} href={app.url} target="_blank" rel="noopener noreferrer">
      <span className={styles.tileIcon}>
        <AppIcon icon={app.icon} />
      </span>
      <span className={styles.tileName}>{name}</span>
      <span className="visually-hidden">{t('newTab')}</span>
    </a>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppTile } from '../../apps/AppTile';
import { useBoardData } from '../queries';
import appStyles from '../../apps/apps.module.css';
import styles from './widgets.module.css';

/** "My apps": the pinned apps as large tiles, each opening in a new tab. */
export function AppsWidget() {
  const { t } = useTranslation('home');
  const apps = useBoardData('apps');
  const items = apps.data ?? [];
  return (
    <div className={styles.stack}>
      {items.length === 0 ? (
        <p className={styles.muted}>{t('widgets.apps.empty')}</p>
      ) : (
        <ul className={appStyles.tiles}>
          {items.map((a) => (
            <li key={a.id}>
              <AppTile app={a} />
            </li>
          ))}
        </ul>
      )}
      <Link to="/apps" className={styles.more}>
        {t('widgets.apps.manage')}
      </Link>
    </div>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NewsCard } from '../../news/components/NewsCard';
import { useBoardData } from '../queries';
import styles from './widgets.module.css';

/** Mandatory articles still to confirm, earliest deadline first. */
export function AcknowledgeWidget() {
  const { t } = useTranslation('home');
  const due = useBoardData('acknowledge');
  const items = due.data?.items ?? [];
  const total = due.data?.total ?? 0;
  return (
    <div className={styles.stack}>
      {items.length === 0 ? (
        <p className={styles.muted}>{t('widgets.acknowledge.empty')}</p>
      ) : (
        <>
          <p className={styles.muted}>{t('widgets.acknowledge.count', { count: total })}</p>
          <ul className={styles.newsList}>
            {items.map((a) => (
              <li key={a.id}>
                <NewsCard article={a} headingLevel={3} compact />
              </li>
            ))}
          </ul>
        </>
      )}
      <Link to="/news?mandatory=true" className={styles.more}>
        {t('widgets.acknowledge.all')}
      </Link>
    </div>
  );
}

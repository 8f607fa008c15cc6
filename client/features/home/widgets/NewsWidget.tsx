import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WidgetSize } from '@shared/home/widgets';
import { NewsCard } from '../../news/components/NewsCard';
import { useBoardData } from '../queries';
import styles from './widgets.module.css';

/** "News for me": pinned first, then newest; live through the board's cache. */
export function NewsWidget({ size }: { size: WidgetSize }) {
  const { t } = useTranslation('home');
  const news = useBoardData('news');
  const items = news.data ?? [];
  return (
    <div className={styles.stack}>
      {items.length === 0 ? (
        <p className={styles.muted}>{t('widgets.news.empty')}</p>
      ) : (
        <ul className={size === 'large' ? styles.newsGrid : styles.newsList}>
          {items.map((a) => (
            <li key={a.id}>
              <NewsCard article={a} headingLevel={3} compact={size !== 'large'} />
            </li>
          ))}
        </ul>
      )}
      <Link to="/news" className={styles.more}>
        {t('widgets.news.all')}
      </Link>
    </div>
  );
}

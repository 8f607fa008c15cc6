import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PageRefDTO } from '@shared/wiki/types';
import { useBoardData } from '../home/queries';
import styles from '../home/widgets/widgets.module.css';
import own from './WikiWidget.module.css';

function PageLinks({ pages, label }: { pages: PageRefDTO[]; label: string }) {
  return (
    <section aria-label={label}>
      <h3 className={own.heading}>{label}</h3>
      <ul className={own.list}>
        {pages.map((p) => (
          <li key={p.id}>
            <Link to={`/wiki/p/${p.id}`} className={own.page}>
              {p.title}
            </Link>
            <span className={styles.muted}> · {p.spaceName}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Wiki" on the start page: watched pages changed lately, other recent changes the person may
 * read, and reviews waiting for them. The board brings it in its one round trip.
 */
export function WikiWidget() {
  const { t } = useTranslation('home');
  const data = useBoardData('wiki').data;
  if (!data) return null;
  const empty = data.watched.length === 0 && data.recent.length === 0;
  return (
    <div className={styles.stack}>
      {data.reviews > 0 ? (
        <Link to="/wiki/reviews" className={styles.link}>
          {t('widgets.wiki.reviews', { count: data.reviews })}
        </Link>
      ) : null}
      {data.watched.length > 0 ? (
        <PageLinks pages={data.watched} label={t('widgets.wiki.watched')} />
      ) : null}
      {data.recent.length > 0 ? (
        <PageLinks pages={data.recent} label={t('widgets.wiki.recent')} />
      ) : null}
      {empty ? <p className={styles.muted}>{t('widgets.wiki.empty')}</p> : null}
      <Link to="/wiki" className={styles.more}>
        {t('widgets.wiki.open')}
      </Link>
    </div>
  );
}

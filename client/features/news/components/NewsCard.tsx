import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NewsSummaryDTO } from '@shared/news/types';
import { defaultVariant, variantLang } from '../variants';
import { formatDate } from '../format';
import styles from './NewsCard.module.css';

export interface NewsCardProps {
  article: NewsSummaryDTO;
  /** Level of the title heading (a list under an `<h2>` uses 3). */
  headingLevel?: 2 | 3 | 4;
  /** Without cover and teaser (start-page widgets). */
  compact?: boolean;
}

/**
 * An article in a feed: cover, channel, title (the link), teaser, date and marks (pinned,
 * highlighted, new, acknowledgement due). Used by the news page and the start page.
 */
export function NewsCard({ article, headingLevel = 3, compact = false }: NewsCardProps) {
  const { t, i18n } = useTranslation('news');
  const lang = i18n.resolvedLanguage;
  const variant = defaultVariant(article, lang);
  const text = article.variants[variant] ?? article.variants.de;
  const channel = lang?.startsWith('en') ? article.channel.name.en : article.channel.name.de;
  const Heading = `h${headingLevel}` as const;
  const dueDeadline =
    article.mandatory && !article.viewer.acknowledgedAt ? article.mandatory.deadline : null;
  const classes = [
    styles.card,
    article.highlighted ? styles.highlighted : '',
    compact ? styles.compact : '',
    !article.viewer.read ? styles.unread : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <article className={classes} lang={variantLang(variant)}>
      {!compact && article.cover ? (
        <img
          className={styles.cover}
          src={article.cover.url}
          alt={article.cover.alt}
          width={article.cover.width ?? 640}
          height={article.cover.height ?? 360}
          loading="lazy"
          decoding="async"
        />
      ) : null}
      <div className={styles.body}>
        <p className={styles.channel} lang={lang}>
          {channel}
        </p>
        <Heading className={styles.title}>
          <Link to={`/news/${article.id}`} className={styles.link}>
            {text.title}
          </Link>
        </Heading>
        {!compact && text.teaser ? <p className={styles.teaser}>{text.teaser}</p> : null}
        <div className={styles.meta} lang={lang}>
          {article.publishedAt ? (
            <time dateTime={article.publishedAt}>{formatDate(article.publishedAt, lang)}</time>
          ) : null}
          {article.status !== 'published' ? (
            <span className={`${styles.badge} ${styles.status}`}>
              {t(`card.status.${article.status}`)}
            </span>
          ) : null}
          {article.pinned ? <span className={styles.badge}>{t('card.pinned')}</span> : null}
          {article.highlighted ? (
            <span className={styles.badge}>{t('card.highlighted')}</span>
          ) : null}
          {!article.viewer.read ? (
            <span className={`${styles.badge} ${styles.new}`}>{t('card.unread')}</span>
          ) : null}
          {dueDeadline ? (
            <span className={`${styles.badge} ${styles.due}`}>
              {t('card.mandatoryUntil', { date: formatDate(dueDeadline, lang) })}
            </span>
          ) : article.mandatory ? (
            <span className={`${styles.badge} ${styles.done}`}>{t('card.acknowledged')}</span>
          ) : null}
          {article.allowComments && article.commentCount > 0 ? (
            <span>{t('card.comments', { count: article.commentCount })}</span>
          ) : null}
        </div>
      </div>
    </article>
  );
}

/** Placeholder of the same size while the feed loads (no layout shift). */
export function NewsCardSkeleton({ compact = false }: { compact?: boolean }) {
  return (
    <div
      className={`${styles.card} ${styles.skeleton} ${compact ? styles.compact : ''}`}
      aria-hidden="true"
    >
      {!compact ? <div className={`${styles.cover} ${styles.block}`} /> : null}
      <div className={styles.body}>
        <div className={`${styles.block} ${styles.lineShort}`} />
        <div className={`${styles.block} ${styles.lineTitle}`} />
        {!compact ? <div className={`${styles.block} ${styles.lineText}`} /> : null}
        <div className={`${styles.block} ${styles.lineShort}`} />
      </div>
    </div>
  );
}

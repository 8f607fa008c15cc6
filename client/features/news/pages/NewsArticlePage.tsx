import { useEffect, useMemo, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { newsVariants, type NewsVariant } from '@shared/news/schemas';
import type { NewsArticleDTO } from '@shared/news/types';
import { Page } from '../../../components/Page';
import { Button, LinkButton } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { Avatar } from '../../../components/Avatar';
import { ApiError } from '../../../lib/api';
import { useSocket } from '../../../lib/socket';
import { useArticle, useMarkRead } from '../queries';
import { useWatchArticle } from '../realtime';
import { availableVariants, defaultVariant, variantLang } from '../variants';
import { formatDate, formatDateTime, formatSize } from '../format';
import { RichText, sanitizeRichText } from '../../../components/rich-text/RichText';
import { VariantPicker } from '../components/VariantPicker';
import { ReadAloud } from '../components/ReadAloud';
import { AcknowledgeBox } from '../components/AcknowledgeBox';
import { Reactions } from '../components/Reactions';
import { Comments } from '../components/Comments';
import styles from './article.module.css';

/** One article for a reader: variant picker, read-aloud, acknowledgement, reactions, comments. */
export function NewsArticlePage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('news');
  const query = useArticle(id);
  const socket = useSocket();
  useWatchArticle(socket, query.data ? id : undefined);
  useMarkReadOnce(query.data);

  if (query.isPending) {
    return (
      <Page title={t('article.loading')}>
        <Spinner label={t('article.loading')} />
      </Page>
    );
  }
  if (query.isError || !query.data) {
    const missing = query.error instanceof ApiError && [403, 404].includes(query.error.status);
    return (
      <Page title={t('list.title')}>
        {missing ? (
          <p role="alert">{t('article.notFound')}</p>
        ) : (
          <ErrorMessage error={query.error} />
        )}
        <p>
          <Link to="/news">{t('article.back')}</Link>
        </p>
      </Page>
    );
  }
  return <ArticleView article={query.data} />;
}

/** `POST /api/news/:id/read` once per article and visit, when it was unread. */
function useMarkReadOnce(article: NewsArticleDTO | undefined) {
  const markRead = useMarkRead();
  const done = useRef<string | null>(null);
  const { mutate } = markRead;
  useEffect(() => {
    if (!article || done.current === article.id) return;
    done.current = article.id;
    if (!article.viewer.read) mutate(article.id);
  }, [article, mutate]);
}

/** Plain text of a body for speech: block ends become sentence ends. */
function speechText(title: string, teaser: string, html: string): string {
  const doc = new DOMParser().parseFromString(
    sanitizeRichText(html).replace(/<\/(p|h[2-4]|li|blockquote|pre)>|<br\s*\/?>/gi, '$&\n'),
    'text/html',
  );
  return [title, teaser, ...(doc.body.textContent ?? '').split('\n')]
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (/[.!?:;]$/.test(s) ? s : `${s}.`))
    .join(' ');
}

function ArticleView({ article }: { article: NewsArticleDTO }) {
  const { t, i18n } = useTranslation('news');
  const lang = i18n.resolvedLanguage;
  const [params, setParams] = useSearchParams();
  const variants = availableVariants(article);
  const requested = params.get('v') as NewsVariant | null;
  const variant: NewsVariant =
    requested && newsVariants.includes(requested) && variants.includes(requested)
      ? requested
      : defaultVariant(article, lang);
  const text = article.variants[variant] ?? article.variants.de;
  const body = article.bodies[variant] ?? '';
  const contentLang = variantLang(variant);
  const channel = lang?.startsWith('en') ? article.channel.name.en : article.channel.name.de;
  const spoken = useMemo(() => speechText(text.title, text.teaser, body), [text, body]);

  const chooseVariant = (v: NewsVariant) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('v', v);
        return next;
      },
      { replace: true },
    );

  const review = variant === 'plain' ? article.plainReview : null;
  const reviewer = review?.reviewedBy?.displayName;

  const actions = (
    <>
      {article.abilities.update ? (
        <LinkButton href={`/news/${article.id}/edit`} variant="secondary" size="small">
          {t('article.edit')}
        </LinkButton>
      ) : null}
      <Button variant="tertiary" size="small" onPress={() => window.print()}>
        {t('article.print')}
      </Button>
    </>
  );

  return (
    <div className={styles.layout}>
      <p className={styles.back}>
        <Link to="/news">{t('article.back')}</Link>
      </p>
      <Page
        title={text.title}
        actions={actions}
        description={<span className={styles.channel}>{channel}</span>}
      >
        <article className={styles.article} lang={contentLang}>
          <div className={styles.tools} lang={lang}>
            <VariantPicker variants={variants} value={variant} onChange={chooseVariant} />
            <ReadAloud text={spoken} lang={contentLang} />
          </div>
          {review ? (
            <p className={styles.review} lang={lang}>
              {reviewer && review.reviewedAt
                ? t('variant.reviewed', {
                    name: reviewer,
                    date: formatDate(review.reviewedAt, lang),
                  })
                : reviewer
                  ? t('variant.reviewedNoDate', { name: reviewer })
                  : t('variant.notReviewed')}
            </p>
          ) : null}

          <section className={styles.meta} aria-labelledby="article-meta" lang={lang}>
            <h2 id="article-meta" className="visually-hidden">
              {t('article.details')}
            </h2>
            {article.author ? (
              <Avatar
                initials={article.author.initials}
                photoUrl={article.author.photoUrl}
                size="small"
              />
            ) : null}
            <div className={styles.metaText}>
              {article.author ? (
                <span>
                  {t('article.byline', { author: '' })}
                  <Link to={`/people/${article.author.id}`}>{article.author.displayName}</Link>
                  {article.unit ? <span>, {article.unit.name}</span> : null}
                </span>
              ) : article.unit ? (
                <span>{article.unit.name}</span>
              ) : null}
              {article.publishedAt ? (
                <span className={styles.muted}>
                  <time dateTime={article.publishedAt}>
                    {t('article.publishedAt', { date: formatDateTime(article.publishedAt, lang) })}
                  </time>
                </span>
              ) : null}
            </div>
          </section>

          <AcknowledgeBoxLang article={article} lang={lang} />

          {text.teaser ? <p className={styles.teaser}>{text.teaser}</p> : null}
          {article.cover ? (
            <img
              className={styles.cover}
              src={article.cover.url}
              alt={article.cover.alt}
              width={article.cover.width ?? 1200}
              height={article.cover.height ?? 675}
            />
          ) : null}
          <RichText html={body} lang={contentLang} />

          {article.attachments.length > 0 ? (
            <section className={styles.attachments} aria-labelledby="attachments-title" lang={lang}>
              <h2 id="attachments-title">{t('article.attachments')}</h2>
              <ul>
                {article.attachments.map((f) => (
                  <li key={f.fileId}>
                    <a href={f.url} download={f.filename}>
                      {t('article.download', {
                        name: f.filename,
                        size: formatSize(f.size, lang),
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </article>

        <div className={styles.engagement} lang={lang}>
          <Reactions article={article} />
          <Comments article={article} />
        </div>
      </Page>
    </div>
  );
}

/** The acknowledgement box speaks the UI language, not the article's. */
function AcknowledgeBoxLang({ article, lang }: { article: NewsArticleDTO; lang?: string }) {
  if (!article.mandatory) return null;
  return (
    <div lang={lang}>
      <AcknowledgeBox article={article} />
    </div>
  );
}

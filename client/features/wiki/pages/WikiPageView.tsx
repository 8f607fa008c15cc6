import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PageDTO } from '@shared/wiki/types';
import { ApiError } from '../../../lib/api';
import { Page } from '../../../components/Page';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { Button } from '../../../components/Button';
import { announce } from '../../../components/LiveAnnouncer';
import { usePage, useRestorePage } from '../queries';
import { clearAccessLost, useAccessLost, useWatchPage, useWatchSpace } from '../realtime';
import { PageContent } from '../components/PageContent';
import { PageActions } from '../components/PageActions';
import { PageAside } from '../components/PageAside';
import { Comments } from '../components/Comments';
import { SpaceNav } from '../components/SpaceNav';
import styles from '../wiki.module.css';

function Breadcrumbs({ page }: { page: PageDTO }) {
  const { t } = useTranslation('wiki');
  return (
    <nav aria-label={t('page.breadcrumbs')} className={`${styles.breadcrumbs} wiki-noprint`}>
      <ol>
        <li>
          <Link to="/wiki">{t('home.title')}</Link>
        </li>
        <li>
          <Link to={`/wiki/spaces/${page.spaceId}`}>{page.spaceName}</Link>
        </li>
        {page.breadcrumbs
          .filter((b) => b.id !== page.id)
          .map((b) => (
            <li key={b.id}>
              <Link to={`/wiki/p/${b.id}`}>{b.title}</Link>
            </li>
          ))}
        <li aria-current="page">{page.title}</li>
      </ol>
    </nav>
  );
}

function MetaLine({ page }: { page: PageDTO }) {
  const { t, i18n } = useTranslation('wiki');
  const fmt = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const day = (iso: string) =>
    new Date(`${iso}T12:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  return (
    <p className={styles.meta}>
      <span>
        {page.updatedBy
          ? t('page.updatedBy', { name: page.updatedBy.displayName, when: fmt(page.updatedAt) })
          : t('page.updated', { when: fmt(page.updatedAt) })}
      </span>
      {page.owner ? <span>{t('page.owner', { name: page.owner.displayName })}</span> : null}
      {page.reviewBy ? <span>{t('page.reviewBy', { day: day(page.reviewBy) })}</span> : null}
      {page.restrictedBy ? (
        <span>{t('page.restrictedBy', { title: page.restrictedBy.title })}</span>
      ) : null}
    </p>
  );
}

function Toc({ page }: { page: PageDTO }) {
  const { t } = useTranslation('wiki');
  if (page.toc.length < 2) return null;
  return (
    <nav aria-labelledby="wiki-toc" className={`${styles.toc} wiki-noprint`}>
      <h2 id="wiki-toc" className={styles.tocTitle}>
        {t('page.toc')}
      </h2>
      <ol>
        {page.toc.map((e) => (
          <li key={e.anchor} style={{ marginInlineStart: `${(e.level - 1) * 0.75}rem` }}>
            <a href={`#${e.anchor}`}>{e.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** `/wiki/p/:pageId`: a page to read, with its outline, backlinks, files and comments. */
export function WikiPageView() {
  const { pageId = '' } = useParams();
  const { t } = useTranslation('wiki');
  const page = usePage(pageId);
  const lost = useAccessLost(pageId);
  const restore = useRestorePage(page.data?.spaceId ?? '');
  const [showDraft, setShowDraft] = useState(false);
  useWatchPage(lost ? undefined : pageId);
  // The space's tree live (the page navigation beside the text).
  useWatchSpace(lost ? undefined : page.data?.spaceId);

  useEffect(() => {
    if (page.isSuccess) clearAccessLost(pageId);
  }, [page.isSuccess, pageId]);

  if (lost || (page.error instanceof ApiError && page.error.status === 404)) {
    return (
      <Page title={lost ? t('page.accessLost') : t('page.notFound')}>
        <EmptyState title={lost ? t('page.accessLostText') : t('page.notFoundText')}>
          <Link to="/wiki">{t('page.backToWiki')}</Link>
        </EmptyState>
      </Page>
    );
  }
  if (page.isPending) return <Spinner label={t('common.loading')} />;
  if (page.isError) return <ErrorMessage error={page.error} />;
  const p = page.data;
  const draft = showDraft && p.draftHtml !== null;

  return (
    <div className={styles.pageView}>
      <Breadcrumbs page={p} />
      <Page title={p.title} description={<MetaLine page={p} />}>
        <PageActions page={p} />
        {p.archived ? (
          <div className={styles.banner} role="status">
            <strong>{t('page.archived')}</strong>
            {p.abilities.restore ? (
              <Button
                size="small"
                isDisabled={restore.isPending}
                onPress={() =>
                  restore.mutate(p.id, { onSuccess: () => announce(t('page.restored')) })
                }
              >
                {t('page.restore')}
              </Button>
            ) : null}
            <ErrorMessage error={restore.error} />
          </div>
        ) : null}
        {p.review.state === 'pending' ? (
          <div className={styles.banner} role="status">
            <strong>{t('page.reviewPending')}</strong>
            {p.review.requestedBy ? (
              <span>{t('page.requestedBy', { name: p.review.requestedBy.displayName })}</span>
            ) : null}
          </div>
        ) : null}
        {p.review.state === 'rejected' && p.abilities.viewDraft ? (
          <div className={`${styles.banner} ${styles.warn}`} role="status">
            <strong>{t('page.reviewRejected')}</strong>
            {p.review.comment ? <span>{p.review.comment}</span> : null}
          </div>
        ) : null}
        {p.draftHtml !== null && p.abilities.viewDraft ? (
          <fieldset className={`${styles.switch} wiki-noprint`}>
            <legend>{t('page.version')}</legend>
            <label>
              <input type="radio" checked={!showDraft} onChange={() => setShowDraft(false)} />{' '}
              {t('page.published')}
            </label>
            <label>
              <input type="radio" checked={showDraft} onChange={() => setShowDraft(true)} />{' '}
              {t('page.draft')}
            </label>
          </fieldset>
        ) : null}
        {/* The text first, then its outline and the space's pages (beside it on wide screens):
            the same order for the eye and the keyboard. */}
        <div className={styles.reading}>
          <div className={styles.body}>
            {draft ? <p className={styles.draftNote}>{t('page.showingDraft')}</p> : null}
            {(draft ? p.draftHtml : p.html)?.trim() ? (
              <PageContent html={(draft ? p.draftHtml : p.html) ?? ''} />
            ) : (
              <p className={styles.muted}>{t('page.empty')}</p>
            )}
          </div>
          <div className={styles.side}>
            <Toc page={p} />
            <SpaceNav spaceId={p.spaceId} spaceName={p.spaceName} pageId={p.id} />
          </div>
        </div>
        <PageAside pageId={p.id} />
        <div className="wiki-noprint">
          <Comments pageId={p.id} canComment={p.abilities.comment && !p.archived} />
        </div>
      </Page>
    </div>
  );
}

import { useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { SelectField } from '../../../components/SelectField';
import { CheckboxField } from '../../../components/CheckboxField';
import { Button, LinkButton } from '../../../components/Button';
import { useMe } from '../../auth/queries';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { announce } from '../../../components/LiveAnnouncer';
import { useChannels, useNewsList } from '../queries';
import { NewsCard, NewsCardSkeleton } from '../components/NewsCard';
import styles from './news.module.css';

const ALL = 'all';

/** The reader's feed: channel, unread and mandatory filters (in the URL), "load more" by cursor. */
export function NewsListPage() {
  const { t, i18n } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const [params, setParams] = useSearchParams();
  const channelId = params.get('channel') ?? '';
  const unread = params.get('unread') === 'true';
  const mandatory = params.get('mandatory') === 'true';
  const filtered = Boolean(channelId || unread || mandatory);

  const setParam = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const channels = useChannels();
  const me = useMe();
  // Editors, admins and office editors (who may publish in at least one channel) write news.
  const writes = me.abilities.manageNews || (channels.data ?? []).some((c) => c.abilities.publish);
  const en = i18n.resolvedLanguage?.startsWith('en');
  const channelChoices = useMemo(
    () => [
      { id: ALL, label: t('list.allChannels') },
      ...(channels.data ?? []).map((c) => ({ id: c.id, label: en ? c.name.en : c.name.de })),
    ],
    [channels.data, en, t],
  );

  const query = useNewsList({ channelId, unread, mandatory });
  const articles = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  const settled = !query.isPending && !query.isPlaceholderData;

  const status = !settled
    ? t('list.loading')
    : query.hasNextPage
      ? t('list.countMore', { count: articles.length })
      : t('list.count', { count: articles.length });

  // Said once per settled result, after a filter change (not on the first load).
  const filterKey = `${channelId}|${unread}|${mandatory}`;
  const announcedFor = useRef(filterKey);
  useEffect(() => {
    if (!settled || announcedFor.current === filterKey) return;
    announcedFor.current = filterKey;
    announce(status);
  }, [settled, filterKey, status]);

  return (
    <Page
      title={t('list.title')}
      description={t('list.description')}
      actions={
        writes ? (
          <>
            <LinkButton href="/news/new" size="small">
              {t('manage.new')}
            </LinkButton>
            <LinkButton href="/news/manage" variant="secondary" size="small">
              {t('manage.title')}
            </LinkButton>
          </>
        ) : null
      }
    >
      <section className={styles.filters} aria-labelledby="news-filters">
        <h2 id="news-filters" className="visually-hidden">
          {t('list.filters')}
        </h2>
        <SelectField
          label={t('list.channel')}
          options={channelChoices}
          value={channelId || ALL}
          onChange={(v) => setParam('channel', v === ALL ? null : v)}
          className={styles.channelField}
        />
        <div className={styles.checks}>
          <CheckboxField
            isSelected={unread}
            onChange={(v) => setParam('unread', v ? 'true' : null)}
          >
            {t('list.unreadOnly')}
          </CheckboxField>
          <CheckboxField
            isSelected={mandatory}
            onChange={(v) => setParam('mandatory', v ? 'true' : null)}
          >
            {t('list.mandatoryOnly')}
          </CheckboxField>
        </div>
      </section>

      <section aria-labelledby="news-results" className={styles.results}>
        <h2 id="news-results" className="visually-hidden">
          {t('list.results')}
        </h2>
        <p className={styles.status}>{status}</p>
        {query.isError ? <ErrorMessage error={query.error} /> : null}
        {query.isPending ? (
          <ul className={styles.grid} aria-hidden="true">
            {[0, 1, 2, 3, 4, 5].map((i) => (
              <li key={i}>
                <NewsCardSkeleton />
              </li>
            ))}
          </ul>
        ) : null}
        {settled && articles.length === 0 && !query.isError ? (
          filtered ? (
            <EmptyState
              title={t('list.noneFiltered')}
              action={
                <Button variant="secondary" onPress={() => setParams(new URLSearchParams())}>
                  {t('list.resetFilters')}
                </Button>
              }
            >
              {t('list.noneFilteredHint')}
            </EmptyState>
          ) : (
            <EmptyState title={t('list.none')}>{t('list.noneHint')}</EmptyState>
          )
        ) : null}
        {articles.length > 0 ? (
          <ul className={styles.grid} aria-busy={!settled}>
            {articles.map((a) => (
              <li key={a.id}>
                <NewsCard article={a} headingLevel={3} />
              </li>
            ))}
          </ul>
        ) : null}
        {query.hasNextPage ? (
          <div className={styles.more}>
            <Button
              variant="secondary"
              isDisabled={query.isFetchingNextPage}
              onPress={() => void query.fetchNextPage()}
            >
              {t('list.loadMore')}
            </Button>
          </div>
        ) : null}
      </section>
    </Page>
  );
}

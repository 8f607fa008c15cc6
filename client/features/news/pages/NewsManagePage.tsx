import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { newsStatuses, type NewsStatus } from '@shared/news/schemas';
import type { PersonRef } from '@shared/people/types';
import { Page } from '../../../components/Page';
import { Card } from '../../../components/Card';
import { Button, LinkButton } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { PersonPicker } from '../../people/components/PersonPicker';
import { NewsCard } from '../components/NewsCard';
import { useManagedArticles, usePreviewAs } from '../editor-queries';
import { summaryTitle } from '../variants';
import { formatDateTime } from '../format';
import editor from '../components/editor/editor.module.css';
import styles from './manage.module.css';

const isStatus = (s: string | null): s is NewsStatus =>
  s !== null && (newsStatuses as readonly string[]).includes(s);

function ManagedList({ status }: { status: NewsStatus }) {
  const { t, i18n } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const list = useManagedArticles({ status });
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];
  if (list.error) return <ErrorMessage error={list.error} />;
  if (list.isPending) return <Spinner label={t('manage.loading')} />;
  if (items.length === 0) return <EmptyState title={t(`manage.empty.${status}`)} />;
  return (
    <>
      <ul className={styles.list}>
        {items.map((a) => (
          <li key={a.id} className={styles.item}>
            <div className={styles.itemMain}>
              <Link to={`/news/${a.id}/edit`} className={styles.itemTitle}>
                {summaryTitle(a, i18n.resolvedLanguage)}
              </Link>
              <p className={styles.meta}>
                {i18n.language.startsWith('en') ? a.channel.name.en : a.channel.name.de}
                {a.author ? ` · ${a.author.displayName}` : ''}
                {' · '}
                {status === 'scheduled' && a.publishAt
                  ? t('manage.scheduledFor', { date: formatDateTime(a.publishAt, i18n.language) })
                  : t('manage.updated', { date: formatDateTime(a.updatedAt, i18n.language) })}
              </p>
              <p className={styles.marks}>
                {a.pinned ? <span className={editor.badge}>{t('card.pinned')}</span> : null}
                {a.highlighted ? (
                  <span className={editor.badge}>{t('card.highlighted')}</span>
                ) : null}
                {a.mandatory ? <span className={editor.badge}>{t('manage.mandatory')}</span> : null}
              </p>
            </div>
            <div className={styles.itemActions}>
              {a.abilities.update ? (
                <LinkButton size="small" href={`/news/${a.id}/edit`}>
                  {t('manage.edit')}
                  <span className={styles.srOnly}>: {summaryTitle(a, i18n.resolvedLanguage)}</span>
                </LinkButton>
              ) : null}
              {a.mandatory && a.abilities.viewDashboard ? (
                <LinkButton size="small" variant="tertiary" href={`/news/${a.id}/dashboard`}>
                  {t('manage.dashboard')}
                  <span className={styles.srOnly}>: {summaryTitle(a, i18n.resolvedLanguage)}</span>
                </LinkButton>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <Button isDisabled={list.isFetchingNextPage} onPress={() => void list.fetchNextPage()}>
          {t('list.loadMore')}
        </Button>
      ) : null}
    </>
  );
}

/** The feed as another person sees it: the same list route with `previewAs`. */
function PreviewAs() {
  const { t } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const [person, setPerson] = useState<PersonRef | null>(null);
  const feed = usePreviewAs(person?.id ?? null);
  const items = feed.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Card title={t('manage.preview.title')}>
      <div className={editor.stack}>
        <p className={editor.hint}>{t('manage.preview.help')}</p>
        <PersonPicker label={t('manage.preview.person')} value={person} onChange={setPerson} />
        {person ? (
          feed.error ? (
            <ErrorMessage error={feed.error} />
          ) : feed.isPending ? (
            <Spinner />
          ) : (
            <section aria-label={t('manage.preview.feedOf', { name: person.displayName })}>
              <p className={editor.hint} role="status">
                {t('manage.preview.count', { count: items.length, name: person.displayName })}
              </p>
              <div className={styles.previewFeed}>
                {items.map((a) => (
                  <NewsCard key={a.id} article={a} headingLevel={3} compact />
                ))}
              </div>
            </section>
          )
        ) : null}
      </div>
    </Card>
  );
}

/** `/news/manage`: the editor's articles by status, and "preview as". */
export function NewsManagePage() {
  const { t } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: NewsStatus = isStatus(raw) ? raw : 'draft';
  return (
    <Page
      title={t('manage.title')}
      description={t('manage.description')}
      actions={
        <>
          <LinkButton href="/news/new" variant="primary">
            {t('manage.new')}
          </LinkButton>
          <LinkButton href="/news/channels">{t('manage.channels')}</LinkButton>
        </>
      }
    >
      <Tabs
        selectedKey={status}
        onSelectionChange={(k: Key) => setParams({ status: String(k) }, { replace: true })}
      >
        <TabList aria-label={t('manage.statusLabel')} className={editor.tabList}>
          {newsStatuses.map((s) => (
            <Tab key={s} id={s} className={editor.tab}>
              {t(`manage.tabs.${s}`)}
            </Tab>
          ))}
        </TabList>
        {newsStatuses.map((s) => (
          <TabPanel key={s} id={s} className={editor.tabPanel}>
            <ManagedList status={s} />
          </TabPanel>
        ))}
      </Tabs>
      <PreviewAs />
    </Page>
  );
}

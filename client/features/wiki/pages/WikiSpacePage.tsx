import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import type { PageRefDTO, SpaceDTO, TreeNodeDTO } from '@shared/wiki/types';
import { ApiError } from '../../../lib/api';
import { Page } from '../../../components/Page';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { Button } from '../../../components/Button';
import { announce } from '../../../components/LiveAnnouncer';
import { useArchive, useRestorePage, useSpace, useStale, useTemplates, useTree } from '../queries';
import { clearAccessLost, useAccessLost, useWatchSpace } from '../realtime';
import { PageTree } from '../components/PageTree';
import { TreeDialogs, type TreeDialogState } from '../components/TreeDialogs';
import { SpaceSettings } from '../components/SpaceSettings';
import styles from '../wiki.module.css';

const day = (iso: string, lang: string) =>
  new Date(iso).toLocaleDateString(lang, { dateStyle: 'medium' });

function PageRefList({
  items,
  empty,
  extra,
}: {
  items: PageRefDTO[] | undefined;
  empty: string;
  extra?: (p: PageRefDTO) => ReactNode;
}) {
  const { i18n, t } = useTranslation('wiki');
  if (!items) return <Spinner />;
  if (!items.length) return <p className={styles.muted}>{empty}</p>;
  return (
    <ul className={styles.list}>
      {items.map((p) => (
        <li key={p.id} className={styles.listItem}>
          <div>
            <Link to={`/wiki/p/${p.id}`}>{p.title}</Link>
            <div className={styles.small}>
              {p.breadcrumbs.length > 1
                ? `${p.breadcrumbs
                    .slice(0, -1)
                    .map((b) => b.title)
                    .join(' › ')} · `
                : ''}
              {t('space.changedOn', { day: day(p.updatedAt, i18n.language) })}
            </div>
          </div>
          {extra?.(p)}
        </li>
      ))}
    </ul>
  );
}

function Overview({ space, nodes }: { space: SpaceDTO; nodes: TreeNodeDTO[] }) {
  const { t } = useTranslation('wiki');
  const top = nodes.filter((n) => n.parentId === null).sort((a, b) => a.index - b.index);
  return (
    <div className={styles.stack}>
      {space.description ? <p>{space.description}</p> : null}
      <p className={styles.muted}>
        {t('space.pageCount', { count: space.pageCount })} ·{' '}
        {space.myRole ? t('space.myRole', { role: t(`roles.${space.myRole}`) }) : null}
        {space.approvalRequired ? ` · ${t('space.approvalOn')}` : ''}
      </p>
      <h2 className={styles.h2}>{t('space.topPages')}</h2>
      {top.length ? (
        <ul className={styles.linkList}>
          {top.map((n) => (
            <li key={n.id}>
              <Link to={`/wiki/p/${n.id}`}>{n.title}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{t('tree.empty')}</p>
      )}
    </div>
  );
}

function Stale({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation('wiki');
  const stale = useStale(spaceId);
  return (
    <>
      <ErrorMessage error={stale.error} />
      <PageRefList
        items={stale.data}
        empty={t('space.noStale')}
        extra={(p) => {
          const s = stale.data?.find((x) => x.id === p.id);
          if (!s) return null;
          return (
            <span className={styles.small}>
              {s.reason === 'review_due' && s.reviewBy
                ? t('space.reviewDue', { day: day(s.reviewBy, i18n.language) })
                : t('space.untouched')}
              {s.owner ? ` · ${t('page.owner', { name: s.owner.displayName })}` : ''}
            </span>
          );
        }}
      />
    </>
  );
}

function Archive({ spaceId, canRestore }: { spaceId: string; canRestore: boolean }) {
  const { t } = useTranslation('wiki');
  const archive = useArchive(spaceId);
  const restore = useRestorePage(spaceId);
  return (
    <>
      <ErrorMessage error={archive.error ?? restore.error} />
      <PageRefList
        items={archive.data}
        empty={t('space.noArchive')}
        extra={(p) =>
          canRestore ? (
            <Button
              size="small"
              isDisabled={restore.isPending}
              aria-label={t('space.restoreTitle', { title: p.title })}
              onPress={() =>
                restore.mutate(p.id, {
                  onSuccess: () => announce(t('space.restored', { title: p.title })),
                })
              }
            >
              {t('page.restore')}
            </Button>
          ) : null
        }
      />
    </>
  );
}

function Templates({
  spaceId,
  canEdit,
  onUse,
}: {
  spaceId: string;
  canEdit: boolean;
  onUse: (templateId: string) => void;
}) {
  const { t } = useTranslation('wiki');
  const templates = useTemplates(spaceId);
  return (
    <>
      <p className={styles.muted}>{t('space.templatesHelp')}</p>
      <ErrorMessage error={templates.error} />
      <PageRefList
        items={templates.data}
        empty={t('space.noTemplates')}
        extra={(p) =>
          canEdit ? (
            <Button
              size="small"
              aria-label={t('space.useTemplateTitle', { title: p.title })}
              onPress={() => onUse(p.id)}
            >
              {t('space.useTemplate')}
            </Button>
          ) : null
        }
      />
    </>
  );
}

/** `/wiki/spaces/:spaceId`: the page tree and the space's tabs. */
export function WikiSpacePage() {
  const { spaceId = '' } = useParams();
  const { t } = useTranslation('wiki');
  const [params, setParams] = useSearchParams();
  const space = useSpace(spaceId);
  const tree = useTree(spaceId);
  const lost = useAccessLost(spaceId);
  const [dialog, setDialog] = useState<TreeDialogState>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  // Phones start with the tree folded away (the content comes first); wide screens show it.
  const [treeOpen] = useState(() => window.matchMedia?.('(min-width: 56rem)').matches ?? true);
  useWatchSpace(lost ? undefined : spaceId);
  useEffect(() => {
    if (space.isSuccess) clearAccessLost(spaceId);
  }, [space.isSuccess, spaceId]);

  if (lost || (space.error instanceof ApiError && space.error.status === 404)) {
    return (
      <Page title={lost ? t('page.accessLost') : t('space.notFound')}>
        <EmptyState title={lost ? t('page.accessLostText') : t('space.notFoundText')}>
          <Link to="/wiki">{t('page.backToWiki')}</Link>
        </EmptyState>
      </Page>
    );
  }
  if (space.isPending) return <Spinner label={t('common.loading')} />;
  if (space.isError) return <ErrorMessage error={space.error} />;
  const s = space.data;
  const nodes = tree.data?.nodes ?? [];
  const tab = params.get('tab') ?? 'overview';
  const tabs = [
    'overview',
    'stale',
    'archive',
    'templates',
    ...(s.abilities.manage ? ['settings'] : []),
  ];

  const treePanel = (
    <>
      <div className={styles.treeHead}>
        <h2 className={styles.h2} id="wiki-tree-heading">
          {t('tree.heading')}
        </h2>
        {s.abilities.edit ? (
          <Button
            size="small"
            onPress={() => {
              setTemplateId(null);
              setDialog({ action: 'newTop', node: null });
            }}
          >
            {t('tree.newPage')}
          </Button>
        ) : null}
      </div>
      {tree.isPending ? <Spinner /> : null}
      <ErrorMessage error={tree.error} />
      {tree.data ? (
        <PageTree
          spaceId={s.id}
          nodes={nodes}
          canOrganise={s.abilities.edit}
          onAction={(action, node) => {
            setTemplateId(null);
            setDialog({ action, node });
          }}
        />
      ) : null}
    </>
  );

  return (
    <Page
      title={s.name}
      description={
        <nav aria-label={t('page.breadcrumbs')}>
          <Link to="/wiki">{t('home.title')}</Link>
        </nav>
      }
    >
      <div className={styles.spaceLayout}>
        <section className={styles.treePanel} aria-labelledby="wiki-tree-heading">
          <details open={treeOpen}>
            <summary>{t('tree.toggle')}</summary>
            {treePanel}
          </details>
        </section>
        <Tabs
          className={styles.tabs}
          selectedKey={tabs.includes(tab) ? tab : 'overview'}
          onSelectionChange={(k: Key) =>
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                next.set('tab', String(k));
                return next;
              },
              { replace: true },
            )
          }
        >
          <TabList aria-label={t('space.tabs')} className={styles.tabList}>
            {tabs.map((id) => (
              <Tab key={id} id={id} className={styles.tab}>
                {t(`space.tab.${id}`)}
              </Tab>
            ))}
          </TabList>
          <TabPanel id="overview" className={styles.tabPanel}>
            <Overview space={s} nodes={nodes} />
          </TabPanel>
          <TabPanel id="stale" className={styles.tabPanel}>
            <Stale spaceId={s.id} />
          </TabPanel>
          <TabPanel id="archive" className={styles.tabPanel}>
            <Archive spaceId={s.id} canRestore={s.abilities.edit} />
          </TabPanel>
          <TabPanel id="templates" className={styles.tabPanel}>
            <Templates
              spaceId={s.id}
              canEdit={s.abilities.edit}
              onUse={(id) => {
                setTemplateId(id);
                setDialog({ action: 'newTop', node: null });
              }}
            />
          </TabPanel>
          {s.abilities.manage ? (
            <TabPanel id="settings" className={styles.tabPanel}>
              <SpaceSettings space={s} />
            </TabPanel>
          ) : null}
        </Tabs>
      </div>
      <TreeDialogs
        spaceId={s.id}
        nodes={nodes}
        state={dialog}
        templateId={templateId}
        onClose={() => setDialog(null)}
      />
    </Page>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PageDTO } from '@shared/wiki/types';
import { Page } from '../../../components/Page';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { Button, LinkButton } from '../../../components/Button';
import { announce } from '../../../components/LiveAnnouncer';
import { FormDialog } from '../../people/components/FormDialog';
import {
  flatRevisions,
  useDiff,
  usePage,
  useRestoreRevision,
  useRevision,
  useRevisions,
} from '../editor/queries';
import { DiffView } from './DiffView';
import { RevisionList } from './RevisionList';
import { PageContent } from '../components/PageContent';
import forms from '../../people/components/forms.module.css';
import styles from './history.module.css';

/** `/wiki/p/:pageId/history?from=&to=&view=`: revisions, diff between two, one revision, restore. */
export function WikiHistoryPage() {
  const { t } = useTranslation('wikiEditor');
  const { pageId = '' } = useParams();
  const page = usePage(pageId);
  if (page.isPending) return <Spinner />;
  if (page.isError || !page.data)
    return (
      <Page title={t('history.titleFallback')}>
        <ErrorMessage error={page.error} />
      </Page>
    );
  return <History page={page.data} />;
}

function History({ page }: { page: PageDTO }) {
  const { t } = useTranslation('wikiEditor');
  const [params, setParams] = useSearchParams();
  const revisions = useRevisions(page.id);
  const list = useMemo(() => flatRevisions(revisions.data), [revisions.data]);
  // Default comparison: the newest against the one before it.
  const from = params.get('from') ?? list[1]?.id ?? null;
  const to = params.get('to') ?? list[0]?.id ?? null;
  const viewId = params.get('view');
  const diff = useDiff(page.id, from, to);

  const set = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (!next.has('from') && from) next.set('from', from);
        if (!next.has('to') && to) next.set('to', to);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  const numberOf = (id: string | null) => list.find((r) => r.id === id)?.number;

  return (
    <Page
      title={t('history.title', { title: page.title })}
      actions={
        <>
          <LinkButton href={`/wiki/p/${page.id}`} variant="secondary">
            {t('edit.view')}
          </LinkButton>
          {page.abilities.edit ? (
            <LinkButton href={`/wiki/p/${page.id}/edit`} variant="secondary">
              {t('history.edit')}
            </LinkButton>
          ) : null}
        </>
      }
    >
      <div className={styles.layout}>
        <section aria-labelledby="wiki-revisions" className={styles.section}>
          <h2 id="wiki-revisions">{t('history.listTitle')}</h2>
          {revisions.isPending ? <Spinner /> : null}
          <ErrorMessage error={revisions.error} />
          {revisions.isSuccess && list.length === 0 ? (
            <EmptyState title={t('history.empty')} />
          ) : null}
          {list.length > 0 ? (
            <RevisionList
              revisions={list}
              from={from}
              to={to}
              onPick={(which, id) => set({ [which]: id })}
              onView={(id) => set({ view: id })}
              hasMore={revisions.hasNextPage}
              onMore={() => void revisions.fetchNextPage()}
            />
          ) : null}
        </section>
        <div className={styles.column}>
          {viewId ? (
            <RevisionPanel page={page} revisionId={viewId} onClose={() => set({ view: null })} />
          ) : null}
          {from && to && from !== to ? (
            <section aria-labelledby="wiki-diff" className={styles.section}>
              <h2 id="wiki-diff">
                {t('diff.heading', { from: numberOf(from) ?? '?', to: numberOf(to) ?? '?' })}
              </h2>
              {diff.isPending ? <Spinner /> : null}
              <ErrorMessage error={diff.error} />
              {diff.data ? <DiffView diff={diff.data} /> : null}
            </section>
          ) : list.length > 1 ? (
            <p className={styles.hint}>{t('diff.pickTwo')}</p>
          ) : null}
        </div>
      </div>
    </Page>
  );
}

/** One revision's (sanitised) content, and restoring it with the edit right. */
function RevisionPanel({
  page,
  revisionId,
  onClose,
}: {
  page: PageDTO;
  revisionId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('wikiEditor');
  const navigate = useNavigate();
  const rev = useRevision(page.id, revisionId);
  const restore = useRestoreRevision(page.id);
  const [confirm, setConfirm] = useState(false);
  useEffect(() => restore.reset(), [revisionId]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section aria-labelledby="wiki-revision" className={styles.section}>
      <h2 id="wiki-revision">
        {rev.data ? t('history.number', { number: rev.data.number }) : t('history.revision')}
      </h2>
      {rev.isPending ? <Spinner /> : null}
      <ErrorMessage error={rev.error} />
      {rev.data ? (
        <>
          <p className={styles.meta}>{rev.data.title}</p>
          <div className={styles.revisionBody}>
            <PageContent html={rev.data.html} />
          </div>
        </>
      ) : null}
      <div className={styles.actions}>
        {page.abilities.edit && rev.data ? (
          <Button variant="primary" onPress={() => setConfirm(true)}>
            {t('restore.button')}
          </Button>
        ) : null}
        <Button variant="secondary" onPress={onClose}>
          {t('history.close')}
        </Button>
      </div>
      <FormDialog
        title={t('restore.title')}
        role="alertdialog"
        isOpen={confirm}
        onOpenChange={setConfirm}
      >
        <p>{t('restore.confirm', { number: rev.data?.number ?? '' })}</p>
        <ErrorMessage error={restore.error} />
        <div className={forms.buttons}>
          <Button
            variant="primary"
            isDisabled={restore.isPending}
            onPress={() =>
              restore.mutate(revisionId, {
                onSuccess: () => {
                  announce(t('restore.done'));
                  setConfirm(false);
                  void navigate(`/wiki/p/${page.id}`);
                },
              })
            }
          >
            {t('restore.button')}
          </Button>
          <Button variant="secondary" onPress={() => setConfirm(false)}>
            {t('cancel')}
          </Button>
        </div>
      </FormDialog>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SpaceDTO } from '@shared/wiki/types';
import { Page } from '../../../components/Page';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { Button, LinkButton } from '../../../components/Button';
import { SearchField } from '../../../components/SearchField';
import { useMe } from '../../auth/queries';
import { useDebouncedValue } from '../../people/useDebouncedValue';
import { useSpaces, useWikiSearch } from '../queries';
import { NewSpaceDialog } from '../components/NewSpaceDialog';
import styles from '../wiki.module.css';

const groups = [
  { id: 'org', kinds: ['org'] },
  { id: 'office', kinds: ['office'] },
  { id: 'topic', kinds: ['topic', 'room'] },
] as const;

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation('wiki');
  const hits = useWikiSearch(q);
  if (q.trim().length < 2) return null;
  return (
    <section aria-labelledby="wiki-hits" aria-busy={hits.isFetching}>
      <h2 id="wiki-hits" className={styles.h2}>
        {t('home.results')}
      </h2>
      <ErrorMessage error={hits.error} />
      {hits.isPending ? <Spinner /> : null}
      {hits.data && !hits.data.length ? <p className={styles.muted}>{t('home.noHits')}</p> : null}
      {hits.data?.length ? (
        <>
          <p className="visually-hidden" role="status">
            {t('home.hitCount', { count: hits.data.length })}
          </p>
          <ol className={styles.hits}>
            {hits.data.map((h) => (
              <li key={h.id}>
                <Link to={`/wiki/p/${h.id}`}>{h.title}</Link>
                <div className={styles.small}>
                  {[h.spaceName, ...h.breadcrumbs.slice(0, -1).map((b) => b.title)].join(' › ')}
                </div>
                {/* Plain text from the server, rendered as text. */}
                <p>{h.excerpt}</p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function SpaceCard({ space }: { space: SpaceDTO }) {
  const { t } = useTranslation('wiki');
  return (
    <li>
      <div className={styles.spaceCard}>
        <Link to={`/wiki/spaces/${space.id}`}>{space.name}</Link>
        {space.description ? <span>{space.description}</span> : null}
        <span className={styles.small}>
          {t('space.pageCount', { count: space.pageCount })}
          {space.myRole ? ` · ${t(`roles.${space.myRole}`)}` : ''}
        </span>
      </div>
    </li>
  );
}

/** `/wiki`: my spaces by kind, the wiki search, new space, and reviews waiting for me. */
export function WikiHomePage() {
  const { t } = useTranslation('wiki');
  const me = useMe();
  const spaces = useSpaces();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const [creating, setCreating] = useState(false);
  // Matches the server's rule (portal roles that may create spaces); the server decides.
  const canCreate = me.roles.some((r) => r === 'admin' || r === 'editor' || r === 'mover');
  const reviews = (spaces.data ?? []).some((s) => s.approvalRequired && s.abilities.manage);
  return (
    <Page
      title={t('home.title')}
      actions={
        <>
          {reviews ? <LinkButton href="/wiki/reviews">{t('home.reviews')}</LinkButton> : null}
          {canCreate ? (
            <Button variant="primary" onPress={() => setCreating(true)}>
              {t('home.newSpace')}
            </Button>
          ) : null}
        </>
      }
    >
      <div className={styles.stack}>
        <search>
          <SearchField label={t('home.search')} value={q} onChange={setQ} />
        </search>
        <SearchResults q={debounced} />
        {spaces.isPending ? <Spinner /> : null}
        <ErrorMessage error={spaces.error} />
        {spaces.data && !spaces.data.length ? <EmptyState title={t('home.noSpaces')} /> : null}
        {groups.map((g) => {
          const list = (spaces.data ?? []).filter((s) =>
            (g.kinds as readonly string[]).includes(s.kind),
          );
          if (!list.length) return null;
          return (
            <section key={g.id} aria-labelledby={`wiki-kind-${g.id}`}>
              <h2 id={`wiki-kind-${g.id}`} className={styles.h2}>
                {t(`kindGroups.${g.id}`)}
              </h2>
              <ul className={styles.grid}>
                {list.map((s) => (
                  <SpaceCard key={s.id} space={s} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <NewSpaceDialog isOpen={creating} onOpenChange={setCreating} />
    </Page>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { SearchField } from '../../../components/SearchField';
import { SelectField } from '../../../components/SelectField';
import { Button } from '../../../components/Button';
import { useDebouncedValue } from '../useDebouncedValue';
import { useDirectory, useLocations, useUnits } from '../queries';
import { unitOptions } from '../tree';
import { PersonCard } from '../components/PersonCard';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { announce } from '../../../components/LiveAnnouncer';
import styles from '../people.module.css';

const ALL = 'all';

/** The people directory: search (debounced, in the URL), office and location filters, load more. */
export function DirectoryPage() {
  const { t } = useTranslation('people');
  const [params, setParams] = useSearchParams();
  const urlQ = params.get('q') ?? '';
  const unitId = params.get('unit') ?? '';
  const locationId = params.get('location') ?? '';
  const [text, setText] = useState(urlQ);
  const debounced = useDebouncedValue(text, 300);

  // Typing updates the URL after a pause (replace: typing should not flood the history).
  useEffect(() => {
    if (debounced.trim() === urlQ) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debounced.trim()) next.set('q', debounced.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
    // urlQ is read, not a trigger: back/forward is handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced, setParams]);

  // Back/forward navigation changes the URL: reflect it in the field.
  const [seenQ, setSeenQ] = useState(urlQ);
  if (urlQ !== seenQ) {
    setSeenQ(urlQ);
    if (urlQ !== debounced.trim()) setText(urlQ);
  }

  const setFilter = (key: 'unit' | 'location', value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value && value !== ALL) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const units = useUnits();
  const locations = useLocations();
  const filters = { q: urlQ, unitId, includeSubunits: true, locationId };
  const query = useDirectory(filters);
  const people = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  const settled = !query.isPending && !query.isPlaceholderData;

  const unitChoices = useMemo(
    () => [
      { id: ALL, label: t('directory.allUnits') },
      ...unitOptions(units.data ?? []).map((o) => ({
        id: o.id,
        label: `${'\u2003'.repeat(Math.max(0, o.depth - 1))}${o.label}`,
      })),
    ],
    [units.data, t],
  );
  const locationChoices = useMemo(
    () => [
      { id: ALL, label: t('directory.allLocations') },
      ...(locations.data ?? []).map((l) => ({ id: l.id, label: l.name })),
    ],
    [locations.data, t],
  );

  const status = !settled
    ? t('directory.loading')
    : query.hasNextPage
      ? t('directory.countMore', { count: people.length })
      : t('directory.count', { count: people.length });

  // The count is said once per settled result (not on every keystroke).
  useEffect(() => {
    if (settled) announce(status);
  }, [settled, status]);

  return (
    <Page title={t('directory.title')} description={t('directory.description')}>
      <section className={styles.card} aria-labelledby="directory-filters">
        <h2 id="directory-filters" className="visually-hidden">
          {t('directory.filters')}
        </h2>
        <form
          role="search"
          aria-labelledby="directory-filters"
          className={styles.searchForm}
          onSubmit={(e) => e.preventDefault()}
        >
          <SearchField
            label={t('directory.searchLabel')}
            placeholder={t('directory.searchPlaceholder')}
            value={text}
            onChange={setText}
            onClear={() => setText('')}
          />
          <SelectField
            label={t('directory.unitLabel')}
            options={unitChoices}
            value={unitId || ALL}
            onChange={(v) => setFilter('unit', v)}
          />
          <SelectField
            label={t('directory.locationLabel')}
            options={locationChoices}
            value={locationId || ALL}
            onChange={(v) => setFilter('location', v)}
          />
        </form>
      </section>

      <section aria-labelledby="directory-results" className={styles.resultsSection}>
        <h2 id="directory-results" className="visually-hidden">
          {t('directory.results')}
        </h2>
        <p className={styles.status}>{status}</p>
        {query.isError ? <ErrorMessage error={query.error} /> : null}
        {settled && people.length === 0 && !query.isError ? (
          <EmptyState title={t('directory.none')}>{t('directory.noneHint')}</EmptyState>
        ) : null}
        {people.length > 0 ? (
          <ul className={styles.results} aria-busy={!settled}>
            {people.map((p) => (
              <li key={p.id}>
                <PersonCard person={p} />
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
              {t('directory.loadMore')}
            </Button>
          </div>
        ) : null}
      </section>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import type { CatalogueParams } from '../api';
import { filtersFromSearch, searchFromFilters } from '../model';
import { useCatalogue, useCategories } from '../queries';
import { CatalogueFilters } from '../components/CatalogueFilters';
import { CourseCard } from '../components/CourseCard';
import styles from '../learning.module.css';

/** `/learning`: the course catalogue with search and filters (kept in the address). */
export function CataloguePage() {
  const { t } = useTranslation('learning');
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const categories = useCategories();
  const list = useCatalogue(filters);
  const setFilters = (next: CatalogueParams) =>
    setParams(searchFromFilters(next), { replace: true });

  const courses = list.data?.pages.flatMap((p) => p.data) ?? [];
  const total = list.data?.pages[0]?.total ?? courses.length;
  return (
    <Page title={t('catalogue.title')} description={t('catalogue.intro')}>
      <CatalogueFilters value={filters} onChange={setFilters} categories={categories.data ?? []} />
      <p className={styles.muted} role="status" aria-live="polite">
        {list.isSuccess ? t('catalogue.count', { count: total }) : ''}
      </p>
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : courses.length === 0 ? (
        <EmptyState title={t('catalogue.empty')} />
      ) : (
        <ul className={styles.grid}>
          {courses.map((course) => (
            <li key={course.id}>
              <CourseCard course={course} />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <div>
          <Button isDisabled={list.isFetchingNextPage} onPress={() => void list.fetchNextPage()}>
            {t('actions.loadMore')}
          </Button>
        </div>
      ) : null}
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/Button';
import { announce } from '../../../../components/LiveAnnouncer';
import styles from '../trainings.module.css';

interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<{ data?: { pages: { data: unknown[] }[] } }>;
}

/** "Mehr laden" under a paged list; says how many arrived (screen readers). */
export function LoadMore({ query }: { query: Pager }) {
  const { t } = useTranslation('learningTrainings');
  if (!query.hasNextPage) return null;
  return (
    <div className={styles.row}>
      <Button
        isDisabled={query.isFetchingNextPage}
        onPress={() =>
          void query.fetchNextPage().then((r) => {
            const pages = r.data?.pages ?? [];
            const count = pages[pages.length - 1]?.data.length ?? 0;
            announce(t('inbox.loadedMore', { count }));
          })
        }
      >
        {t('inbox.loadMore')}
      </Button>
    </div>
  );
}

import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { learnerStatuses, type LearnerStatus } from '@shared/learning/schemas';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { SearchField } from '../../../components/SearchField';
import { SelectField } from '../../../components/SelectField';
import { Spinner } from '../../../components/Spinner';
import { useDebouncedValue } from '../../people/useDebouncedValue';
import { formatDay } from '../model';
import { useLearners } from '../queries';
import styles from '../learning.module.css';

const ALL = 'all';

/**
 * "Teilnehmende" of a course for its authors: progress, completion and quizzes per learner.
 * A mandatory course has up to 14,000 learners: the server pages (last activity first), searches
 * names and filters by status; this view shows the total and loads more on request.
 */
export function LearnersTable({ courseId, title }: { courseId: string; title: string }) {
  const { t, i18n } = useTranslation('learning');
  const { t: ta } = useTranslation('learningAuthor');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<LearnerStatus | undefined>(undefined);
  const search = useDebouncedValue(q.trim(), 300);
  const filtered = search !== '' || status !== undefined;
  const learners = useLearners(courseId, { q: search || undefined, status }, true);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const rows = learners.data?.pages.flatMap((p) => p.data) ?? [];
  const total = learners.data?.pages[0]?.total ?? 0;

  const loadMore = async () => {
    const before = rows.length;
    const next = await learners.fetchNextPage();
    const after = next.data?.pages.reduce((n, p) => n + p.data.length, 0) ?? before;
    if (next.isError || after <= before) return;
    announce(ta('learners.added', { count: after - before }));
    // Keyboard users go on with the first new row (the button may be gone after the last page).
    requestAnimationFrame(() =>
      bodyRef.current?.querySelectorAll<HTMLElement>('tr a')[before]?.focus(),
    );
  };

  return (
    <div className={styles.stack}>
      <div className={styles.filters} role="search" aria-label={ta('learners.filters')}>
        <SearchField label={ta('learners.search')} value={q} onChange={setQ} />
        <SelectField
          label={ta('learners.status')}
          value={status ?? ALL}
          onChange={(v) => setStatus(v === ALL ? undefined : (v as LearnerStatus))}
          options={[
            { id: ALL, label: ta('learners.statusAll') },
            ...learnerStatuses.map((s) => ({ id: s, label: ta(`learners.statuses.${s}`) })),
          ]}
        />
      </div>
      <p className={styles.muted} role="status" aria-live="polite">
        {learners.isSuccess ? ta('learners.count', { count: total }) : ''}
      </p>
      {learners.isPending ? (
        <Spinner />
      ) : learners.isError ? (
        <ErrorMessage error={learners.error} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? ta('learners.noMatch') : t('learners.empty')} />
      ) : (
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.stackOnPhone}`}>
            <caption className="visually-hidden">{t('learners.caption', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('learners.person')}</th>
                <th scope="col">{ta('learners.status')}</th>
                <th scope="col">{t('learners.progress')}</th>
                <th scope="col">{t('learners.completed')}</th>
                <th scope="col">{t('learners.quizzes')}</th>
                <th scope="col">{ta('learners.lastActivity')}</th>
              </tr>
            </thead>
            <tbody ref={bodyRef}>
              {rows.map((l) => {
                const quizzes = Object.values(l.quizzes);
                return (
                  <tr key={l.person.id}>
                    <th scope="row">
                      <Link to={`/people/${l.person.id}`}>{l.person.displayName}</Link>
                    </th>
                    <td data-label={ta('learners.status')}>
                      {ta(`learners.statuses.${l.status}`)}
                    </td>
                    <td data-label={t('learners.progress')}>
                      {t('progress.percent', { percent: l.percent })}
                    </td>
                    <td data-label={t('learners.completed')}>
                      {l.completedAt ? formatDay(l.completedAt, i18n.language) : '–'}
                    </td>
                    <td data-label={t('learners.quizzes')}>
                      {quizzes.length === 0
                        ? '–'
                        : t('learners.quizSummary', {
                            passed: quizzes.filter((x) => x.passed).length,
                            total: quizzes.length,
                          })}
                    </td>
                    <td data-label={ta('learners.lastActivity')}>
                      {formatDay(l.lastActivityAt, i18n.language)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {learners.hasNextPage && !learners.isError ? (
        <div>
          <Button isDisabled={learners.isFetchingNextPage} onPress={() => void loadMore()}>
            {ta('learners.loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

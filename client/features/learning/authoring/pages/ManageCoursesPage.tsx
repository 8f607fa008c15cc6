import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { courseStatuses, type CourseStatus } from '@shared/learning/schemas';
import { Page } from '../../../../components/Page';
import { Button, LinkButton } from '../../../../components/Button';
import { SearchField } from '../../../../components/SearchField';
import { SelectField } from '../../../../components/SelectField';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Spinner } from '../../../../components/Spinner';
import { useMe } from '../../../auth/queries';
import { useDebouncedValue } from '../../../people/useDebouncedValue';
import { useManagedCourses } from '../queries';
import { CreateCourseDialog } from '../components/CreateCourseDialog';
import { StatusBadges } from '../components/StatusBadges';
import styles from '../authoring.module.css';

const all = 'all';

/** `/learning/manage`: the courses I author (HR: every course), with "Kurs anlegen" for HR. */
export function ManageCoursesPage() {
  const { t, i18n } = useTranslation('learningAuthor');
  const me = useMe();
  const hr = me.roles.includes('hr');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>(all);
  const [creating, setCreating] = useState(false);
  const query = useDebouncedValue(q.trim(), 250);
  const list = useManagedCourses({
    q: query || undefined,
    status: status === all ? undefined : (status as CourseStatus),
  });
  const courses = list.data?.pages.flatMap((p) => p.data) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);

  return (
    <Page
      title={t('manage.title')}
      description={<p className={styles.muted}>{hr ? t('manage.introHr') : t('manage.intro')}</p>}
      actions={
        hr ? (
          <>
            <LinkButton href="/learning/categories">{t('manage.categories')}</LinkButton>
            <Button variant="primary" onPress={() => setCreating(true)}>
              {t('manage.create')}
            </Button>
          </>
        ) : null
      }
    >
      <div className={styles.stack}>
        <div className={styles.optionRow}>
          <SearchField label={t('manage.search')} value={q} onChange={setQ} />
          <SelectField
            label={t('manage.status')}
            options={[
              { id: all, label: t('manage.allStatuses') },
              ...courseStatuses.map((s) => ({ id: s, label: t(`status.${s}`) })),
            ]}
            value={status}
            onChange={setStatus}
          />
        </div>
        {list.isPending ? <Spinner label={t('manage.loading')} /> : null}
        <ErrorMessage error={list.error} />
        {list.data ? (
          <p role="status" className={styles.muted}>
            {t('manage.count', { count: total })}
          </p>
        ) : null}
        {list.data && courses.length === 0 ? (
          <EmptyState title={t('manage.emptyTitle')}>
            {hr ? t('manage.emptyHr') : t('manage.empty')}
          </EmptyState>
        ) : null}
        {courses.length > 0 ? (
          <ul className={styles.list}>
            {courses.map((c) => (
              <li key={c.id} className={styles.item}>
                <div className={styles.itemMain}>
                  <h2 className={styles.itemTitle}>
                    <Link to={`/learning/manage/${c.id}`}>{c.title}</Link>
                  </h2>
                  <StatusBadges status={c.status} version={c.version} changed={c.draftChanged} />
                  <p className={styles.muted}>
                    {/* lessonCount is of the published version: a draft or a self-assessment
                        (statements, no lessons) would read "0 Lektionen". */}
                    {c.version > 0 && c.kind !== 'self_assessment'
                      ? t('manage.line', {
                          kind: t(`kinds.${c.kind}`),
                          date: date(c.updatedAt),
                          count: c.lessonCount,
                        })
                      : t('manage.lineNoLessons', {
                          kind: t(`kinds.${c.kind}`),
                          date: date(c.updatedAt),
                        })}
                  </p>
                </div>
                {c.version > 0 ? (
                  <Link to={`/learning/courses/${c.id}`}>
                    {t('manage.open')}
                    <span className="visually-hidden">: {c.title}</span>
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {list.hasNextPage ? (
          <div className={styles.row}>
            <Button isDisabled={list.isFetchingNextPage} onPress={() => void list.fetchNextPage()}>
              {t('manage.more')}
            </Button>
          </div>
        ) : null}
      </div>
      {hr ? <CreateCourseDialog isOpen={creating} onOpenChange={setCreating} /> : null}
    </Page>
  );
}

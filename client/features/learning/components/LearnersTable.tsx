import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { formatDay } from '../model';
import { useLearners } from '../queries';
import styles from '../learning.module.css';

/** "Teilnehmende" of a course for its authors: progress, completion and quizzes per learner. */
export function LearnersTable({ courseId, title }: { courseId: string; title: string }) {
  const { t, i18n } = useTranslation('learning');
  const learners = useLearners(courseId, true);
  if (learners.isPending) return <Spinner />;
  if (learners.isError) return <ErrorMessage error={learners.error} />;
  if (learners.data.length === 0) return <EmptyState title={t('learners.empty')} />;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">{t('learners.caption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('learners.person')}</th>
            <th scope="col">{t('learners.progress')}</th>
            <th scope="col">{t('learners.completed')}</th>
            <th scope="col">{t('learners.quizzes')}</th>
          </tr>
        </thead>
        <tbody>
          {learners.data.map((l) => {
            const quizzes = Object.values(l.quizzes);
            return (
              <tr key={l.person.id}>
                <th scope="row">
                  <Link to={`/people/${l.person.id}`}>{l.person.displayName}</Link>
                </th>
                <td>{t('progress.percent', { percent: l.percent })}</td>
                <td>{l.completedAt ? formatDay(l.completedAt, i18n.language) : '–'}</td>
                <td>
                  {quizzes.length === 0
                    ? '–'
                    : t('learners.quizSummary', {
                        passed: quizzes.filter((q) => q.passed).length,
                        total: quizzes.length,
                      })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

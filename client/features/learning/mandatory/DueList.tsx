import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { formatDate } from '../trainings/format';
import { useDue } from './queries';
import styles from '../trainings/trainings.module.css';

/** "Fällige Schulungen" on /learning/mine: my mandatory courses not done yet, overdue first. */
export function DueList() {
  const { t, i18n } = useTranslation('learningTrainings');
  const q = useDue();
  const items = [...(q.data ?? [])].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline),
  );
  return (
    <section className={styles.stack} aria-labelledby="learning-due">
      <h2 id="learning-due">{t('due.title')}</h2>
      {q.isPending ? (
        <Spinner label={t('due.loading')} />
      ) : q.isError ? (
        <ErrorMessage error={q.error}>
          <Button size="small" onPress={() => void q.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorMessage>
      ) : items.length === 0 ? (
        <p className={styles.muted}>{t('due.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((d) => (
            <li key={d.assignmentId} className={styles.card}>
              <div className={styles.head}>
                <h3>
                  <Link to={`/learning/courses/${encodeURIComponent(d.course.id)}`}>
                    {d.course.title}
                  </Link>
                </h3>
                <span className={`${styles.pill} ${d.overdue ? styles.bad : styles.warn}`}>
                  {d.overdue
                    ? t('due.overdueSince', { date: formatDate(d.deadline, i18n.language) })
                    : t('due.until', { date: formatDate(d.deadline, i18n.language) })}
                </span>
              </div>
              {d.course.kind !== 'training' ? (
                <p className={styles.muted}>{t('due.percent', { percent: d.percent })}</p>
              ) : (
                <p className={styles.muted}>{t('due.training')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

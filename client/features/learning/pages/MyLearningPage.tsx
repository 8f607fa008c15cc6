import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { LinkButton } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { useMe } from '../../auth/queries';
import { formatDay } from '../model';
import { useMyCourses } from '../queries';
import { ProgressBar } from '../components/ProgressBar';
import { TrainingRecord } from '../components/TrainingRecord';
import { MyRegistrations } from '../trainings/MyRegistrations';
import { DueList } from '../mandatory/DueList';
import styles from '../learning.module.css';

/** `/learning/mine`: my courses with "Fortsetzen", due trainings, registrations, my record. */
export function MyLearningPage() {
  const { t, i18n } = useTranslation('learning');
  const me = useMe();
  const mine = useMyCourses();
  return (
    <Page
      title={t('mine.title')}
      actions={<LinkButton href="/learning/verify">{t('verify.title')}</LinkButton>}
    >
      <section className={styles.section} aria-labelledby="mine-courses">
        <h2 id="mine-courses">{t('mine.courses')}</h2>
        {mine.isPending ? (
          <Spinner />
        ) : mine.isError ? (
          <ErrorMessage error={mine.error} />
        ) : mine.data.length === 0 ? (
          <EmptyState
            title={t('mine.empty')}
            action={<LinkButton href="/learning">{t('mine.toCatalogue')}</LinkButton>}
          />
        ) : (
          <ul className={styles.grid}>
            {mine.data.map(({ course, enrolment, resumeLesson }) => (
              <li key={course.id}>
                <article className={styles.card}>
                  <div className={styles.cardBody}>
                    <h3 className={styles.cardTitle}>
                      <Link to={`/learning/courses/${course.id}`}>{course.title}</Link>
                    </h3>
                    <p className={styles.muted}>{t(`kind.${course.kind}`)}</p>
                    {course.mandatoryDeadline && !enrolment.completedAt ? (
                      <p className={styles.cardText}>
                        <span className={styles.due}>
                          {t('card.mandatoryUntil', {
                            date: formatDay(course.mandatoryDeadline, i18n.language),
                          })}
                        </span>
                      </p>
                    ) : null}
                    {enrolment.completedAt ? (
                      <p className={styles.cardText}>
                        <span className={styles.done}>
                          {t('card.completed', {
                            date: formatDay(enrolment.completedAt, i18n.language),
                          })}
                        </span>
                      </p>
                    ) : (
                      <ProgressBar
                        percent={enrolment.percent}
                        label={t('progress.label', { title: course.title })}
                        text={t('progress.percent', { percent: enrolment.percent })}
                      />
                    )}
                    <div className={styles.row}>
                      {resumeLesson && !enrolment.completedAt ? (
                        <LinkButton
                          variant="primary"
                          size="small"
                          href={`/learning/courses/${course.id}/lessons/${resumeLesson.id}`}
                        >
                          {t('mine.resume')}
                          <span className="visually-hidden">
                            : {course.title}, {resumeLesson.title}
                          </span>
                        </LinkButton>
                      ) : null}
                      {enrolment.certificateCode ? (
                        <Link to={`/learning/certificates/${enrolment.certificateCode}`}>
                          {t('course.certificate')}
                          <span className="visually-hidden">: {course.title}</span>
                        </Link>
                      ) : null}
                    </div>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Both bring their own section heading. */}
      <DueList />
      <MyRegistrations />
      <TrainingRecord personId={me.id} showInProgress={false} />
    </Page>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CourseCardDTO } from '@shared/learning/types';
import { durationParts, formatDay } from '../model';
import { ProgressBar } from './ProgressBar';
import styles from '../learning.module.css';

/** "2 Std. 15 Min." in the reader's language. */
export function useDuration() {
  const { t } = useTranslation('learning');
  return (minutes: number) => {
    const { hours, minutes: rest } = durationParts(minutes);
    if (hours === 0) return t('duration.minutes', { count: rest });
    if (rest === 0) return t('duration.hours', { count: hours });
    return t('duration.both', { hours, minutes: rest });
  };
}

/** One course in the catalogue: image, kind, duration, mandatory deadline, my progress. */
export function CourseCard({ course }: { course: CourseCardDTO }) {
  const { t, i18n } = useTranslation('learning');
  const duration = useDuration();
  const lang = i18n.language;
  return (
    <article className={styles.card} lang={course.language !== lang ? course.language : undefined}>
      {course.imageUrl ? (
        <img className={styles.cardImage} src={course.imageUrl} alt="" loading="lazy" />
      ) : null}
      <div className={styles.cardBody}>
        <h2 className={styles.cardTitle}>
          <Link to={`/learning/courses/${course.id}`}>{course.title}</Link>
        </h2>
        <ul className={styles.tags} aria-label={t('card.facts')}>
          <li className={styles.tag}>{t(`kind.${course.kind}`)}</li>
          {course.estimatedMinutes ? (
            <li className={styles.tag}>{duration(course.estimatedMinutes)}</li>
          ) : null}
          {course.category ? (
            <li className={styles.tag}>{course.category.name[lang === 'en' ? 'en' : 'de']}</li>
          ) : null}
          <li className={styles.tag}>{t(`language.${course.language}`)}</li>
          {course.status === 'archived' ? (
            <li className={styles.tag}>{t('card.archived')}</li>
          ) : null}
        </ul>
        {course.mandatoryDeadline ? (
          <p className={styles.cardText}>
            <span className={styles.due}>
              {t('card.mandatoryUntil', { date: formatDay(course.mandatoryDeadline, lang) })}
            </span>
          </p>
        ) : null}
        {course.summary ? <p className={styles.cardText}>{course.summary}</p> : null}
        {course.kind === 'training' && course.nextSessionDate ? (
          <p className={styles.muted}>
            {t('card.nextSession', { date: formatDay(course.nextSessionDate, lang) })}
          </p>
        ) : null}
        {course.myProgress ? (
          course.myProgress.completedAt ? (
            <p className={styles.cardText}>
              <span className={styles.done}>
                {t('card.completed', { date: formatDay(course.myProgress.completedAt, lang) })}
              </span>
            </p>
          ) : (
            <ProgressBar
              percent={course.myProgress.percent}
              label={t('progress.label', { title: course.title })}
              text={t('progress.percent', { percent: course.myProgress.percent })}
            />
          )
        ) : null}
      </div>
    </article>
  );
}

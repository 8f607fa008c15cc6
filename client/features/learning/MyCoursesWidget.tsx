import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyCoursesWidgetDTO } from '@shared/learning/types';
import widgets from '../home/widgets/widgets.module.css';
import styles from './learning.module.css';
import { ProgressBar } from './components/ProgressBar';

/**
 * "Meine Kurse" on the start page: my open courses with progress and "Fortsetzen", and my next
 * confirmed sessions. The board brings `data` in its one round trip (the integrator registers
 * the widget). Texts live in the start page's namespace `home` (`widgets.myCourses.*`).
 */
export function MyCoursesWidget({ data }: { data: MyCoursesWidgetDTO | undefined }) {
  const { t, i18n } = useTranslation('home');
  if (!data) return null;
  const more = data.total - data.courses.length;
  const day = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium',
  });
  return (
    <div className={widgets.stack}>
      {data.courses.length === 0 ? (
        <p className={widgets.muted}>{t('widgets.myCourses.empty')}</p>
      ) : (
        <ul className={styles.widgetList}>
          {data.courses.map((c) => (
            <li key={c.id}>
              <Link
                to={
                  c.resumeLessonId
                    ? `/learning/courses/${c.id}/lessons/${c.resumeLessonId}`
                    : `/learning/courses/${c.id}`
                }
              >
                {c.title}
                {c.resumeLessonId ? (
                  <span className="visually-hidden">, {t('widgets.myCourses.resume')}</span>
                ) : null}
              </Link>
              <ProgressBar
                percent={c.percent}
                label={t('widgets.myCourses.progress', { title: c.title })}
                text={t('widgets.myCourses.percent', { percent: c.percent })}
              />
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? (
        <p className={widgets.muted}>{t('widgets.myCourses.more', { count: more })}</p>
      ) : null}
      {data.sessions.length > 0 ? (
        <>
          <p className={widgets.muted}>{t('widgets.myCourses.sessions')}</p>
          <ul className={styles.widgetList}>
            {data.sessions.map((s) => (
              <li key={s.id}>
                <Link to={`/learning/courses/${s.courseId}?tab=sessions`}>{s.title}</Link>{' '}
                <span className={widgets.muted}>
                  {t('widgets.myCourses.sessionAt', {
                    date: day.format(new Date(`${s.date}T12:00:00`)),
                    time: s.start,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Link to="/learning/mine" className={widgets.more}>
        {t('widgets.myCourses.all')}
      </Link>
    </div>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DueTrainingsWidgetDTO } from '@shared/learning/types';
import widgets from '../../home/widgets/widgets.module.css';
import styles from '../trainings/trainings.module.css';

const locale = (lang: string) => (lang.startsWith('en') ? 'en-GB' : 'de-DE');
const date = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(locale(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

/**
 * "Fällige Schulungen" on the start page: my mandatory trainings with their deadlines, overdue
 * first. The board brings `data` (the integrator registers it); texts in `home` `widgets.dueTrainings.*`.
 */
export function DueTrainingsWidget({ data }: { data: DueTrainingsWidgetDTO | undefined }) {
  const { t, i18n } = useTranslation('home');
  if (!data) return null;
  const lang = i18n.language;
  return (
    <div className={widgets.stack}>
      {data.overdue > 0 ? (
        <p className={`${styles.pill} ${styles.bad}`}>
          {t('widgets.dueTrainings.overdue', { count: data.overdue })}
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p className={widgets.muted}>{t('widgets.dueTrainings.empty')}</p>
      ) : (
        <ul className={widgets.links}>
          {data.items.map((d) => (
            <li key={d.assignmentId}>
              <Link
                to={`/learning/courses/${encodeURIComponent(d.course.id)}`}
                className={widgets.link}
              >
                <span>{d.course.title}</span>
                <span className={d.overdue ? styles.error : styles.sub}>
                  {d.overdue
                    ? t('widgets.dueTrainings.overdueSince', { date: date(d.deadline, lang) })
                    : t('widgets.dueTrainings.until', { date: date(d.deadline, lang) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to="/learning/mine" className={widgets.more}>
        {t('widgets.dueTrainings.all')}
      </Link>
    </div>
  );
}

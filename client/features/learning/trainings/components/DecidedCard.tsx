import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegistrationDTO } from '@shared/learning/types';
import { decisionOf, formatDateTime, statusTone } from '../format';
import { HistoryDisclosure, SessionDaysFact } from './RegistrationBits';
import styles from '../trainings.module.css';

/**
 * One decided registration for deciders: person, course, session days, outcome (in words — the
 * pill's colour only repeats it), who decided, when, and the reason.
 */
export function DecidedCard({ registration: r }: { registration: RegistrationDTO }) {
  const { t, i18n } = useTranslation('learningTrainings');
  const lang = i18n.language;
  const id = useId();
  const d = decisionOf(r);
  const outcome = d.action
    ? t(`history.action.${d.action}`, { defaultValue: t(`status.${r.status}`) })
    : t(`status.${r.status}`);
  const decider =
    d.action === 'moved_up'
      ? t('inbox.automatic')
      : (d.actor?.displayName ?? t('inbox.unknownActor'));
  return (
    <li className={styles.card} aria-labelledby={`${id}-h`}>
      <div className={styles.head}>
        <h3 id={`${id}-h`}>
          {r.person.displayName}
          <span className={styles.sub}>
            <Link to={`/learning/courses/${encodeURIComponent(r.courseId)}`}>{r.courseTitle}</Link>
          </span>
        </h3>
        <span className={`${styles.pill} ${styles[statusTone(r.status)]}`}>
          {t(`status.${r.status}`)}
        </span>
      </div>
      <dl className={styles.facts}>
        <SessionDaysFact days={r.days} />
        <div>
          <dt>{t('inbox.outcome')}</dt>
          <dd>{outcome}</dd>
        </div>
        <div>
          <dt>{t('inbox.decidedBy')}</dt>
          <dd>{decider}</dd>
        </div>
        <div>
          <dt>{t('inbox.decidedAt')}</dt>
          <dd>
            <time dateTime={d.at}>{formatDateTime(d.at, lang)}</time>
          </dd>
        </div>
        {d.reason ? (
          <div className={styles.wide}>
            <dt>{t('inbox.reason')}</dt>
            <dd>{d.reason}</dd>
          </div>
        ) : null}
      </dl>
      <HistoryDisclosure registration={r} />
    </li>
  );
}

import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegistrationDTO } from '@shared/learning/types';
import { Button } from '../../../../components/Button';
import { costText, formatDateTime, seatsText } from '../format';
import { HistoryDisclosure, SessionDaysFact, StatusPill } from './RegistrationBits';
import type { Decision } from './DecisionForm';
import styles from '../trainings.module.css';

export interface RegistrationCardProps {
  registration: RegistrationDTO;
  /** Decider view: person first, decide buttons. */
  onDecide?: (decision: Decision) => void;
  /** Own view: withdraw or cancel. */
  onCancel?: () => void;
  busy?: boolean;
  /** A message under the card (e.g. "Schon entschieden"). */
  notice?: string;
}

/** One registration: who, which course and days, note, cost and seats, status and history. */
export function RegistrationCard({
  registration: r,
  onDecide,
  onCancel,
  busy,
  notice,
}: RegistrationCardProps) {
  const { t, i18n } = useTranslation('learningTrainings');
  const lang = i18n.language;
  const id = useId();
  const pending = r.status === 'pending_manager' || r.status === 'pending_hr';
  const subject = onDecide ? `${r.person.displayName} – ${r.courseTitle}` : r.courseTitle;
  return (
    <li className={styles.card} aria-labelledby={`${id}-h`}>
      <div className={styles.head}>
        <h3 id={`${id}-h`}>
          {onDecide ? (
            <>
              {r.person.displayName}
              <span className={styles.sub}>
                <Link to={`/learning/courses/${encodeURIComponent(r.courseId)}`}>
                  {r.courseTitle}
                </Link>
              </span>
            </>
          ) : (
            <Link to={`/learning/courses/${encodeURIComponent(r.courseId)}`}>{r.courseTitle}</Link>
          )}
        </h3>
        <StatusPill registration={r} />
      </div>
      <dl className={styles.facts}>
        <SessionDaysFact days={r.days} />
        {r.costCents !== undefined ? (
          <div>
            <dt>{t('inbox.cost')}</dt>
            <dd>{r.costCents > 0 ? costText(r.costCents, lang) : t('inbox.free')}</dd>
          </div>
        ) : null}
        {r.seats ? (
          <div>
            <dt>{t('sessions.seats')}</dt>
            <dd>{seatsText(r.seats, t)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('inbox.registeredAt')}</dt>
          <dd>{formatDateTime(r.createdAt, lang)}</dd>
        </div>
        {!onDecide && r.approver && pending ? (
          <div>
            <dt>{t('mine.approver')}</dt>
            <dd>{r.approver.displayName}</dd>
          </div>
        ) : null}
        {r.note ? (
          <div className={styles.wide}>
            <dt>{t('inbox.note')}</dt>
            <dd>{r.note}</dd>
          </div>
        ) : null}
      </dl>
      <HistoryDisclosure registration={r} />
      {notice ? (
        <p role="status" className={styles.status}>
          {notice}
        </p>
      ) : null}
      {onDecide && r.abilities.decide ? (
        <div className={styles.row}>
          <Button
            variant="primary"
            size="small"
            isDisabled={busy}
            aria-label={t('decide.approveFor', { subject })}
            onPress={() => onDecide('approve')}
          >
            {t('decide.approve')}
          </Button>
          <Button
            size="small"
            isDisabled={busy}
            aria-label={t('decide.rejectFor', { subject })}
            onPress={() => onDecide('reject')}
          >
            {t('decide.reject')}
          </Button>
        </div>
      ) : null}
      {onCancel && r.abilities.cancel ? (
        <div className={styles.row}>
          <Button
            size="small"
            isDisabled={busy}
            aria-label={`${pending ? t('unregister.withdraw') : t('unregister.submit')}: ${subject}`}
            onPress={onCancel}
          >
            {pending ? t('unregister.withdraw') : t('unregister.submit')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

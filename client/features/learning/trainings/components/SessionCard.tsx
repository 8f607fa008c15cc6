import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDTO } from '@shared/learning/types';
import { Button } from '../../../../components/Button';
import { formatDate, placeText, seatsText } from '../format';
import { HistoryDisclosure, SessionDaysFact, StatusPill } from './RegistrationBits';
import { ParticipantsList } from './ParticipantsList';
import styles from '../trainings.module.css';

export interface SessionCardProps {
  session: SessionDTO;
  onRegister: () => void;
  onUnregister: () => void;
  onEdit: () => void;
  onCancel: () => void;
}

const active = new Set(['pending_manager', 'pending_hr', 'confirmed', 'waitlisted']);

/** One session: days, place, trainers, seats, my status and what I may do. */
export function SessionCard({
  session: s,
  onRegister,
  onUnregister,
  onEdit,
  onCancel,
}: SessionCardProps) {
  const { t, i18n } = useTranslation('learningTrainings');
  const lang = i18n.language;
  const id = useId();
  const [showPeople, setShowPeople] = useState(false);
  const mine = s.myRegistration;
  const mineActive = mine !== null && active.has(mine.status);
  const first = s.days[0];
  const title = first
    ? s.days.length > 1
      ? t('sessions.titleMulti', { date: formatDate(first.date, lang), count: s.days.length })
      : t('sessions.titleOne', { date: formatDate(first.date, lang) })
    : t('sessions.titleNoDays');
  return (
    <li
      className={`${styles.card} ${s.cancelled ? styles.cancelledCard : ''}`}
      aria-labelledby={`${id}-h`}
    >
      <div className={styles.head}>
        <h3 id={`${id}-h`}>{title}</h3>
        {s.cancelled ? (
          <span className={`${styles.pill} ${styles.bad}`}>{t('sessions.cancelled')}</span>
        ) : mine ? (
          <StatusPill registration={mine} />
        ) : null}
      </div>
      <dl className={styles.facts}>
        <SessionDaysFact days={s.days} />
        <div>
          <dt>{t('sessions.place')}</dt>
          <dd>
            {placeText(s, t)}
            {s.onlineUrl ? (
              <>
                {' '}
                <a href={s.onlineUrl} target="_blank" rel="noopener noreferrer">
                  {t('sessions.join')}
                </a>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('sessions.trainers')}</dt>
          <dd>{s.trainers.length > 0 ? s.trainers.map((p) => p.displayName).join(', ') : '–'}</dd>
        </div>
        <div>
          <dt>{t('sessions.seats')}</dt>
          <dd>{seatsText(s, t)}</dd>
        </div>
        {!s.cancelled ? (
          <div>
            <dt>{t('sessions.until')}</dt>
            <dd>{formatDate(s.registrationUntil, lang)}</dd>
          </div>
        ) : null}
      </dl>
      {mine && mine.history.length > 0 ? <HistoryDisclosure registration={mine} /> : null}
      <div className={styles.row}>
        {s.abilities.register && !mineActive && !s.cancelled ? (
          <Button
            variant="primary"
            size="small"
            aria-label={t('sessions.registerFor', { title })}
            onPress={onRegister}
          >
            {t('sessions.register')}
          </Button>
        ) : null}
        {mine && mineActive && mine.abilities.cancel ? (
          <Button
            size="small"
            aria-label={t('sessions.unregisterFor', { title })}
            onPress={onUnregister}
          >
            {t('sessions.unregister')}
          </Button>
        ) : null}
        {s.abilities.edit && !s.cancelled ? (
          <Button size="small" aria-label={t('sessions.editFor', { title })} onPress={onEdit}>
            {t('sessions.edit')}
          </Button>
        ) : null}
        {s.abilities.cancel && !s.cancelled ? (
          <Button
            size="small"
            variant="danger"
            aria-label={t('sessions.cancelFor', { title })}
            onPress={onCancel}
          >
            {t('sessions.cancel')}
          </Button>
        ) : null}
        {s.abilities.seeParticipants ? (
          <Button
            size="small"
            variant="tertiary"
            aria-expanded={showPeople}
            aria-controls={`${id}-people`}
            onPress={() => setShowPeople((v) => !v)}
          >
            {showPeople ? t('participants.hide') : t('participants.show')}
          </Button>
        ) : null}
      </div>
      {s.abilities.seeParticipants ? (
        <div id={`${id}-people`} hidden={!showPeople}>
          {showPeople ? <ParticipantsList sessionId={s.id} /> : null}
        </div>
      ) : null}
    </li>
  );
}

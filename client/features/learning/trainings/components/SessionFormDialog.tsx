import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@shared/people/types';
import type { SessionDTO } from '@shared/learning/types';
import { FormDialog } from '../../../people/components/FormDialog';
import { PersonPicker } from '../../../people/components/PersonPicker';
import { Button } from '../../../../components/Button';
import { CheckboxField } from '../../../../components/CheckboxField';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { announce } from '../../../../components/LiveAnnouncer';
import type { SessionDay, SessionFields } from '../api';
import styles from '../trainings.module.css';

export interface SessionFormDialogProps {
  /** null: closed; 'new': add a session; else edit that one. */
  target: SessionDTO | 'new' | null;
  onClose: () => void;
  /** `clientId` is made once per opening (a repeated save after a lost answer is the same). */
  onSave: (fields: SessionFields, session: SessionDTO | null, clientId: string) => Promise<unknown>;
}

/** Add or edit a session: days (date, start, end), classroom or online, seats, trainers. */
export function SessionFormDialog({ target, onClose, onSave }: SessionFormDialogProps) {
  const { t } = useTranslation('learningTrainings');
  return (
    <FormDialog
      title={target === 'new' ? t('sessionForm.addTitle') : t('sessionForm.editTitle')}
      isOpen={target !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
    >
      {target ? (
        <SessionForm session={target === 'new' ? null : target} onClose={onClose} onSave={onSave} />
      ) : null}
    </FormDialog>
  );
}

const emptyDay = (): SessionDay => ({ date: '', start: '09:00', end: '16:00' });

function SessionForm({
  session,
  onClose,
  onSave,
}: {
  session: SessionDTO | null;
  onClose: () => void;
  onSave: SessionFormDialogProps['onSave'];
}) {
  const { t } = useTranslation('learningTrainings');
  const id = useId();
  const [days, setDays] = useState<SessionDay[]>(session?.days ?? [emptyDay()]);
  const [format, setFormat] = useState<'classroom' | 'online'>(session?.format ?? 'classroom');
  const [place, setPlace] = useState(session?.place ?? '');
  const [onlineUrl, setOnlineUrl] = useState(session?.onlineUrl ?? '');
  const [unlimited, setUnlimited] = useState(session ? session.seats === null : false);
  const [seats, setSeats] = useState(String(session?.seats ?? 12));
  const [trainers, setTrainers] = useState<PersonRef[]>(session?.trainers ?? []);
  const [until, setUntil] = useState(session?.registrationUntil ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [clientId] = useState(() => crypto.randomUUID());

  const setDay = (i: number, patch: Partial<SessionDay>) =>
    setDays((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const labels: Record<string, string> = { place: t('sessionForm.place') };
  days.forEach((_, i) => {
    labels[`days.${i}.date`] = t('sessionForm.dayDate', { n: i + 1 });
    labels[`days.${i}.start`] = t('sessionForm.dayStart', { n: i + 1 });
    labels[`days.${i}.end`] = t('sessionForm.dayEnd', { n: i + 1 });
  });
  labels.onlineUrl = t('sessionForm.onlineUrl');
  labels.seats = t('sessionForm.seats');
  labels.registrationUntil = t('sessionForm.until');

  const submit = () => {
    const badDay = days.findIndex((d) => !d.date || !d.start || !d.end || d.start >= d.end);
    if (badDay >= 0) {
      setInvalid(t('sessionForm.dayInvalid', { n: badDay + 1 }));
      document.getElementById(`${id}-d${badDay}-date`)?.focus();
      return;
    }
    const seatCount = Number(seats);
    if (!unlimited && (!Number.isInteger(seatCount) || seatCount < 1)) {
      setInvalid(t('sessionForm.seatsInvalid'));
      document.getElementById(`${id}-seats`)?.focus();
      return;
    }
    setInvalid(null);
    setPending(true);
    setError(null);
    const fields: SessionFields = {
      days: [...days].sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start)),
      format,
      place: place.trim(),
      onlineUrl: format === 'online' && onlineUrl.trim() ? onlineUrl.trim() : null,
      seats: unlimited ? null : seatCount,
      trainerIds: trainers.map((p) => p.id),
      registrationUntil: until || null,
    };
    onSave(fields, session, clientId)
      .then(() => {
        announce(t('sessionForm.saved'));
        onClose();
      })
      .catch((err: unknown) => setError(err))
      .finally(() => setPending(false));
  };

  return (
    <form
      className={styles.stack}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend>{t('sessionForm.days')}</legend>
        {days.map((d, i) => (
          <div
            key={i}
            className={styles.dayRow}
            role="group"
            aria-label={t('sessionForm.dayN', { n: i + 1 })}
          >
            <div className={styles.field}>
              <label htmlFor={`${id}-d${i}-date`}>{t('sessionForm.dayDate', { n: i + 1 })}</label>
              <input
                id={`${id}-d${i}-date`}
                type="date"
                className={styles.input}
                value={d.date}
                required
                onChange={(e) => setDay(i, { date: e.target.value })}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-d${i}-start`}>{t('sessionForm.start')}</label>
              <input
                id={`${id}-d${i}-start`}
                type="time"
                className={styles.input}
                value={d.start}
                required
                onChange={(e) => setDay(i, { start: e.target.value })}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-d${i}-end`}>{t('sessionForm.end')}</label>
              <input
                id={`${id}-d${i}-end`}
                type="time"
                className={styles.input}
                value={d.end}
                required
                onChange={(e) => setDay(i, { end: e.target.value })}
              />
            </div>
            <Button
              size="small"
              isDisabled={days.length === 1}
              aria-label={t('sessionForm.removeDayN', { n: i + 1 })}
              onPress={() => {
                setDays((list) => list.filter((_, j) => j !== i));
                announce(t('sessionForm.dayRemoved', { n: i + 1 }));
              }}
            >
              {t('sessionForm.removeDay')}
            </Button>
          </div>
        ))}
        <Button
          size="small"
          isDisabled={days.length >= 20}
          onPress={() => {
            setDays((list) => [...list, emptyDay()]);
            announce(t('sessionForm.dayAdded', { n: days.length + 1 }));
          }}
        >
          {t('sessionForm.addDay')}
        </Button>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>{t('sessionForm.format')}</legend>
        <div className={styles.row}>
          {(['classroom', 'online'] as const).map((f) => (
            <label key={f}>
              <input
                type="radio"
                name={`${id}-format`}
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
              />{' '}
              {t(`format.${f}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.field}>
        <label htmlFor={`${id}-place`}>
          {format === 'online' ? t('sessionForm.placeOnline') : t('sessionForm.place')}
        </label>
        <input
          id={`${id}-place`}
          className={styles.input}
          value={place}
          maxLength={200}
          onChange={(e) => setPlace(e.target.value)}
        />
      </div>
      {format === 'online' ? (
        <div className={styles.field}>
          <label htmlFor={`${id}-url`}>{t('sessionForm.onlineUrl')}</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            className={styles.input}
            value={onlineUrl}
            placeholder="https://"
            aria-describedby={`${id}-url-hint`}
            onChange={(e) => setOnlineUrl(e.target.value)}
          />
          <span id={`${id}-url-hint`} className={styles.sub}>
            {t('sessionForm.onlineUrlHint')}
          </span>
        </div>
      ) : null}
      <div className={styles.row}>
        <CheckboxField isSelected={unlimited} onChange={setUnlimited}>
          {t('sessionForm.unlimited')}
        </CheckboxField>
        {!unlimited ? (
          <div className={styles.field}>
            <label htmlFor={`${id}-seats`}>{t('sessionForm.seats')}</label>
            <input
              id={`${id}-seats`}
              type="number"
              min={1}
              max={1000}
              className={styles.input}
              value={seats}
              onChange={(e) => setSeats(e.target.value)}
            />
          </div>
        ) : null}
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-until`}>{t('sessionForm.until')}</label>
        <input
          id={`${id}-until`}
          type="date"
          className={styles.input}
          value={until}
          aria-describedby={`${id}-until-hint`}
          onChange={(e) => setUntil(e.target.value)}
        />
        <span id={`${id}-until-hint`} className={styles.sub}>
          {t('sessionForm.untilHint')}
        </span>
      </div>
      <div className={styles.tight}>
        <PersonPicker
          label={t('sessionForm.addTrainer')}
          value={null}
          excludeIds={trainers.map((p) => p.id)}
          onChange={(p) => {
            if (p && trainers.length < 10) {
              setTrainers((list) => [...list, p]);
              announce(t('sessionForm.trainerAdded', { name: p.displayName }));
            }
          }}
        />
        {trainers.length > 0 ? (
          <ul className={styles.chips} aria-label={t('sessionForm.trainers')}>
            {trainers.map((p) => (
              <li key={p.id}>
                {p.displayName}
                <Button
                  size="small"
                  variant="tertiary"
                  aria-label={t('sessionForm.removeTrainer', { name: p.displayName })}
                  onPress={() => setTrainers((list) => list.filter((x) => x.id !== p.id))}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.muted}>{t('sessionForm.noTrainers')}</p>
        )}
      </div>
      {invalid ? (
        <p role="alert" className={styles.error}>
          {invalid}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} fieldLabels={labels} /> : null}
      <div className={styles.row}>
        <Button type="submit" variant="primary" isDisabled={pending}>
          {t('sessionForm.save')}
        </Button>
        <Button variant="secondary" onPress={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

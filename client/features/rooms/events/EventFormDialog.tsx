import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomEventDTO } from '@shared/rooms/types';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import fields from '../../../components/fields.module.css';
import { eventTimesOf, formTimesOf, isoDayIn, type EventFormTimes } from './dates';
import { useCreateEvent, useUpdateEvent } from './queries';
import styles from './events.module.css';

const isHttps = (url: string) => {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

const blankTimes = (): EventFormTimes => {
  const day = isoDayIn(new Date(Date.now() + 86_400_000));
  return { date: day, endDate: day, startTime: '09:00', endTime: '10:00', allDay: false };
};

/**
 * "Termin anlegen" / "Termin bearbeiten": title, date, start and end time or all-day (with a
 * last day), place, video link, description. API errors are shown in the reader's language.
 */
export function EventFormDialog({
  roomId,
  event,
  isOpen,
  onOpenChange,
}: {
  roomId: string;
  /** The event to edit; null creates one. */
  event: RoomEventDTO | null;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('roomsEvents');
  const uid = useId();
  const create = useCreateEvent(roomId);
  const update = useUpdateEvent(roomId);
  const mutation = event ? update : create;
  const [title, setTitle] = useState(event?.title ?? '');
  const [times, setTimes] = useState<EventFormTimes>(() =>
    event ? formTimesOf(event) : blankTimes(),
  );
  const [place, setPlace] = useState(event?.place ?? '');
  const [videoUrl, setVideoUrl] = useState(event?.videoUrl ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  // One UUID per dialog opening: a retried create is answered with the same event.
  const [clientId] = useState(() => crypto.randomUUID());

  const videoError = videoUrl.trim() && !isHttps(videoUrl.trim()) ? t('form.videoInvalid') : '';
  const timeError =
    !times.allDay && times.startTime && times.endTime && times.endTime <= times.startTime
      ? t('form.endBeforeStart')
      : '';
  const set = (patch: Partial<EventFormTimes>) => setTimes((s) => ({ ...s, ...patch }));
  const close = () => {
    create.reset();
    update.reset();
    onOpenChange(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (videoError || timeError || !title.trim() || !times.date) return;
    const body = {
      title: title.trim(),
      description: description.trim(),
      place: place.trim(),
      videoUrl: videoUrl.trim() || null,
      ...eventTimesOf(times),
    };
    if (event) {
      update.mutate(
        { id: event.id, rev: event.rev, ...body },
        {
          onSuccess: () => {
            announce(t('form.saved'));
            close();
          },
        },
      );
    } else {
      create.mutate(
        { id: clientId, ...body },
        {
          onSuccess: () => {
            announce(t('form.created'));
            close();
          },
        },
      );
    }
  };

  const dateInput = (name: 'date' | 'endDate' | 'startTime' | 'endTime', error?: string) => {
    const id = `${uid}-${name}`;
    const label = {
      date: t('form.date'),
      endDate: t('form.endDate'),
      startTime: t('form.start'),
      endTime: t('form.end'),
    }[name];
    return (
      <div className={fields.field}>
        <label htmlFor={id} className={fields.label}>
          {label}
        </label>
        <input
          id={id}
          type={name === 'date' || name === 'endDate' ? 'date' : 'time'}
          required
          className={fields.input}
          value={times[name]}
          min={name === 'endDate' ? times.date : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            const v = e.target.value;
            if (name === 'date' && (!times.endDate || times.endDate < v))
              set({ date: v, endDate: v });
            else set({ [name]: v });
          }}
        />
        {error ? (
          <span id={`${id}-error`} className={fields.error}>
            {error}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <FormDialog
      title={event ? t('form.editTitle') : t('form.createTitle')}
      isOpen={isOpen}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label={t('form.title')}
          value={title}
          onChange={setTitle}
          isRequired
          maxLength={160}
        />
        <div className={styles.times}>
          {dateInput('date')}
          {times.allDay ? (
            dateInput('endDate')
          ) : (
            <>
              {dateInput('startTime')}
              {dateInput('endTime', timeError || undefined)}
            </>
          )}
        </div>
        <CheckboxField isSelected={times.allDay} onChange={(allDay) => set({ allDay })}>
          {t('form.allDay')}
        </CheckboxField>
        <TextField label={t('form.place')} value={place} onChange={setPlace} maxLength={200} />
        <TextField
          label={t('form.videoUrl')}
          description={t('form.videoHint')}
          value={videoUrl}
          onChange={setVideoUrl}
          type="url"
          maxLength={500}
          isInvalid={!!videoError}
          errorMessage={videoError || undefined}
        />
        <div className={fields.field}>
          <label htmlFor={`${uid}-description`} className={fields.label}>
            {t('form.description')}
          </label>
          <textarea
            id={`${uid}-description`}
            className={`${fields.input} ${styles.textarea}`}
            value={description}
            maxLength={4000}
            rows={4}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <ErrorMessage
          error={mutation.error}
          fieldLabels={{
            title: t('form.title'),
            start: t('form.start'),
            end: t('form.end'),
            place: t('form.place'),
            videoUrl: t('form.videoUrl'),
            description: t('form.description'),
          }}
        />
        <div className={styles.actions}>
          <Button
            type="submit"
            variant="primary"
            isDisabled={mutation.isPending || !title.trim() || !times.date}
          >
            {event ? t('form.save') : t('form.create')}
          </Button>
          <Button variant="tertiary" onPress={close}>
            {t('form.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

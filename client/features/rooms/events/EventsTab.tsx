import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceAnswer } from '@shared/rooms/schemas';
import type { RoomDTO, RoomEventDTO } from '@shared/rooms/types';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { AttendeesDialog } from './AttendeesDialog';
import { EventFormDialog } from './EventFormDialog';
import { formatDay, formatTimes, groupByDay } from './dates';
import { eventIcsUrl, roomIcsUrl, useAnswer, useDeleteEvent, useEvents } from './queries';
import styles from './events.module.css';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; event: RoomEventDTO }
  | { kind: 'attendees'; event: RoomEventDTO }
  | { kind: 'delete'; event: RoomEventDTO }
  | null;

/** The room's events: upcoming (or past) grouped by day, answers, attendees, ICS downloads. */
export default function EventsTab({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('roomsEvents');
  const [past, setPast] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data, error, isPending } = useEvents(room.id, past);
  const headingId = useId();
  const close = () => setDialog(null);

  return (
    <section className={styles.tab} aria-labelledby={headingId}>
      <div className={styles.toolbar}>
        <h2 id={headingId} className={styles.h2}>
          {past ? t('past') : t('upcoming')}
        </h2>
        <div className={styles.toolbarActions}>
          {room.abilities.contribute ? (
            <Button variant="primary" onPress={() => setDialog({ kind: 'create' })}>
              {t('create')}
            </Button>
          ) : null}
          <Button variant="secondary" aria-pressed={past} onPress={() => setPast((p) => !p)}>
            {t('showPast')}
          </Button>
        </div>
      </div>
      <p className={styles.ics}>
        <a href={roomIcsUrl(room.id)} download className={styles.link}>
          {t('subscribe')}
        </a>{' '}
        <span className={styles.muted}>{t('subscribeHint')}</span>
      </p>

      {isPending ? <Spinner label={t('loading')} /> : null}
      <ErrorMessage error={error} />
      {data && data.length === 0 ? <EmptyState title={past ? t('emptyPast') : t('empty')} /> : null}
      {data && data.length > 0 ? (
        <EventDays events={data} roomId={room.id} onDialog={setDialog} />
      ) : null}

      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <EventFormDialog
          key={dialog.kind === 'edit' ? dialog.event.id : 'new'}
          roomId={room.id}
          event={dialog.kind === 'edit' ? dialog.event : null}
          isOpen
          onOpenChange={(open) => (open ? undefined : close())}
        />
      ) : null}
      {dialog?.kind === 'attendees' ? (
        <AttendeesDialog roomId={room.id} event={dialog.event} onClose={close} />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog roomId={room.id} event={dialog.event} onClose={close} />
      ) : null}
    </section>
  );
}

function EventDays({
  events,
  roomId,
  onDialog,
}: {
  events: RoomEventDTO[];
  roomId: string;
  onDialog: (d: Dialog) => void;
}) {
  const { i18n } = useTranslation('roomsEvents');
  const locale = i18n.resolvedLanguage ?? 'de';
  return (
    <div className={styles.days}>
      {groupByDay(events).map((group) => (
        <section key={group.day} aria-labelledby={`day-${group.day}`} className={styles.day}>
          <h3 id={`day-${group.day}`} className={styles.h3}>
            <time dateTime={group.day}>{formatDay(group.day, locale)}</time>
          </h3>
          <ul className={styles.list}>
            {group.events.map((e) => (
              <li key={e.id}>
                <EventCard event={e} roomId={roomId} locale={locale} onDialog={onDialog} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function EventCard({
  event,
  roomId,
  locale,
  onDialog,
}: {
  event: RoomEventDTO;
  roomId: string;
  locale: string;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useTranslation('roomsEvents');
  const titleId = useId();
  const times = formatTimes(event, locale);
  return (
    <article className={styles.card} aria-labelledby={titleId}>
      <h4 id={titleId} className={styles.title}>
        {event.title}
      </h4>
      <p className={styles.when}>
        <time dateTime={event.start}>{times ?? t('allDay')}</time>
        {event.allDay && times ? ` (${t('allDay')})` : null}
      </p>
      {event.place ? <p className={styles.place}>{event.place}</p> : null}
      {event.videoUrl ? (
        <p className={styles.place}>
          <a
            href={event.videoUrl}
            target="_blank"
            rel="noopener noreferrer"
            className={styles.link}
          >
            {t('video')} <span className="visually-hidden">{t('newTab')}</span>
          </a>
        </p>
      ) : null}
      {event.description ? <p className={styles.description}>{event.description}</p> : null}
      <p className={styles.muted}>{t('createdBy', { name: event.createdBy.displayName })}</p>
      {/* The answer radios carry the counts; without them (past, archived) a line says them. */}
      {event.abilities.answer ? (
        <AnswerGroup event={event} roomId={roomId} />
      ) : (
        <p className={styles.counts}>
          {t('counts', {
            yes: event.attendance.yes,
            maybe: event.attendance.maybe,
            no: event.attendance.no,
          })}
        </p>
      )}
      <div className={styles.actions}>
        <Button
          variant="tertiary"
          size="small"
          aria-label={t('attendees.openNamed', { title: event.title })}
          onPress={() => onDialog({ kind: 'attendees', event })}
        >
          {t('attendees.open')}
        </Button>
        <a
          href={eventIcsUrl(roomId, event.id)}
          download
          className={styles.link}
          aria-label={t('downloadNamed', { title: event.title })}
        >
          {t('download')}
        </a>
        {event.abilities.edit ? (
          <Button
            variant="tertiary"
            size="small"
            aria-label={t('actions.editNamed', { title: event.title })}
            onPress={() => onDialog({ kind: 'edit', event })}
          >
            {t('actions.edit')}
          </Button>
        ) : null}
        {event.abilities.delete ? (
          <Button
            variant="tertiary"
            size="small"
            aria-label={t('actions.deleteNamed', { title: event.title })}
            onPress={() => onDialog({ kind: 'delete', event })}
          >
            {t('actions.delete')}
          </Button>
        ) : null}
      </div>
    </article>
  );
}

/** My answer as native radios (arrow keys move and choose; each choice saves). */
function AnswerGroup({ event, roomId }: { event: RoomEventDTO; roomId: string }) {
  const { t } = useTranslation('roomsEvents');
  const answer = useAnswer(roomId);
  const name = useId();
  // Shown at once (the radios stay enabled, so focus and arrow keys are not lost); saved in order.
  const [chosen, setChosen] = useState<AttendanceAnswer | null>(null);
  const shown = chosen ?? event.myAnswer;
  const choose = (a: AttendanceAnswer) => {
    setChosen(a);
    answer.mutate(
      { id: event.id, answer: a },
      {
        onSuccess: () => {
          // The cache holds the saved answer now; a later choice still in flight stays shown.
          setChosen((c) => (c === a ? null : c));
          announce(t('answer.saved', { answer: t(`answer.${a}`) }));
        },
        onError: () => setChosen(null),
      },
    );
  };
  return (
    <fieldset className={styles.answers}>
      <legend className="visually-hidden">{t('answer.legend', { title: event.title })}</legend>
      {(['yes', 'no', 'maybe'] as const satisfies readonly AttendanceAnswer[]).map((a) => (
        <label key={a} className={`${styles.answer} ${shown === a ? styles.chosen : ''}`}>
          <input
            type="radio"
            name={name}
            value={a}
            checked={shown === a}
            onChange={() => choose(a)}
          />
          {t(`answer.${a}`)} ({event.attendance[a]})
        </label>
      ))}
      <ErrorMessage error={answer.error} />
    </fieldset>
  );
}

function DeleteDialog({
  roomId,
  event,
  onClose,
}: {
  roomId: string;
  event: RoomEventDTO;
  onClose: () => void;
}) {
  const { t } = useTranslation('roomsEvents');
  const remove = useDeleteEvent(roomId);
  return (
    <ConfirmDialog
      title={t('confirmDelete.title')}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      confirmLabel={t('confirmDelete.confirm')}
      danger
      focusCancel
      isPending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(
          { id: event.id, rev: event.rev },
          {
            onSuccess: () => {
              announce(t('actions.deleted'));
              onClose();
            },
          },
        )
      }
    >
      <p>{t('confirmDelete.text', { title: event.title })}</p>
    </ConfirmDialog>
  );
}

import { useTranslation } from 'react-i18next';
import type { RoomEventDTO } from '@shared/rooms/types';
import { FormDialog } from '../../people/components/FormDialog';
import { Avatar } from '../../../components/Avatar';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { useAttendees } from './queries';
import styles from './events.module.css';

/** Who answered what (current members only), yes first. */
export function AttendeesDialog({
  roomId,
  event,
  onClose,
}: {
  roomId: string;
  event: RoomEventDTO;
  onClose: () => void;
}) {
  const { t } = useTranslation('roomsEvents');
  const { data, error, isPending } = useAttendees(roomId, event.id);
  return (
    <FormDialog
      title={t('attendees.title', { title: event.title })}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
    >
      {isPending ? <Spinner label={t('attendees.loading')} /> : null}
      <ErrorMessage error={error} />
      {data && data.length === 0 ? <p className={styles.muted}>{t('attendees.empty')}</p> : null}
      {data && data.length > 0 ? (
        <ul className={styles.attendees}>
          {data.map((a) => (
            <li key={a.person.id} className={styles.attendee}>
              <Avatar initials={a.person.initials} photoUrl={a.person.photoUrl} size="small" />
              <span className={styles.attendeeName}>{a.person.displayName}</span>
              <span className={`${styles.badge} ${styles[a.answer] ?? ''}`}>
                {t(`answer.${a.answer}`)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={styles.actions}>
        <Button variant="secondary" onPress={onClose}>
          {t('attendees.close')}
        </Button>
      </div>
    </FormDialog>
  );
}

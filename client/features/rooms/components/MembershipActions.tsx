import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomSummaryDTO } from '@shared/rooms/types';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { FormDialog } from '../../people/components/FormDialog';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { TextAreaField } from '../../wiki/components/TextAreaField';
import { useJoinRoom, useLeaveRoom, useRequestJoin, useWithdrawJoinRequest } from '../queries';
import { clearRoomAccessLost } from '../realtime';
import styles from '../rooms.module.css';

/** "Beitritt anfragen" with an optional message to the moderators. */
export function JoinRequestDialog({
  room,
  isOpen,
  onOpenChange,
}: {
  room: Pick<RoomSummaryDTO, 'id' | 'name'>;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('rooms');
  const request = useRequestJoin(room.id);
  const [message, setMessage] = useState('');
  const close = () => {
    setMessage('');
    request.reset();
    onOpenChange(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate(message, {
      onSuccess: () => {
        announce(t('discover.requested', { name: room.name }));
        close();
      },
    });
  };
  return (
    <FormDialog
      title={t('joinDialog.title', { name: room.name })}
      isOpen={isOpen}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
    >
      <form className={styles.form} onSubmit={submit}>
        <TextAreaField
          label={t('joinDialog.message')}
          value={message}
          onChange={setMessage}
          maxLength={500}
        />
        <ErrorMessage error={request.error} />
        <div className={styles.actions}>
          <Button type="submit" variant="primary" isDisabled={request.isPending}>
            {t('joinDialog.submit')}
          </Button>
          <Button variant="tertiary" onPress={close}>
            {t('actions.cancel')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

/**
 * Join / ask to join / withdraw / leave, as the room's abilities allow. `compact` (cards) shows
 * only joining; the room header shows everything.
 */
export function MembershipActions({ room, compact }: { room: RoomSummaryDTO; compact?: boolean }) {
  const { t } = useTranslation('rooms');
  const join = useJoinRoom(room.id);
  const leave = useLeaveRoom(room.id);
  const withdraw = useWithdrawJoinRequest(room.id);
  const [asking, setAsking] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const a = room.abilities;
  const error = join.error ?? withdraw.error;
  return (
    <>
      {a.join ? (
        <Button
          variant="primary"
          size={compact ? 'small' : undefined}
          isDisabled={join.isPending}
          aria-label={compact ? t('actions.joinNamed', { name: room.name }) : undefined}
          onPress={() =>
            join.mutate(undefined, {
              onSuccess: () => {
                clearRoomAccessLost(room.id);
                announce(t('room.joined', { name: room.name }));
              },
            })
          }
        >
          {t('actions.join')}
        </Button>
      ) : null}
      {a.requestJoin && !room.requestPending ? (
        <Button
          variant="secondary"
          size={compact ? 'small' : undefined}
          aria-label={compact ? t('actions.requestJoinNamed', { name: room.name }) : undefined}
          onPress={() => setAsking(true)}
        >
          {t('actions.requestJoin')}
        </Button>
      ) : null}
      {!compact && room.requestPending ? (
        <Button
          variant="secondary"
          isDisabled={withdraw.isPending}
          onPress={() =>
            withdraw.mutate(undefined, { onSuccess: () => announce(t('room.withdrawn')) })
          }
        >
          {t('actions.withdraw')}
        </Button>
      ) : null}
      {!compact && a.leave ? (
        <Button variant="tertiary" onPress={() => setLeaving(true)}>
          {t('actions.leave')}
        </Button>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <JoinRequestDialog room={room} isOpen={asking} onOpenChange={setAsking} />
      <ConfirmDialog
        title={t('room.leaveTitle')}
        isOpen={leaving}
        onOpenChange={(o) => {
          if (!o) leave.reset();
          setLeaving(o);
        }}
        confirmLabel={t('actions.leave')}
        danger
        isPending={leave.isPending}
        error={leave.error}
        onConfirm={() =>
          leave.mutate(undefined, {
            onSuccess: () => {
              setLeaving(false);
              announce(t('room.left', { name: room.name }));
            },
          })
        }
      >
        <p>{t('room.leaveText', { name: room.name })}</p>
      </ConfirmDialog>
    </>
  );
}

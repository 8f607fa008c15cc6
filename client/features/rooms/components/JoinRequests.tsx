import { useTranslation } from 'react-i18next';
import type { JoinRequestDTO, RoomDTO } from '@shared/rooms/types';
import { Avatar } from '../../../components/Avatar';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { useDecideJoinRequest, useJoinRequests } from '../queries';
import { DecisionButtons } from './DecisionButtons';
import styles from '../rooms.module.css';

function RequestRow({ room, request }: { room: RoomDTO; request: JoinRequestDTO }) {
  const { t } = useTranslation('rooms');
  const decide = useDecideJoinRequest(room.id);
  const name = request.person.displayName;
  return (
    <li className={styles.item}>
      <div className={styles.itemMain}>
        <Avatar initials={request.person.initials} photoUrl={request.person.photoUrl} />
        <div className={styles.itemText}>
          <strong>{name}</strong>
          {request.message ? <span>{request.message}</span> : null}
        </div>
      </div>
      <div className={styles.itemControls}>
        <DecisionButtons
          approveLabel={t('members.approveNamed', { name })}
          rejectLabel={t('members.rejectNamed', { name })}
          rejectTitle={t('members.rejectTitle', { name })}
          isPending={decide.isPending}
          error={decide.error}
          onDecide={(d, done) =>
            decide.mutate(
              { requestId: request.id, ...d },
              {
                onSuccess: () => {
                  announce(
                    d.decision === 'approve' ? t('requests.approved') : t('requests.rejected'),
                  );
                  done();
                },
              },
            )
          }
        />
      </div>
    </li>
  );
}

/** Pending join requests of a closed room (moderators decide). Nothing when there are none. */
export function JoinRequests({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('rooms');
  const requests = useJoinRequests(room.id, room.abilities.manageMembers);
  const pending = (requests.data ?? []).filter((r) => r.status === 'pending');
  if (requests.isError) return <ErrorMessage error={requests.error} />;
  if (pending.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="room-join-requests">
      <h2 id="room-join-requests" className={styles.h2}>
        {t('members.requests')}
      </h2>
      <ul className={styles.list}>
        {pending.map((r) => (
          <RequestRow key={r.id} room={room} request={r} />
        ))}
      </ul>
    </section>
  );
}

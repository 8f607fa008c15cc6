import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoomRequestDTO } from '@shared/rooms/types';
import { Page } from '../../../components/Page';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { announce } from '../../../components/LiveAnnouncer';
import { useMe } from '../../auth/queries';
import { useDecideRoomRequest, useRoomRequests } from '../queries';
import { canDecideRoomRequests } from '../abilities';
import { VisibilityLabel } from '../components/RoomBits';
import { DecisionButtons } from '../components/DecisionButtons';
import styles from '../rooms.module.css';

function RequestItem({ request, decide }: { request: RoomRequestDTO; decide?: boolean }) {
  const { t, i18n } = useTranslation('rooms');
  const mutation = useDecideRoomRequest();
  const date = new Date(request.createdAt).toLocaleDateString(i18n.language);
  return (
    <li className={styles.item}>
      <div className={styles.itemText} style={{ flex: '1 1 16rem' }}>
        <strong>{request.name}</strong>
        <span className={styles.muted}>
          {t(`templates.${request.template}.name`)} ·{' '}
          <VisibilityLabel visibility={request.visibility} /> · {date}
          {decide ? ` · ${t('requests.by', { name: request.requester.displayName })}` : ''}
        </span>
        {request.description ? <span>{request.description}</span> : null}
        <span>{t('requests.reason', { reason: request.reason })}</span>
        {request.decisionReason ? (
          <span>{t('requests.decisionReason', { reason: request.decisionReason })}</span>
        ) : null}
      </div>
      <div className={styles.itemControls}>
        <span className={styles.tag}>{t(`requests.status.${request.status}`)}</span>
        {request.roomId ? (
          <Link to={`/rooms/${request.roomId}`}>{t('requests.openRoom')}</Link>
        ) : null}
        {decide && request.status === 'pending' && request.abilities.decide ? (
          <DecisionButtons
            approveLabel={`${t('actions.approve')}: ${request.name}`}
            rejectLabel={`${t('actions.reject')}: ${request.name}`}
            rejectTitle={`${t('requests.rejectTitle')}: ${request.name}`}
            isPending={mutation.isPending}
            error={mutation.error}
            onDecide={(d, done) =>
              mutation.mutate(
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
        ) : null}
      </div>
    </li>
  );
}

/** `/rooms/requests`: my room requests, and for admins and movers the ones to decide. */
export function RoomRequestsPage() {
  const { t } = useTranslation('rooms');
  const me = useMe();
  const requests = useRoomRequests();
  const all = requests.data ?? [];
  const mine = all.filter((r) => r.requester.id === me.id);
  const toDecide = all.filter((r) => r.abilities.decide && r.status === 'pending');
  const decider = canDecideRoomRequests(me.roles) || toDecide.length > 0;
  return (
    <Page title={t('requests.title')} actions={<Link to="/rooms">{t('actions.back')}</Link>}>
      {requests.isPending ? <Spinner /> : null}
      {requests.isError ? <ErrorMessage error={requests.error} /> : null}
      {requests.isSuccess ? (
        <div className={styles.stack}>
          {decider ? (
            <section className={styles.section} aria-labelledby="rr-decide">
              <h2 id="rr-decide" className={styles.h2}>
                {t('requests.decide')}
              </h2>
              {toDecide.length === 0 ? (
                <EmptyState title={t('requests.decideEmpty')} />
              ) : (
                <ul className={styles.list}>
                  {toDecide.map((r) => (
                    <RequestItem key={r.id} request={r} decide />
                  ))}
                </ul>
              )}
            </section>
          ) : null}
          <section className={styles.section} aria-labelledby="rr-mine">
            <h2 id="rr-mine" className={styles.h2}>
              {t('requests.mine')}
            </h2>
            {mine.length === 0 ? (
              <EmptyState title={t('requests.mineEmpty')} />
            ) : (
              <ul className={styles.list}>
                {mine.map((r) => (
                  <RequestItem key={r.id} request={r} />
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </Page>
  );
}

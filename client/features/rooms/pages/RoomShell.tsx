import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigationType, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoomDTO } from '@shared/rooms/types';
import { ApiError } from '../../../lib/api';
import { Page } from '../../../components/Page';
import { Button, LinkButton } from '../../../components/Button';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useMarkSeen, useRoom } from '../queries';
import { clearRoomAccessLost, useRoomAccessLost, useRoomActivity } from '../realtime';
import { RoomImage, VisibilityLabel } from '../components/RoomBits';
import { MembershipActions } from '../components/MembershipActions';
import { ArchiveButton } from '../components/ArchiveButton';
import { RoomTabs, tabPath, visibleTabs, type RoomTabId } from '../components/RoomTabs';
import styles from '../rooms.module.css';
import pageStyles from '../../../components/Page.module.css';

/** What the tab routes get from the shell (`useOutletContext`). */
export interface RoomOutletContext {
  room: RoomDTO;
}

/** The current tab from the path (`/rooms/:id` = feed). */
function currentTab(pathname: string, roomId: string): RoomTabId {
  const rest = pathname.split(`/rooms/${roomId}`)[1] ?? '';
  const seg = rest.split('/').filter(Boolean)[0];
  return (seg as RoomTabId | undefined) ?? 'feed';
}

/** Marks the room seen when opened, and again (at most every few seconds) on new activity. */
function useSeen(room: RoomDTO | undefined) {
  const seen = useMarkSeen();
  const member = !!room?.myRole && !!room?.abilities.read;
  const id = room?.id;
  const timer = useRef<number | undefined>(undefined);
  const { mutate } = seen;
  useEffect(() => {
    if (member && id) mutate(id);
  }, [member, id, mutate]);
  useRoomActivity(id ?? '', member, () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => id && mutate(id), 3_000);
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
}

function RoomHeader({ room }: { room: RoomDTO }) {
  const { t, i18n } = useTranslation('rooms');
  const { t: tc } = useTranslation('common');
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const navigationType = useNavigationType();
  const tab = currentTab(location.pathname, room.id);

  useEffect(() => {
    const tabName = visibleTabs(room).includes(tab) ? `${t(`modules.${tab}`)} – ` : '';
    document.title = `${tabName}${room.name} – ${tc('appShort')}`;
  }, [room, tab, t, tc]);

  useEffect(() => {
    // A new room moves focus to its name; switching tabs leaves focus on the tab link.
    if (navigationType !== 'POP') heading.current?.focus({ preventScroll: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room.id]);

  const a = room.abilities;
  return (
    <>
      <div className={styles.header}>
        <RoomImage name={room.name} url={room.imageUrl} size="large" />
        <div className={styles.headerText}>
          <h1 ref={heading} tabIndex={-1} className={`${styles.h1} ${pageStyles.title ?? ''}`}>
            {room.name}
          </h1>
          {room.description ? <p className={styles.description}>{room.description}</p> : null}
          <ul className={styles.meta}>
            <li>
              <VisibilityLabel visibility={room.visibility} />
            </li>
            <li>{t('room.members', { count: room.memberCount })}</li>
            {room.myRole ? <li>{t('roles.mine', { role: t(`roles.${room.myRole}`) })}</li> : null}
          </ul>
        </div>
        <div className={styles.actions}>
          <MembershipActions room={room} />
        </div>
      </div>
      {room.archived ? (
        <div className={styles.banner}>
          <p>
            <strong>{t('room.archived')}</strong> {t('room.archivedText')}
          </p>
          <ArchiveButton room={room} size="small" />
        </div>
      ) : null}
      {room.reviewDue && !room.archived && a.archive ? (
        <div className={`${styles.banner} ${styles.warn}`}>
          <p>
            <strong>{t('room.reviewDue')}</strong>{' '}
            {room.reviewBy
              ? t('room.reviewDueText', {
                  date: new Date(room.reviewBy).toLocaleDateString(i18n.language),
                })
              : null}
          </p>
          <div className={styles.actions}>
            <ArchiveButton room={room} size="small" />
            <LinkButton size="small" href={tabPath(room.id, 'settings')}>
              {t('actions.extend')}
            </LinkButton>
          </div>
        </div>
      ) : null}
      {a.manageMembers && room.pendingRequests > 0 ? (
        <div className={styles.banner}>
          <p>{t('room.pendingRequests', { count: room.pendingRequests })}</p>
          <Link to={tabPath(room.id, 'members')}>{t('members.requests')}</Link>
        </div>
      ) : null}
    </>
  );
}

/** A state page of the room route (not found, access lost). */
function RoomState({
  title,
  text,
  onRetry,
}: {
  title: string;
  text: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation('rooms');
  return (
    <Page title={title}>
      <div className={styles.stack}>
        <p>{text}</p>
        <div className={styles.actions}>
          <LinkButton href="/rooms" variant="primary">
            {t('actions.back')}
          </LinkButton>
          {onRetry ? <Button onPress={onRetry}>{t('actions.reload')}</Button> : null}
        </div>
      </div>
    </Page>
  );
}

/** `/rooms/:roomId`: header, banners, tab links and the current tab (members only). */
export function RoomShell() {
  const { t } = useTranslation('rooms');
  const { roomId = '' } = useParams();
  const room = useRoom(roomId);
  const lost = useRoomAccessLost(roomId);
  useSeen(lost ? undefined : room.data);

  if (lost) {
    return (
      <RoomState
        title={t('room.accessLost')}
        text={t('room.accessLostText')}
        onRetry={() => {
          clearRoomAccessLost(roomId);
          void room.refetch();
        }}
      />
    );
  }
  if (room.isPending) return <Spinner />;
  if (room.isError) {
    if (room.error instanceof ApiError && room.error.status === 404)
      return <RoomState title={t('room.notFound')} text={t('room.notFoundText')} />;
    return (
      <Page title={t('title')}>
        <ErrorMessage error={room.error} />
      </Page>
    );
  }
  const data = room.data;
  return (
    <div className={pageStyles.page}>
      <RoomHeader room={data} />
      {data.abilities.read ? (
        <>
          <RoomTabs room={data} />
          <Outlet context={{ room: data } satisfies RoomOutletContext} />
        </>
      ) : (
        <p className={styles.muted}>
          {data.requestPending ? t('room.pending') : t('room.notMember')}
        </p>
      )}
    </div>
  );
}

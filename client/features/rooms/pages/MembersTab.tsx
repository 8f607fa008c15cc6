import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roomRoles, type RoomRole } from '@shared/rooms/schemas';
import type { RoomDTO, RoomMemberDTO } from '@shared/rooms/types';
import { Avatar } from '../../../components/Avatar';
import { Button } from '../../../components/Button';
import { SearchField } from '../../../components/SearchField';
import { SelectField } from '../../../components/SelectField';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { announce } from '../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { useDebouncedValue } from '../../people/useDebouncedValue';
import { useChangeMemberRole, useRemoveMember, useRoomMembers } from '../queries';
import { InviteDialog } from '../components/InviteDialog';
import { JoinRequests } from '../components/JoinRequests';
import feedback from '../../../components/feedback.module.css';
import styles from '../rooms.module.css';

function MemberRow({ room, member }: { room: RoomDTO; member: RoomMemberDTO }) {
  const { t, i18n } = useTranslation('rooms');
  const role = useChangeMemberRole(room.id);
  const remove = useRemoveMember(room.id);
  const [confirming, setConfirming] = useState(false);
  const name = member.person.displayName;
  // Only owners hand out (or take away) the owner role; the server checks it again.
  const roles = roomRoles.filter((r) => r !== 'owner' || room.myRole === 'owner');
  return (
    <li className={styles.item}>
      <div className={styles.itemMain}>
        <Avatar initials={member.person.initials} photoUrl={member.person.photoUrl} />
        <div className={styles.itemText}>
          <strong>{name}</strong>
          <span className={styles.muted}>
            {[
              member.person.position,
              t('members.joinedAt', {
                date: new Date(member.joinedAt).toLocaleDateString(i18n.language),
              }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </div>
      </div>
      <div className={styles.itemControls}>
        {member.abilities.changeRole ? (
          <SelectField
            label={t('members.roleOf', { name })}
            hideLabel
            value={member.role}
            isDisabled={role.isPending}
            options={roles.map((r) => ({ id: r, label: t(`roles.${r}`) }))}
            onChange={(next) => {
              if (next === member.role) return;
              role.mutate(
                { personId: member.person.id, role: next as RoomRole },
                {
                  onSuccess: () =>
                    announce(t('members.roleChanged', { name, role: t(`roles.${next}`) })),
                },
              );
            }}
          />
        ) : (
          <span className={styles.tag}>{t(`roles.${member.role}`)}</span>
        )}
        {member.abilities.remove ? (
          <Button
            size="small"
            variant="tertiary"
            aria-label={t('members.removeNamed', { name })}
            onPress={() => setConfirming(true)}
          >
            {t('actions.remove')}
          </Button>
        ) : null}
      </div>
      {role.error ? <ErrorMessage error={role.error} /> : null}
      <ConfirmDialog
        title={t('members.removeTitle')}
        isOpen={confirming}
        onOpenChange={(o) => {
          if (!o) remove.reset();
          setConfirming(o);
        }}
        confirmLabel={t('actions.remove')}
        danger
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(member.person.id, {
            onSuccess: () => {
              setConfirming(false);
              announce(t('members.removed', { name }));
            },
          })
        }
      >
        <p>{t('members.removeText', { name })}</p>
      </ConfirmDialog>
    </li>
  );
}

/** Members tab: searchable list with roles; managers invite, change roles, remove, decide requests. */
export default function MembersTab({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('rooms');
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q.trim(), 300);
  const members = useRoomMembers(room.id, search);
  const [inviting, setInviting] = useState(false);
  const [note, setNote] = useState('');
  const manage = room.abilities.manageMembers;
  const list = members.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className={styles.stack}>
      {manage ? <JoinRequests room={room} /> : null}
      <section className={styles.section} aria-labelledby="room-members-heading">
        <div className={styles.row} style={{ justifyContent: 'space-between' }}>
          <h2 id="room-members-heading" className={styles.h2}>
            {t('members.title')}
          </h2>
          {manage ? (
            <Button variant="primary" onPress={() => setInviting(true)}>
              {t('actions.invite')}
            </Button>
          ) : null}
        </div>
        {note ? <p className={`${feedback.alert} ${feedback.success}`}>{note}</p> : null}
        <SearchField label={t('members.search')} value={q} onChange={setQ} />
        {members.isPending ? <Spinner /> : null}
        {members.isError ? <ErrorMessage error={members.error} /> : null}
        {members.isSuccess && list.length === 0 ? <EmptyState title={t('members.empty')} /> : null}
        {list.length > 0 ? (
          <ul className={styles.list}>
            {list.map((m) => (
              <MemberRow key={m.person.id} room={room} member={m} />
            ))}
          </ul>
        ) : null}
        {members.hasNextPage ? (
          <div>
            <Button
              isDisabled={members.isFetchingNextPage}
              onPress={() => void members.fetchNextPage()}
            >
              {t('actions.loadMore')}
            </Button>
          </div>
        ) : null}
      </section>
      {manage ? (
        <InviteDialog
          roomId={room.id}
          isOpen={inviting}
          onOpenChange={setInviting}
          onInvited={setNote}
        />
      ) : null}
    </div>
  );
}

import { useMemo } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConversationDTO } from '@shared/chat/types';
import { Avatar } from '../../../components/Avatar';
import { useOnLeaveUntil, usePresence, useWatchPresence } from '../presence';
import { formatDay } from '../../leave/format';
import styles from './chat.module.css';

export interface ConversationGroups {
  favourites: ConversationDTO[];
  channels: ConversationDTO[];
  direct: ConversationDTO[];
}

/** Favourites, channels, direct messages & groups; filtered by the search text. */
export function groupConversations(list: ConversationDTO[], q: string): ConversationGroups {
  const needle = q.trim().toLocaleLowerCase();
  const shown = needle ? list.filter((c) => c.name.toLocaleLowerCase().includes(needle)) : list;
  return {
    favourites: shown.filter((c) => c.me?.favourite),
    channels: shown.filter((c) => !c.me?.favourite && c.kind === 'channel'),
    direct: shown.filter((c) => !c.me?.favourite && c.kind !== 'channel'),
  };
}

/** The order Alt+↑/↓ walks through. */
export const orderOf = (g: ConversationGroups) => [...g.favourites, ...g.channels, ...g.direct];

export function ConversationList({ groups, q }: { groups: ConversationGroups; q: string }) {
  const { t } = useTranslation('chat');
  const all = orderOf(groups);
  const peers = useMemo(
    () => all.flatMap((c) => (c.kind === 'direct' && c.peer ? [c.peer.id] : [])),
    [all],
  );
  useWatchPresence(peers);
  if (all.length === 0) {
    return <p className={styles.empty}>{q ? t('list.noMatch', { q }) : t('list.empty')}</p>;
  }
  const section = (key: keyof ConversationGroups, title: string) =>
    groups[key].length === 0 ? null : (
      <section key={key} aria-labelledby={`chat-group-${key}`}>
        <h2 id={`chat-group-${key}`} className={styles.groupTitle}>
          {title}
        </h2>
        <ul className={styles.items}>
          {groups[key].map((c) => (
            <li key={c.id}>
              <ConversationLink conversation={c} />
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <>
      {section('favourites', t('list.favourites'))}
      {section('channels', t('list.channels'))}
      {section('direct', t('list.direct'))}
    </>
  );
}

function ConversationLink({ conversation: c }: { conversation: ConversationDTO }) {
  const { t, i18n } = useTranslation('chat');
  const presence = usePresence(c.kind === 'direct' ? c.peer?.id : null);
  const onLeaveUntil = useOnLeaveUntil(c.kind === 'direct' ? c.peer?.id : null);
  const muted = c.me?.muted ?? false;
  const mentions = c.me?.mentions ?? 0;
  const preview = c.lastMessage
    ? `${c.lastMessage.sender && c.kind !== 'direct' ? `${c.lastMessage.sender.displayName}: ` : ''}${c.lastMessage.deleted ? t('messages.deleted') : c.lastMessage.preview}`
    : c.topic;
  const extra = [
    c.unread > 0 ? t('list.unread', { count: c.unread }) : null,
    mentions > 0 ? t('list.mentions', { count: mentions }) : null,
    presence ? t(`presence.${presence}`) : null,
    onLeaveUntil
      ? t('presence.onLeaveUntil', { date: formatDay(onLeaveUntil, i18n.language, true) })
      : null,
    muted ? t('list.muted') : null,
    c.archived ? t('list.archived') : null,
    c.visibility === 'private' ? t('list.private') : null,
  ].filter(Boolean);
  return (
    <NavLink
      to={`/chat/${c.id}`}
      data-conversation-id={c.id}
      className={`${styles.item} ${c.unread > 0 ? styles.unread : ''} ${muted ? styles.muted : ''}`}
    >
      <span className={styles.avatarWrap} aria-hidden="true">
        {c.kind === 'direct' && c.peer ? (
          <Avatar initials={c.peer.initials} photoUrl={c.peer.photoUrl} size="small" />
        ) : (
          <span className={styles.channelIcon}>{c.kind === 'channel' ? '#' : '👥'}</span>
        )}
        {presence ? <span className={styles.dot} data-status={presence} /> : null}
      </span>
      <span className={styles.itemText}>
        <span className={styles.itemName}>{c.name}</span>
        {preview ? <span className={styles.itemPreview}>{preview}</span> : null}
      </span>
      {extra.length > 0 ? <span className="visually-hidden">, {extra.join(', ')}</span> : null}
      {c.unread > 0 ? (
        <span
          className={`${styles.badge} ${mentions > 0 ? styles.mentionBadge : ''}`}
          aria-hidden="true"
        >
          {mentions > 0 ? `@${c.unread > 99 ? '99+' : c.unread}` : c.unread > 99 ? '99+' : c.unread}
        </span>
      ) : null}
    </NavLink>
  );
}

import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  ToggleButton,
} from 'react-aria-components';
import type { ConversationDTO } from '@shared/chat/types';
import { Button } from '../../../components/Button';
import { useLeaveConversation, usePreferences, useUpdateConversation } from '../queries';
import { useOnLeaveUntil, usePresence, useWatchPresence } from '../presence';
import { formatDay } from '../../leave/format';
import { MembersDialog } from './MembersDialog';
import { ChatSettingsDialog } from './ChatSettingsDialog';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { EditConversationDialog } from './ConversationDialogs';
import styles from './chat.module.css';
import { MoreIcon, StarIcon } from '../../../components/icons';

type HeaderAction = 'search' | 'mute' | 'edit' | 'archive' | 'leave' | 'settings';

/** Name, topic, members, favourite and the conversation's menu. */
export function ConversationHeader({
  conversation: c,
  myId,
}: {
  conversation: ConversationDTO;
  myId: string;
}) {
  const { t, i18n } = useTranslation('chat');
  const navigate = useNavigate();
  const prefs = usePreferences(c.id);
  const update = useUpdateConversation(c.id);
  const leave = useLeaveConversation();
  const [dialog, setDialog] = useState<'members' | 'edit' | 'leave' | 'settings' | null>(null);
  useWatchPresence(c.kind === 'direct' && c.peer ? [c.peer.id] : []);
  const presence = usePresence(c.kind === 'direct' ? c.peer?.id : null);
  const onLeaveUntil = useOnLeaveUntil(c.kind === 'direct' ? c.peer?.id : null);
  const muted = c.me?.muted ?? false;

  const actions: { id: HeaderAction; label: string }[] = [
    ...(c.me ? [{ id: 'search' as const, label: t('conversation.search') }] : []),
    ...(c.me
      ? [{ id: 'mute' as const, label: muted ? t('conversation.unmute') : t('conversation.mute') }]
      : []),
    ...(c.abilities.update ? [{ id: 'edit' as const, label: t('conversation.edit') }] : []),
    ...(c.abilities.archive
      ? [
          {
            id: 'archive' as const,
            label: c.archived ? t('conversation.unarchive') : t('conversation.archive'),
          },
        ]
      : []),
    ...(c.abilities.leave ? [{ id: 'leave' as const, label: t('conversation.leave') }] : []),
    { id: 'settings', label: t('list.settings') },
  ];
  const run = (action: HeaderAction) => {
    if (action === 'search') void navigate(`/chat/search?${new URLSearchParams({ in: c.id })}`);
    else if (action === 'mute') prefs.mutate({ muted: !muted });
    else if (action === 'archive') update.mutate({ archived: !c.archived });
    else setDialog(action === 'edit' ? 'edit' : action === 'leave' ? 'leave' : 'settings');
  };

  return (
    <div className={styles.header}>
      <Link to="/chat" className={styles.back}>
        ← {t('conversation.back')}
      </Link>
      <div className={styles.headerText}>
        <h2 id="conversation-title" className={styles.convTitle}>
          {c.kind === 'channel' ? '# ' : ''}
          {c.name}
          {presence ? <span className={styles.time}> · {t(`presence.${presence}`)}</span> : null}
        </h2>
        {onLeaveUntil ? (
          <p className={styles.onLeave}>
            {t('presence.onLeaveUntil', { date: formatDay(onLeaveUntil, i18n.language, true) })}
          </p>
        ) : null}
        {c.topic ? <p className={styles.topic}>{c.topic}</p> : null}
      </div>
      <div className={styles.headerActions}>
        {c.kind !== 'direct' && c.me ? (
          <Button size="small" variant="secondary" onPress={() => setDialog('members')}>
            {t('conversation.members', { count: c.memberCount })}
          </Button>
        ) : null}
        {c.me ? (
          <ToggleButton
            className={styles.iconButton}
            isSelected={c.me.favourite}
            onChange={(favourite) => prefs.mutate({ favourite })}
            aria-label={t('conversation.favourite')}
          >
            <StarIcon filled={c.me.favourite} />
          </ToggleButton>
        ) : null}
        <MenuTrigger>
          <AriaButton className={styles.iconButton} aria-label={t('conversation.more')}>
            <MoreIcon />
          </AriaButton>
          <Popover className={styles.popover} placement="bottom end">
            <Menu
              className={styles.menu}
              aria-label={t('conversation.more')}
              onAction={(key) => run(key as HeaderAction)}
            >
              {actions.map((a) => (
                <MenuItem key={a.id} id={a.id} className={styles.menuItem}>
                  {a.label}
                </MenuItem>
              ))}
            </Menu>
          </Popover>
        </MenuTrigger>
      </div>
      {dialog === 'members' ? (
        <MembersDialog conversation={c} myId={myId} isOpen onOpenChange={() => setDialog(null)} />
      ) : null}
      {dialog === 'edit' ? (
        <EditConversationDialog conversation={c} isOpen onOpenChange={() => setDialog(null)} />
      ) : null}
      {dialog === 'settings' ? (
        <ChatSettingsDialog isOpen onOpenChange={() => setDialog(null)} />
      ) : null}
      <ConfirmDialog
        danger
        title={t('conversation.leave')}
        isOpen={dialog === 'leave'}
        onOpenChange={(open) => (open ? undefined : setDialog(null))}
        confirmLabel={t('conversation.leave')}
        isPending={leave.isPending}
        error={leave.error}
        onConfirm={() =>
          leave.mutate(c.id, {
            onSuccess: () => {
              setDialog(null);
              void navigate('/chat');
            },
          })
        }
      >
        <p>{t('conversation.leaveConfirm', { name: c.name })}</p>
      </ConfirmDialog>
    </div>
  );
}

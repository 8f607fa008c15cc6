import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import type { ChatReaction } from '@shared/chat/schemas';
import { Avatar } from '../../../components/Avatar';
import { Button } from '../../../components/Button';
import { toPlainText } from '@shared/chat/markdown';
import { MessageBody } from './MessageBody';
import { ReactionBar } from './ReactionBar';
import { ReactionPicker } from './ReactionPicker';
import { Attachments } from './Attachments';
import type { ViewMessage } from '../timeline';
import styles from './chat.module.css';
import { MoreIcon } from '../../../components/icons';

export type MessageAction = 'reply' | 'edit' | 'delete' | 'forward' | 'copyLink';

export interface MessageItemProps {
  message: ViewMessage;
  grouped: boolean;
  myId: string;
  myUsername: string | null;
  /** Shown under my last message in a direct conversation once the other person read it. */
  readReceipt?: boolean;
  highlight?: boolean;
  /** The element's id (a link's anchor); default `msg-<id>` (the thread panel uses its own). */
  anchorId?: string;
  /** Inside the thread panel: no thread summary, no reply action. */
  inThread?: boolean;
  online: boolean;
  onAction: (action: MessageAction, message: ViewMessage) => void;
  onReact: (message: ViewMessage, reaction: ChatReaction, on: boolean) => void;
  onOpenThread?: (message: ViewMessage) => void;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}

/** One message: sender and time (unless grouped), body, attachments, reactions, actions. */
export const MessageItem = memo(function MessageItem({
  message: m,
  grouped,
  myId,
  myUsername,
  readReceipt,
  highlight,
  anchorId,
  inThread,
  online,
  onAction,
  onReact,
  onOpenThread,
  onRetry,
  onDiscard,
}: MessageItemProps) {
  const { t, i18n } = useTranslation(['chat', 'errors']);
  const [menuOpen, setMenuOpen] = useState(false);
  const time = new Date(m.createdAt);
  const timeText = time.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const full = time.toLocaleString(i18n.language, { dateStyle: 'full', timeStyle: 'short' });
  const deleted = m.deletedAt !== null;
  const mine = m.sender.id === myId;
  const senderName = m.sender.displayName;
  const actions: { id: MessageAction; label: string }[] = m.local
    ? []
    : [
        ...(m.abilities.reply && !inThread && !m.threadId
          ? [{ id: 'reply' as const, label: t('actions.reply') }]
          : []),
        ...(m.abilities.edit && !deleted
          ? [{ id: 'edit' as const, label: t('actions.edit') }]
          : []),
        ...(m.abilities.forward && !deleted
          ? [{ id: 'forward' as const, label: t('actions.forward') }]
          : []),
        { id: 'copyLink' as const, label: t('actions.copyLink') },
        ...(m.abilities.delete && !deleted
          ? [{ id: 'delete' as const, label: t('actions.delete') }]
          : []),
      ];

  return (
    <div
      id={anchorId ?? `msg-${m.id}`}
      tabIndex={-1}
      data-highlight={highlight ? 'true' : undefined}
      className={`${styles.message} ${grouped ? styles.grouped : ''} ${m.local ? styles.pending : ''}`}
    >
      <div className={styles.gutter}>
        {grouped ? null : <Avatar initials={m.sender.initials} photoUrl={m.sender.photoUrl} />}
      </div>
      <div>
        {grouped ? (
          <span className="visually-hidden">
            {mine ? t('messages.you') : senderName}, {timeText}:
          </span>
        ) : (
          <div className={styles.meta}>
            <span className={styles.sender}>{senderName}</span>
            <time className={styles.time} dateTime={m.createdAt} title={full}>
              {timeText}
            </time>
          </div>
        )}
        {m.forwardedFrom ? (
          <p className={styles.forwarded}>
            {m.forwardedFrom.sender
              ? t('messages.forwarded', {
                  name: m.forwardedFrom.sender.displayName,
                  conversation: m.forwardedFrom.conversationName,
                })
              : t('messages.forwardedUnknown', { conversation: m.forwardedFrom.conversationName })}
          </p>
        ) : null}
        <div className={styles.body}>
          {deleted ? (
            <p className={styles.deleted}>{t('messages.deleted')}</p>
          ) : (
            <>
              {m.body ? <MessageBody body={m.body} viewerUsername={myUsername} /> : null}
              {m.editedAt ? <span className={styles.edited}> {t('messages.edited')}</span> : null}
            </>
          )}
        </div>
        {!deleted && m.attachments.length > 0 ? <Attachments attachments={m.attachments} /> : null}
        {!m.local && !deleted && m.reactions.length > 0 ? (
          <ReactionBar
            reactions={m.reactions}
            viewerId={myId}
            canReact={m.abilities.react}
            showPicker={false}
            onToggle={(reaction, on) => onReact(m, reaction, on)}
          />
        ) : null}
        {!inThread && m.thread && m.thread.replyCount > 0 && onOpenThread ? (
          <div className={styles.threadSummary}>
            <button type="button" className={styles.linkButton} onClick={() => onOpenThread(m)}>
              {t('messages.replies', { count: m.thread.replyCount })}
            </button>
          </div>
        ) : null}
        {m.local?.state === 'pending' ? (
          <p className={styles.status}>{online ? t('messages.pending') : t('messages.queued')}</p>
        ) : null}
        {m.local?.state === 'failed' ? (
          <div className={styles.failed} role="alert">
            <span>
              {t('messages.failed', {
                reason: t(`errors:${m.local.error?.code ?? 'internal'}`, {
                  defaultValue: t('errors:internal'),
                }),
              })}
            </span>
            <Button size="small" variant="secondary" onPress={() => onRetry(m.id)}>
              {t('messages.retry')}
            </Button>
            <Button size="small" variant="secondary" onPress={() => onDiscard(m.id)}>
              {t('messages.discard')}
            </Button>
          </div>
        ) : null}
        {readReceipt ? <p className={styles.status}>{t('messages.read')}</p> : null}
      </div>
      {actions.length > 0 ? (
        <div className={styles.actions} data-open={menuOpen ? 'true' : undefined}>
          {m.abilities.react && !deleted ? (
            <ReactionPicker
              className={styles.iconButton}
              mine={m.reactions.filter((r) => r.personIds.includes(myId)).map((r) => r.reaction)}
              onPick={(reaction) =>
                onReact(
                  m,
                  reaction,
                  !m.reactions.some((r) => r.reaction === reaction && r.personIds.includes(myId)),
                )
              }
            />
          ) : null}
          <MenuTrigger onOpenChange={setMenuOpen}>
            <AriaButton
              className={styles.iconButton}
              aria-label={t('actions.menu', { name: mine ? t('messages.you') : senderName })}
            >
              <MoreIcon />
            </AriaButton>
            <Popover className={styles.popover} placement="bottom end">
              <Menu
                className={styles.menu}
                aria-label={t('actions.menu', { name: mine ? t('messages.you') : senderName })}
                onAction={(key) => onAction(key as MessageAction, m)}
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
      ) : null}
    </div>
  );
});

/** Characters of a thread reply's text shown in its compact line in the main timeline. */
const REPLY_PREVIEW_CHARS = 80;

/** A thread reply in the main timeline: "<name> replied in a thread: …" opening the thread. */
export function ReplyLine({
  message: m,
  highlight,
  onOpenThread,
}: {
  message: ViewMessage;
  highlight?: boolean;
  onOpenThread: (rootId: string) => void;
}) {
  const { t } = useTranslation('chat');
  const preview = m.deletedAt ? t('messages.deleted') : toPlainText(m.body, REPLY_PREVIEW_CHARS);
  return (
    <div
      className={styles.reply}
      id={`msg-${m.id}`}
      tabIndex={-1}
      data-thread-reply=""
      data-highlight={highlight ? 'true' : undefined}
    >
      <span>
        <strong>{m.sender.displayName}</strong> {t('messages.repliedInThread')}
        {preview ? ':' : null}
      </span>
      {preview ? <q className={styles.replyPreview}>{preview}</q> : null}
      {m.threadId ? (
        <button
          type="button"
          className={styles.linkButton}
          onClick={() => onOpenThread(m.threadId as string)}
        >
          {t('messages.openThread')}
        </button>
      ) : null}
    </div>
  );
}

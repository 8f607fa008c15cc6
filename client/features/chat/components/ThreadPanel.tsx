import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToggleButton } from 'react-aria-components';
import type { ChatReaction } from '@shared/chat/schemas';
import type { ConversationDTO } from '@shared/chat/types';
import { Button } from '../../../components/Button';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFollowThread, useThread } from '../queries';
import { centerInLog } from '../links';
import { HIGHLIGHT_MS, withPending, type ViewMessage } from '../timeline';
import { useTypists } from '../presence';
import { MessageItem, type MessageAction } from './MessageItem';
import { Composer } from './Composer';
import type { MentionCandidate } from './ComposerMentions';
import { TypingLine } from './TypingLine';
import styles from './chat.module.css';

export interface ThreadPanelProps {
  conversation: ConversationDTO;
  rootId: string;
  /** A link's target: when it is in this thread, it is scrolled to, focused and highlighted. */
  highlightId?: string | null;
  myId: string;
  myUsername: string | null;
  members: MentionCandidate[];
  pending: ViewMessage[];
  online: boolean;
  editing: ViewMessage | null;
  onClose: () => void;
  onSend: (body: string, attachmentIds: string[]) => void;
  onSaveEdit: (body: string) => void;
  onCancelEdit: () => void;
  onEditLast: (messages: ViewMessage[]) => void;
  onTyping: () => void;
  onAction: (action: MessageAction, message: ViewMessage) => void;
  onReact: (message: ViewMessage, reaction: ChatReaction, on: boolean) => void;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}

/** A thread beside (wide screens) or over (narrow) the conversation: root, replies, composer. */
export function ThreadPanel(props: ThreadPanelProps) {
  const { conversation: conv, rootId, myId } = props;
  const { t } = useTranslation('chat');
  const thread = useThread(conv.id, rootId);
  const follow = useFollowThread(conv.id, rootId);
  const typists = useTypists(conv.id, rootId);
  const heading = useRef<HTMLHeadingElement>(null);
  const replies = useMemo(
    () => withPending(thread.data?.replies ?? [], props.pending),
    [thread.data, props.pending],
  );

  useEffect(() => {
    heading.current?.focus();
  }, [rootId]);

  // A linked reply (or root): once loaded, scroll to it, focus it, highlight it briefly.
  const [flashId, setFlashId] = useState<string | null>(null);
  const jumped = useRef<string | null>(null);
  const target = props.highlightId ?? null;
  useEffect(() => {
    if (!target || !thread.data || jumped.current === target) return;
    const el = document.getElementById(`thread-msg-${target}`);
    if (!el) return;
    // After the heading took the focus (panel opened) and the layout settled.
    const frame = requestAnimationFrame(() => {
      jumped.current = target;
      setFlashId(target);
      centerInLog(el);
      el.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [target, thread.data]);
  useEffect(() => {
    if (!flashId) return;
    const timer = window.setTimeout(() => setFlashId(null), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [flashId]);

  const editingHere = props.editing && props.editing.threadId === rootId ? props.editing : null;
  const following = thread.data?.root.thread?.following ?? false;

  return (
    // Escape anywhere in the panel closes it (the close button does the same).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <aside
      className={styles.thread}
      aria-labelledby="thread-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !editingHere && !e.defaultPrevented) props.onClose();
      }}
    >
      <div className={styles.threadHeader}>
        <h2 id="thread-title" ref={heading} tabIndex={-1}>
          {t('thread.title')}
        </h2>
        {thread.data ? (
          <ToggleButton
            className={styles.iconButton}
            isSelected={following}
            onChange={(on) => follow.mutate(on)}
            style={{ fontSize: '0.9375rem', padding: '0 0.75rem' }}
          >
            {following ? t('thread.following') : t('thread.follow')}
          </ToggleButton>
        ) : null}
        <Button size="small" variant="secondary" onPress={props.onClose}>
          {t('thread.close')}
        </Button>
      </div>
      {thread.isPending ? (
        <Spinner />
      ) : thread.isError ? (
        <ErrorMessage error={thread.error} />
      ) : (
        <div
          className={styles.log}
          role="log"
          aria-live="off"
          aria-label={t('thread.title')}
          // A scrollable log must be reachable by keyboard (WCAG 2.1.1).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
        >
          <MessageItem
            message={thread.data.root}
            anchorId={`thread-msg-${thread.data.root.id}`}
            highlight={flashId === thread.data.root.id}
            grouped={false}
            myId={myId}
            myUsername={props.myUsername}
            inThread
            online={props.online}
            onAction={props.onAction}
            onReact={props.onReact}
            onRetry={props.onRetry}
            onDiscard={props.onDiscard}
          />
          <h3 className={styles.threadRepliesTitle}>
            {t('messages.replies', {
              count: thread.data.root.thread?.replyCount ?? replies.length,
            })}
          </h3>
          {replies.map((m, i) => (
            <MessageItem
              key={m.id}
              message={m}
              anchorId={`thread-msg-${m.id}`}
              highlight={flashId === m.id}
              grouped={i > 0 && replies[i - 1]?.sender.id === m.sender.id}
              myId={myId}
              myUsername={props.myUsername}
              inThread
              online={props.online}
              onAction={props.onAction}
              onReact={props.onReact}
              onRetry={props.onRetry}
              onDiscard={props.onDiscard}
            />
          ))}
        </div>
      )}
      <TypingLine typists={typists} />
      {conv.abilities.post && !conv.archived ? (
        <div className={styles.composerArea}>
          {editingHere ? (
            <div className={styles.editBanner}>
              <span>{t('actions.editing')}</span>
              <Button size="small" variant="secondary" onPress={props.onCancelEdit}>
                {t('actions.cancel')}
              </Button>
            </div>
          ) : null}
          <Composer
            key={editingHere?.id ?? 'reply'}
            conversationId={conv.id}
            members={props.members}
            allowMentionAll={false}
            mode={editingHere ? 'edit' : 'reply'}
            initialBody={editingHere?.body}
            label={editingHere ? t('actions.editing') : t('composer.replyLabel')}
            onSend={(body, ids) => (editingHere ? props.onSaveEdit(body) : props.onSend(body, ids))}
            onTyping={props.onTyping}
            onEditLast={() => props.onEditLast(replies)}
            onCancel={() => (editingHere ? props.onCancelEdit() : props.onClose())}
          />
        </div>
      ) : null}
    </aside>
  );
}

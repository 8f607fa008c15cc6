import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { ChatReaction } from '@shared/chat/schemas';
import type { MeDTO, PersonRef } from '@shared/people/types';
import { Button } from '../../../components/Button';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { getSocket } from '../../../lib/socket';
import {
  useConversation,
  useDeleteMessage,
  useLinkedMessage,
  useEditMessage,
  useJoinConversation,
  useMarkRead,
  useMembers,
  useReact,
} from '../queries';
import { getOutbox, useOutboxEntries } from '../send';
import { pendingMessage, lastEditable, type ViewMessage } from '../timeline';
import { flattenPages, type MessagePages } from '../cache';
import { chatKeys } from '../keys';
import { messageHref } from '../links';
import { onConversationRemovedLocally, setOpenConversation } from '../realtime';
import { sendTyping, useTypists } from '../presence';
import { MessageList } from './MessageList';
import { ThreadPanel } from './ThreadPanel';
import { ConversationHeader } from './ConversationHeader';
import { TypingLine } from './TypingLine';
import { Composer } from './Composer';
import type { MentionCandidate } from './ComposerMentions';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { ForwardDialog } from './ConversationDialogs';
import type { MessageAction } from './MessageItem';
import styles from './chat.module.css';

const useOnline = () => {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
};

/** One open conversation: header, timeline, typing line, composer, thread panel, dialogs. */
export function ConversationView({ id, me }: { id: string; me: MeDTO }) {
  const { t } = useTranslation('chat');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const threadId = params.get('thread');
  // `?message=` (notifications, copied links, search hits); `?m=` from older copied links.
  const highlightId = params.get('message') ?? params.get('m');
  const conv = useConversation(id);
  const c = conv.data;
  const outbox = getOutbox(me.id, qc);
  const entries = useOutboxEntries(outbox, id);
  const online = useOnline();
  const pane = useRef<HTMLDivElement>(null);
  const [readSeqAtOpen, setReadSeqAtOpen] = useState<number | null>(null);
  const [atBottom, setAtBottom] = useState(true);
  const [editing, setEditing] = useState<ViewMessage | null>(null);
  const [deleting, setDeleting] = useState<ViewMessage | null>(null);
  const [forwarding, setForwarding] = useState<string | null>(null);
  const markRead = useMarkRead(id);
  const edit = useEditMessage(id);
  const del = useDeleteMessage(id);
  const react = useReact(id, me);
  const join = useJoinConversation();
  const members = useMembers(id, !!c?.me && c.kind !== 'direct');
  const typists = useTypists(id, null);
  // A link to a thread reply without `thread=` (e.g. an old link): open its thread.
  const linked = useLinkedMessage(id, highlightId && !threadId ? highlightId : null);
  const linkedThread = linked.data?.threadId ?? null;
  useEffect(() => {
    if (!linkedThread || threadId) return;
    const next = new URLSearchParams(params);
    next.set('thread', linkedThread);
    setParams(next, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per linked reply
  }, [linkedThread]);

  const meRef = useMemo<PersonRef>(
    () => ({
      id: me.id,
      displayName: me.displayName,
      initials: me.initials,
      photoUrl: null,
      position: null,
      unitId: null,
    }),
    [me.id, me.displayName, me.initials],
  );
  const pending = useMemo(
    () => entries.filter((e) => !e.threadId).map((e) => pendingMessage(e, meRef)),
    [entries, meRef],
  );
  const threadPending = useMemo(
    () => entries.filter((e) => e.threadId === threadId).map((e) => pendingMessage(e, meRef)),
    [entries, threadId, meRef],
  );
  const mentionable = useMemo<MentionCandidate[]>(() => {
    if (c?.kind === 'direct') return c.peer ? [c.peer] : [];
    return (members.data ?? [])
      .filter((m) => m.person.id !== me.id)
      .map((m) => ({ ...m.person, username: m.username }));
  }, [c, members.data, me.id]);

  // The "new" divider stays where it was when the conversation opened (state from data, once).
  if (c?.me && readSeqAtOpen === null) setReadSeqAtOpen(c.me.readSeq);

  useEffect(() => {
    setOpenConversation(id);
    // Switching conversations: the composer gets focus (after the page heading took it).
    const timer = window.setTimeout(
      () => pane.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus(),
      50,
    );
    return () => {
      window.clearTimeout(timer);
      setOpenConversation(null);
    };
  }, [id]);

  useEffect(
    () =>
      onConversationRemovedLocally((removed) => {
        if (removed !== id) return;
        announce(t('conversation.removed'));
        void navigate('/chat', { replace: true, state: { removed: true } });
      }),
    [id, navigate, t],
  );

  // Mark read when the newest message is visible and the window has focus (debounced).
  const lastSeq = c?.lastSeq ?? 0;
  const unread = c?.unread ?? 0;
  const isMember = !!c?.me;
  useEffect(() => {
    if (!isMember || unread === 0 || !atBottom) return;
    const tryMark = () => {
      if (document.visibilityState === 'visible' && document.hasFocus()) markRead.mutate(lastSeq);
    };
    const timer = window.setTimeout(tryMark, 1_000);
    window.addEventListener('focus', tryMark);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('focus', tryMark);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- markRead is a new object each render
  }, [isMember, unread, atBottom, lastSeq]);

  const onAtBottomChange = useCallback((bottom: boolean) => setAtBottom(bottom), []);

  const openThread = useCallback(
    (rootId: string) => {
      const next = new URLSearchParams(params);
      next.set('thread', rootId);
      next.delete('m');
      next.delete('message');
      setParams(next);
    },
    [params, setParams],
  );
  const closeThread = useCallback(() => {
    const next = new URLSearchParams(params);
    next.delete('thread');
    setParams(next);
    window.setTimeout(() => pane.current?.querySelector('textarea')?.focus(), 0);
  }, [params, setParams]);

  const onAction = useCallback(
    (action: MessageAction, m: ViewMessage) => {
      if (action === 'reply') openThread(m.id);
      else if (action === 'edit') setEditing(m);
      else if (action === 'delete') setDeleting(m);
      else if (action === 'forward') setForwarding(m.id);
      else if (action === 'copyLink') {
        const url = `${window.location.origin}${messageHref(id, m)}`;
        void navigator.clipboard?.writeText(url).then(() => announce(t('actions.linkCopied')));
      }
    },
    [id, openThread, t],
  );
  const onReact = useCallback(
    (m: ViewMessage, reaction: ChatReaction, on: boolean) =>
      react.mutate({ id: m.id, reaction, on }),
    [react],
  );
  const onRetry = useCallback((entryId: string) => outbox.retry(entryId), [outbox]);
  const onDiscard = useCallback((entryId: string) => outbox.discard(entryId), [outbox]);

  const send = (threadOf: string | null) => (body: string, attachmentIds: string[]) =>
    outbox.enqueue({ conversationId: id, body, attachmentIds, threadId: threadOf });
  const saveEdit = (body: string) => {
    if (!editing) return;
    if (body.trim() && body !== editing.body) edit.mutate({ id: editing.id, body });
    setEditing(null);
  };
  const editLast = (list: ViewMessage[]) => {
    const last = lastEditable(list, me.id);
    if (last) setEditing(last);
  };
  const stored = () =>
    flattenPages(qc.getQueryData<MessagePages>(chatKeys.messages(id))).filter((m) => !m.threadId);

  if (conv.isPending) return <Spinner />;
  if (conv.isError || !c) return <ErrorMessage error={conv.error ?? new Error('not found')} />;

  const editingMain = editing && !editing.threadId ? editing : null;
  const canWrite = c.abilities.post && !c.archived && !!c.me;

  return (
    <div ref={pane} className={styles.mainPane} style={{ flex: 1 }}>
      <section className={styles.conversation} aria-labelledby="conversation-title">
        <ConversationHeader conversation={c} myId={me.id} />
        {!c.me && c.abilities.join ? (
          <div className={styles.note}>
            <p>{t('conversation.joinNote')}</p>
            <Button
              variant="primary"
              isDisabled={join.isPending}
              onPress={() =>
                join.mutate(c.id, {
                  onSuccess: () => announce(t('announce.joined', { name: c.name })),
                })
              }
            >
              {t('conversation.join')}
            </Button>
            {join.error ? <ErrorMessage error={join.error} /> : null}
          </div>
        ) : null}
        {c.me ? (
          <MessageList
            conversation={c}
            myId={me.id}
            myUsername={me.username}
            pending={pending}
            readSeqAtOpen={readSeqAtOpen}
            highlightId={highlightId}
            online={online}
            onAtBottomChange={onAtBottomChange}
            onAction={onAction}
            onReact={onReact}
            onOpenThread={openThread}
            onRetry={onRetry}
            onDiscard={onDiscard}
          />
        ) : null}
        {c.archived ? <p className={styles.note}>{t('conversation.archivedNote')}</p> : null}
        <TypingLine typists={typists} />
        {canWrite ? (
          <div className={styles.composerArea}>
            {editingMain ? (
              <div className={styles.editBanner}>
                <span>{t('actions.editing')}</span>
                <Button size="small" variant="secondary" onPress={() => setEditing(null)}>
                  {t('actions.cancel')}
                </Button>
              </div>
            ) : null}
            <Composer
              key={editingMain?.id ?? 'new'}
              conversationId={id}
              members={mentionable}
              allowMentionAll={c.abilities.mentionAll}
              mode={editingMain ? 'edit' : 'message'}
              initialBody={editingMain?.body}
              label={editingMain ? t('actions.editing') : t('composer.label', { name: c.name })}
              onSend={editingMain ? (body) => saveEdit(body) : send(null)}
              onTyping={() => sendTyping(getSocket(), id, null)}
              onEditLast={() => editLast(stored())}
              onCancel={() => setEditing(null)}
            />
          </div>
        ) : null}
      </section>
      {threadId && c.me ? (
        <ThreadPanel
          key={threadId}
          conversation={c}
          rootId={threadId}
          highlightId={highlightId}
          myId={me.id}
          myUsername={me.username}
          members={mentionable}
          pending={threadPending}
          online={online}
          editing={editing}
          onClose={closeThread}
          onSend={send(threadId)}
          onSaveEdit={saveEdit}
          onCancelEdit={() => setEditing(null)}
          onEditLast={editLast}
          onTyping={() => sendTyping(getSocket(), id, threadId)}
          onAction={onAction}
          onReact={onReact}
          onRetry={onRetry}
          onDiscard={onDiscard}
        />
      ) : null}
      <ConfirmDialog
        danger
        title={t('actions.deleteTitle')}
        isOpen={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
        confirmLabel={t('actions.delete')}
        isPending={del.isPending}
        error={del.error}
        onConfirm={() => {
          if (deleting) del.mutate(deleting.id, { onSuccess: () => setDeleting(null) });
        }}
      >
        <p>{t('actions.deleteText')}</p>
      </ConfirmDialog>
      <ForwardDialog
        conversationId={id}
        messageId={forwarding}
        onClose={() => setForwarding(null)}
      />
    </div>
  );
}

import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ServerToClientEvents } from '@shared/realtime/events';
import type { ChatUnreadSummaryDTO, ConversationDTO, ReadReceiptDTO } from '@shared/chat/types';
import type { PortalSocket } from '../../lib/socket';
import { announce } from '../../components/LiveAnnouncer';
import {
  mergeConversation,
  patchConversation,
  removeConversation,
  updateSummary,
  upsertConversation,
  upsertInThread,
  upsertMessage,
  withMessage,
  withRead,
  type ConversationPatch,
  type MessagePages,
} from './cache';
import { chatKeys } from './keys';
import { refetchIfFetching } from './refetch';
import type { ThreadDTO } from './api';
import {
  addTypist,
  attachPresenceSocket,
  removeTypist,
  setPresence,
  useIdleReporter,
} from './presence';
import { getOutbox } from './send';

type P<K extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[K]>[0];

/** The conversation on screen (set by the conversation view), for announcements and removal. */
let openConversationId: string | null = null;
const removedListeners = new Set<(id: string) => void>();
export function setOpenConversation(id: string | null): void {
  openConversationId = id;
}
/** The view learns that its conversation was taken away ("no longer a member"). */
export function onConversationRemovedLocally(fn: (id: string) => void): () => void {
  removedListeners.add(fn);
  return () => removedListeners.delete(fn);
}

/** The conversation as the client knows it: the list first, then its own query. */
function knownConversation(qc: QueryClient, id: string): ConversationDTO | undefined {
  return (
    qc.getQueryData<ConversationDTO[]>(chatKeys.conversations())?.find((c) => c.id === id) ??
    qc.getQueryData<ConversationDTO>(chatKeys.conversation(id))
  );
}

/**
 * Applies one change of a conversation to the list, its own query and the badge summary. When the
 * client knew nothing of it, the summary is asked again (its total cannot be patched blindly).
 */
export function changeConversation(
  qc: QueryClient,
  id: string,
  fn: (c: ConversationDTO) => ConversationDTO,
): void {
  const before = knownConversation(qc, id);
  const after = before ? fn(before) : undefined;
  qc.setQueryData<ConversationDTO[]>(chatKeys.conversations(), (list) =>
    list
      ?.map((c) => (c.id === id ? fn(c) : c))
      .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt)),
  );
  qc.setQueryData<ConversationDTO>(chatKeys.conversation(id), (c) => (c ? fn(c) : c));
  if (!before) {
    void qc.invalidateQueries({ queryKey: chatKeys.unread() });
    void qc.invalidateQueries({ queryKey: chatKeys.conversations() });
  } else {
    qc.setQueryData<ChatUnreadSummaryDTO>(chatKeys.unread(), (s) =>
      updateSummary(s, before, after),
    );
  }
}

/** `chat:message`: timeline, thread, list (position, preview, unread), badge. */
export function onChatMessage(qc: QueryClient, { message }: P<'chat:message'>, myId: string): void {
  qc.setQueryData<MessagePages>(chatKeys.messages(message.conversationId), (d) =>
    upsertMessage(d, message, { live: true }),
  );
  refetchIfFetching(qc, chatKeys.messages(message.conversationId));
  refetchIfFetching(qc, chatKeys.conversations());
  if (message.threadId)
    qc.setQueryData<ThreadDTO>(chatKeys.thread(message.conversationId, message.threadId), (t) =>
      upsertInThread(t, message, { live: true }),
    );
  changeConversation(qc, message.conversationId, (c) => withMessage(c, message, myId));
}

/** `chat:message-updated`: edited, deleted, reacted, thread summary; own fields kept. */
export function onChatMessageUpdated(
  qc: QueryClient,
  { message }: P<'chat:message-updated'>,
): void {
  qc.setQueryData<MessagePages>(chatKeys.messages(message.conversationId), (d) =>
    upsertMessage(d, message, { live: true }),
  );
  refetchIfFetching(qc, chatKeys.messages(message.conversationId));
  for (const rootId of [message.id, message.threadId]) {
    if (!rootId) continue;
    qc.setQueryData<ThreadDTO>(chatKeys.thread(message.conversationId, rootId), (t) =>
      upsertInThread(t, message, { live: true }),
    );
  }
  const update = (c: ConversationDTO): ConversationDTO =>
    c.lastMessage?.id === message.id && message.deletedAt && !c.lastMessage.deleted
      ? { ...c, lastMessage: { ...c.lastMessage, preview: '', deleted: true } }
      : c;
  qc.setQueryData<ConversationDTO[]>(chatKeys.conversations(), (list) =>
    list?.map((c) => (c.id === message.conversationId ? update(c) : c)),
  );
}

/** `chat:conversation`: appeared for me (created, added) or my own state changed in another tab. */
export function onChatConversation(
  qc: QueryClient,
  { conversation }: P<'chat:conversation'>,
): void {
  const before = knownConversation(qc, conversation.id);
  const after = mergeConversation(before, conversation);
  qc.setQueryData<ConversationDTO[]>(chatKeys.conversations(), (list) =>
    upsertConversation(list, conversation),
  );
  qc.setQueryData<ConversationDTO>(chatKeys.conversation(conversation.id), (c) =>
    c ? mergeConversation(c, conversation) : c,
  );
  const summary = qc.getQueryData<ChatUnreadSummaryDTO>(chatKeys.unread());
  if (summary && !before && after.unread > 0)
    void qc.invalidateQueries({ queryKey: chatKeys.unread() });
  else
    qc.setQueryData<ChatUnreadSummaryDTO>(chatKeys.unread(), (s) =>
      updateSummary(s, before, after),
    );
}

/** `chat:conversation-patch`: shared fields (name, topic, archived, member count). */
export function onChatConversationPatch(qc: QueryClient, patch: ConversationPatch): void {
  if (!knownConversation(qc, patch.id)) return;
  changeConversation(qc, patch.id, (c) => patchConversation(c, patch));
}

/** `chat:conversation-removed`: gone from list, badge and caches. */
export function onChatConversationRemoved(
  qc: QueryClient,
  { id }: P<'chat:conversation-removed'>,
): void {
  const before = knownConversation(qc, id);
  qc.setQueryData<ConversationDTO[]>(chatKeys.conversations(), (list) =>
    removeConversation(list, id),
  );
  qc.setQueryData<ChatUnreadSummaryDTO>(chatKeys.unread(), (s) =>
    updateSummary(s, before, undefined),
  );
  qc.removeQueries({ queryKey: chatKeys.conversation(id) });
  qc.removeQueries({ queryKey: chatKeys.messages(id) });
  qc.removeQueries({ queryKey: chatKeys.members(id) });
  qc.removeQueries({ queryKey: [...chatKeys.all, 'thread', id] });
}

/** `chat:read`: my read position moved (this or another tab). */
export function onChatRead(qc: QueryClient, p: P<'chat:read'>): void {
  if (!knownConversation(qc, p.conversationId)) {
    void qc.invalidateQueries({ queryKey: chatKeys.unread() });
    return;
  }
  changeConversation(qc, p.conversationId, (c) => withRead(c, p.readSeq, p.mentions));
}

/** `chat:receipt`: the other person of a direct conversation read up to `readSeq`. */
export function onChatReceipt(qc: QueryClient, receipt: ReadReceiptDTO, myId: string): void {
  if (receipt.personId === myId) return;
  qc.setQueryData<ReadReceiptDTO | null>(chatKeys.receipt(receipt.conversationId), (old) =>
    old && old.readSeq >= receipt.readSeq ? old : receipt,
  );
}

/** After a reconnect that lost packets: list, badge and open pages again (merged by id). */
export function catchUp(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: chatKeys.conversations() });
  void qc.invalidateQueries({ queryKey: chatKeys.unread() });
  void qc.invalidateQueries({ queryKey: [...chatKeys.all, 'conversation'] });
  void qc.invalidateQueries({ queryKey: [...chatKeys.all, 'messages'] });
  void qc.invalidateQueries({ queryKey: [...chatKeys.all, 'thread'] });
  void qc.invalidateQueries({ queryKey: [...chatKeys.all, 'receipt'] });
}

/** Wires the socket's chat events into the query cache, the outbox and the live region. */
export function useChatRealtime(socket: PortalSocket | null, myId: string): void {
  const qc = useQueryClient();
  const { t } = useTranslation('chat');
  useIdleReporter(socket);
  useEffect(() => {
    if (!socket) return;
    const outbox = getOutbox(myId, qc);
    attachPresenceSocket(socket);
    const onMessage = (p: P<'chat:message'>) => {
      outbox.delivered(p.message.id);
      removeTypist(p.message.conversationId, p.message.sender.id);
      onChatMessage(qc, p, myId);
      if (p.message.sender.id !== myId && p.message.conversationId === openConversationId)
        announce(t('announce.newMessage', { name: p.message.sender.displayName }));
    };
    const onUpdated = (p: P<'chat:message-updated'>) => onChatMessageUpdated(qc, p);
    const onConversation = (p: P<'chat:conversation'>) => onChatConversation(qc, p);
    const onPatch = (p: P<'chat:conversation-patch'>) => onChatConversationPatch(qc, p);
    const onRemoved = (p: P<'chat:conversation-removed'>) => {
      onChatConversationRemoved(qc, p);
      removedListeners.forEach((fn) => fn(p.id));
    };
    const onRead = (p: P<'chat:read'>) => onChatRead(qc, p);
    const onReceipt = (p: P<'chat:receipt'>) => onChatReceipt(qc, p, myId);
    const onTyping = (p: P<'chat:typing'>) => {
      if (p.person.id === myId) return;
      addTypist(p.conversationId, {
        personId: p.person.id,
        displayName: p.person.displayName,
        threadId: p.threadId,
      });
    };
    const onPresence = (p: P<'presence'>) => setPresence([p]);
    // Catch up over REST on the first connection (the socket starts after the first paint, so
    // something may have arrived since the list and badge were read) and after a reconnect that
    // could not recover missed packets.
    const onConnect = () => {
      attachPresenceSocket(socket);
      void outbox.flush();
      if (!socket.recovered) catchUp(qc);
    };
    if (socket.connected) onConnect();
    const onOnline = () => void outbox.flush();
    socket.on('chat:message', onMessage);
    socket.on('chat:message-updated', onUpdated);
    socket.on('chat:conversation', onConversation);
    socket.on('chat:conversation-patch', onPatch);
    socket.on('chat:conversation-removed', onRemoved);
    socket.on('chat:read', onRead);
    socket.on('chat:receipt', onReceipt);
    socket.on('chat:typing', onTyping);
    socket.on('presence', onPresence);
    socket.on('connect', onConnect);
    window.addEventListener('online', onOnline);
    return () => {
      socket.off('chat:message', onMessage);
      socket.off('chat:message-updated', onUpdated);
      socket.off('chat:conversation', onConversation);
      socket.off('chat:conversation-patch', onPatch);
      socket.off('chat:conversation-removed', onRemoved);
      socket.off('chat:read', onRead);
      socket.off('chat:receipt', onReceipt);
      socket.off('chat:typing', onTyping);
      socket.off('presence', onPresence);
      socket.off('connect', onConnect);
      window.removeEventListener('online', onOnline);
      attachPresenceSocket(null);
    };
  }, [socket, qc, t, myId]);
}

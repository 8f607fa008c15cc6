import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ConversationDTO, MessageDTO } from '@shared/chat/types';
import { sendMessage } from './api';
import { Outbox, type OutboxEntry } from './outbox';
import { upsertInThread, upsertMessage, withMessage, type MessagePages } from './cache';
import { chatKeys } from './keys';
import { refetchIfFetching } from './refetch';
import type { ThreadDTO } from './api';

/** The stored message (REST answer) into timeline, thread and list; replaces the pending copy. */
export function applySentMessage(qc: QueryClient, message: MessageDTO, myId: string): void {
  qc.setQueryData<MessagePages>(chatKeys.messages(message.conversationId), (d) =>
    upsertMessage(d, message),
  );
  refetchIfFetching(qc, chatKeys.messages(message.conversationId));
  refetchIfFetching(qc, chatKeys.conversations());
  if (message.threadId)
    qc.setQueryData<ThreadDTO>(chatKeys.thread(message.conversationId, message.threadId), (t) =>
      upsertInThread(t, message),
    );
  const fn = (c: ConversationDTO) => withMessage(c, message, myId);
  qc.setQueryData<ConversationDTO[]>(chatKeys.conversations(), (list) =>
    list
      ?.map((c) => (c.id === message.conversationId ? fn(c) : c))
      .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt)),
  );
  qc.setQueryData<ConversationDTO>(chatKeys.conversation(message.conversationId), (c) =>
    c ? fn(c) : c,
  );
}

let instance: { personId: string; outbox: Outbox } | null = null;

/** The one outbox of the signed-in person (created on first use, kept across pages). */
export function getOutbox(personId: string, qc: QueryClient): Outbox {
  if (instance?.personId === personId) return instance.outbox;
  instance?.outbox.dispose();
  const outbox = new Outbox({
    personId,
    send: (e: OutboxEntry) =>
      sendMessage(e.conversationId, {
        clientId: e.clientId,
        body: e.body,
        attachmentIds: e.attachmentIds,
        threadId: e.threadId,
      }),
    onDelivered: (m) => applySentMessage(qc, m, personId),
  });
  instance = { personId, outbox };
  if (typeof window !== 'undefined') window.addEventListener('online', () => void outbox.flush());
  void outbox.flush(); // what a previous visit left queued
  return outbox;
}

const empty: OutboxEntry[] = [];

/** Queued and failed messages of one conversation (optionally of one thread / main timeline). */
export function useOutboxEntries(
  outbox: Outbox,
  conversationId: string,
  threadId: string | null | 'any' = 'any',
): OutboxEntry[] {
  const all = useSyncExternalStore(
    (fn) => outbox.subscribe(fn),
    () => outbox.list(),
    () => empty,
  );
  return all.filter(
    (e) => e.conversationId === conversationId && (threadId === 'any' || e.threadId === threadId),
  );
}

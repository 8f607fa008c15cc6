import { describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { ChatUnreadSummaryDTO, ConversationDTO } from '@shared/chat/types';
import {
  catchUp,
  onChatConversation,
  onChatConversationPatch,
  onChatConversationRemoved,
  onChatMessage,
  onChatMessageUpdated,
  onChatRead,
  onChatReceipt,
} from './realtime';
import { chatKeys } from './keys';
import { applySentMessage } from './send';
import { flattenPages, type MessagePages } from './cache';
import type { ThreadDTO } from './api';
import { CONV, ME, OTHER, conversation, message, pages, person } from './test-data';

function seeded() {
  const qc = new QueryClient();
  const c = conversation();
  qc.setQueryData(chatKeys.conversations(), [c]);
  qc.setQueryData(chatKeys.unread(), { total: 2, conversations: [c] });
  qc.setQueryData(chatKeys.messages(CONV), pages([1, 2, 3]));
  return qc;
}
const list = (qc: QueryClient) => qc.getQueryData<ConversationDTO[]>(chatKeys.conversations());
const summary = (qc: QueryClient) => qc.getQueryData<ChatUnreadSummaryDTO>(chatKeys.unread());
const timeline = (qc: QueryClient) =>
  flattenPages(qc.getQueryData<MessagePages>(chatKeys.messages(CONV)));

describe('chat realtime cache patching', () => {
  it('chat:message appends once, bumps unread in list and badge', () => {
    const qc = seeded();
    onChatMessage(qc, { message: message(4) }, ME);
    onChatMessage(qc, { message: message(4) }, ME); // redelivered after recovery
    expect(timeline(qc).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(list(qc)?.[0]?.unread).toBe(3);
    expect(summary(qc)?.total).toBe(3);
  });

  /**
   * The open conversation's query (observed) is refetching after a reconnect: its first answer was
   * produced before message 4, the next one has it. `change` writes message 4 meanwhile.
   */
  async function duringRefetch(change: (qc: QueryClient) => void) {
    const qc = seeded();
    let calls = 0;
    let answerOld: (v: MessagePages) => void = () => undefined;
    const observer = new QueryObserver<MessagePages>(qc, {
      queryKey: chatKeys.messages(CONV),
      queryFn: () => {
        calls += 1;
        return calls === 1
          ? new Promise<MessagePages>((resolve) => (answerOld = resolve))
          : Promise.resolve(pages([1, 2, 3, 4]));
      },
      staleTime: 0,
    });
    const stop = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(calls).toBe(1));
    change(qc);
    answerOld(pages([1, 2, 3]));
    await vi.waitFor(() => expect(qc.isFetching()).toBe(0));
    stop();
    return timeline(qc).map((m) => m.seq);
  }

  it('a live message during a refetch is not lost to the older answer', async () => {
    expect(await duringRefetch((qc) => onChatMessage(qc, { message: message(4) }, ME))).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('the REST answer of a send during a refetch is not lost either', async () => {
    const mine = message(4, { sender: person(ME) });
    expect(await duringRefetch((qc) => applySentMessage(qc, mine, ME))).toEqual([1, 2, 3, 4]);
  });

  it('my own message (another tab) adds no unread', () => {
    const qc = seeded();
    onChatMessage(qc, { message: message(4, { sender: person(ME) }) }, ME);
    expect(list(qc)?.[0]?.unread).toBe(0);
    expect(summary(qc)?.total).toBe(0);
  });

  it('a message for an unknown conversation asks the server for list and badge', () => {
    const qc = seeded();
    onChatMessage(qc, { message: message(1, { conversationId: 'd'.repeat(24) }) }, ME);
    expect(qc.getQueryState(chatKeys.unread())?.isInvalidated).toBe(true);
    expect(qc.getQueryState(chatKeys.conversations())?.isInvalidated).toBe(true);
  });

  it('thread replies reach a loaded thread', () => {
    const qc = seeded();
    const root = message(1);
    qc.setQueryData<ThreadDTO>(chatKeys.thread(CONV, root.id), { root, replies: [] });
    onChatMessage(qc, { message: message(4, { threadId: root.id }) }, ME);
    expect(qc.getQueryData<ThreadDTO>(chatKeys.thread(CONV, root.id))?.replies).toHaveLength(1);
  });

  it('chat:message-updated keeps my abilities and updates a deleted last message', () => {
    const qc = seeded();
    const mine = message(3, {
      abilities: { edit: true, delete: true, react: true, reply: true, forward: true },
    });
    qc.setQueryData(chatKeys.messages(CONV), {
      pages: [{ data: [mine], hasMore: false }],
      pageParams: [null],
    });
    qc.setQueryData(chatKeys.conversations(), [
      conversation({
        lastMessage: {
          id: mine.id,
          sender: mine.sender,
          preview: 'x',
          deleted: false,
          createdAt: mine.createdAt,
        },
      }),
    ]);
    onChatMessageUpdated(qc, {
      message: {
        ...mine,
        body: '',
        deletedAt: 'now',
        abilities: { ...mine.abilities, edit: false },
      },
    });
    expect(timeline(qc)[0]?.abilities.edit).toBe(true);
    expect(timeline(qc)[0]?.deletedAt).toBe('now');
    expect(list(qc)?.[0]?.lastMessage).toMatchObject({ deleted: true, preview: '' });
  });

  it('chat:read moves the read position in every tab (never back)', () => {
    const qc = seeded();
    onChatRead(qc, { conversationId: CONV, readSeq: 3, mentions: 0 });
    expect(list(qc)?.[0]?.unread).toBe(0);
    expect(summary(qc)).toEqual({ total: 0, conversations: [] });
    onChatRead(qc, { conversationId: CONV, readSeq: 2, mentions: 0 });
    expect(list(qc)?.[0]?.me?.readSeq).toBe(3);
  });

  it('chat:conversation adds a new conversation; patch and removal follow', () => {
    const qc = seeded();
    const other = conversation({
      id: 'e'.repeat(24),
      kind: 'channel',
      name: 'Team',
      lastSeq: 0,
      unread: 0,
    });
    onChatConversation(qc, { conversation: other });
    expect(list(qc)?.map((c) => c.id)).toContain(other.id);
    onChatConversationPatch(qc, { id: other.id, name: 'Team Süd', memberCount: 7 });
    expect(list(qc)?.find((c) => c.id === other.id)).toMatchObject({
      name: 'Team Süd',
      memberCount: 7,
    });
    onChatConversationRemoved(qc, { id: CONV });
    expect(list(qc)?.map((c) => c.id)).toEqual([other.id]);
    expect(summary(qc)?.total).toBe(0);
    expect(qc.getQueryData(chatKeys.messages(CONV))).toBeUndefined();
  });

  it('chat:receipt keeps the furthest position of the other person', () => {
    const qc = seeded();
    onChatReceipt(qc, { conversationId: CONV, personId: OTHER, readSeq: 3 }, ME);
    onChatReceipt(qc, { conversationId: CONV, personId: OTHER, readSeq: 2 }, ME);
    onChatReceipt(qc, { conversationId: CONV, personId: ME, readSeq: 9 }, ME);
    expect(qc.getQueryData(chatKeys.receipt(CONV))).toMatchObject({ readSeq: 3 });
  });

  it('catch-up after a lost connection invalidates list, badge and pages', () => {
    const qc = seeded();
    catchUp(qc);
    expect(qc.getQueryState(chatKeys.conversations())?.isInvalidated).toBe(true);
    expect(qc.getQueryState(chatKeys.unread())?.isInvalidated).toBe(true);
    expect(qc.getQueryState(chatKeys.messages(CONV))?.isInvalidated).toBe(true);
  });
});

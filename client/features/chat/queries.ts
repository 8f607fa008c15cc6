import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  ChatReaction,
  ChatSettingsInput,
  CreateConversationInput,
} from '@shared/chat/schemas';
import type { ConversationDTO, MessageDTO } from '@shared/chat/types';
import * as chatApi from './api';
import {
  toggleReaction,
  updateMessage,
  upsertInThread,
  upsertMessage,
  withRead,
  type MessagePages,
} from './cache';
import { chatKeys } from './keys';
import { unreadQuery } from './unread-query';

export { unreadQuery };
import { changeConversation, onChatConversation } from './realtime';

export const PAGE_SIZE = 50;

/** Chat data is kept live by the socket; refetches happen after a lost connection. */
const live = { staleTime: Infinity } as const;

export const conversationsQuery = () =>
  queryOptions({
    queryKey: chatKeys.conversations(),
    queryFn: ({ signal }) => chatApi.listConversations(signal),
    ...live,
  });

export const messagesQuery = (conversationId: string) =>
  infiniteQueryOptions({
    queryKey: chatKeys.messages(conversationId),
    queryFn: ({ signal, pageParam }) =>
      chatApi.listMessages(
        conversationId,
        { before: pageParam ?? undefined, limit: PAGE_SIZE },
        signal,
      ),
    initialPageParam: null as number | null,
    // Pages are newest first: the "next" page is the older one.
    getNextPageParam: (last) => (last.hasMore && last.data[0] ? last.data[0].seq : undefined),
    ...live,
  });

export const useConversations = () => useQuery(conversationsQuery());
export const useUnreadSummary = () => useQuery(unreadQuery());
export const useMessages = (conversationId: string) =>
  useInfiniteQuery(messagesQuery(conversationId));

/** One conversation: from the list when it is there, else its own request (e.g. browsing). */
export function useConversation(id: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: chatKeys.conversation(id),
    queryFn: ({ signal }) => chatApi.getConversation(id, signal),
    initialData: () =>
      qc.getQueryData<ConversationDTO[]>(chatKeys.conversations())?.find((c) => c.id === id),
    ...live,
  });
}

export const useThread = (conversationId: string, rootId: string | null) =>
  useQuery({
    queryKey: chatKeys.thread(conversationId, rootId ?? ''),
    queryFn: ({ signal }) => chatApi.getThread(conversationId, rootId ?? '', signal),
    enabled: rootId !== null,
    ...live,
  });

/** The target of a message link (fetched once; its seq tells how far back to load). */
export const useLinkedMessage = (conversationId: string, messageId: string | null) =>
  useQuery({
    queryKey: chatKeys.message(conversationId, messageId ?? ''),
    queryFn: ({ signal }) => chatApi.getMessage(conversationId, messageId ?? '', signal),
    enabled: messageId !== null,
    retry: false,
    staleTime: 60_000,
  });

/** Search in my conversations (or in one); at least 2 characters, as the server requires. */
export const useSearchMessages = (q: string, conversationId?: string) =>
  useQuery({
    queryKey: chatKeys.search(q, conversationId),
    queryFn: ({ signal }) => chatApi.searchMessages(q, conversationId, signal),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });

export const useMembers = (conversationId: string, enabled = true) =>
  useQuery({
    queryKey: chatKeys.members(conversationId),
    queryFn: ({ signal }) => chatApi.listMembers(conversationId, signal),
    enabled,
    staleTime: 30_000,
  });

export const useReceipt = (conversationId: string, enabled: boolean) =>
  useQuery({
    queryKey: chatKeys.receipt(conversationId),
    queryFn: ({ signal }) => chatApi.getReceipt(conversationId, signal),
    enabled,
    ...live,
  });

export const useBrowseChannels = (q: string) =>
  useQuery({
    queryKey: chatKeys.browse(q),
    queryFn: ({ signal }) => chatApi.browseChannels(q, signal),
    staleTime: 10_000,
  });

export const useChatSettings = () =>
  useQuery({ queryKey: chatKeys.settings(), queryFn: ({ signal }) => chatApi.getSettings(signal) });

export function useUpdateChatSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChatSettingsInput) => chatApi.putSettings(input),
    onSuccess: (s) => qc.setQueryData(chatKeys.settings(), s),
  });
}

/** Puts a conversation the server answered with into list, detail and badge. */
function useStoreConversation() {
  const qc = useQueryClient();
  return (conversation: ConversationDTO) => {
    onChatConversation(qc, { conversation });
    qc.setQueryData(chatKeys.conversation(conversation.id), conversation);
  };
}

export function useCreateConversation() {
  const store = useStoreConversation();
  return useMutation({
    mutationFn: (input: CreateConversationInput) => chatApi.createConversation(input),
    onSuccess: store,
  });
}

export function useUpdateConversation(id: string) {
  const store = useStoreConversation();
  return useMutation({
    mutationFn: (input: Parameters<typeof chatApi.updateConversation>[1]) =>
      chatApi.updateConversation(id, input),
    onSuccess: store,
  });
}

export function useJoinConversation() {
  const store = useStoreConversation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => chatApi.joinConversation(id),
    onSuccess: (c) => {
      store(c);
      void qc.invalidateQueries({ queryKey: [...chatKeys.all, 'browse'] });
      void qc.invalidateQueries({ queryKey: chatKeys.messages(c.id) });
    },
  });
}

export function useLeaveConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => chatApi.leaveConversation(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: chatKeys.conversations() }),
  });
}

export function usePreferences(id: string) {
  const qc = useQueryClient();
  const store = useStoreConversation();
  return useMutation({
    mutationFn: (input: { muted?: boolean; favourite?: boolean }) =>
      chatApi.putPreferences(id, input),
    onMutate: (input) =>
      changeConversation(qc, id, (c) => (c.me ? { ...c, me: { ...c.me, ...input } } : c)),
    onSuccess: (c) => (c && typeof c === 'object' && 'id' in c ? store(c) : undefined),
    onError: () => void qc.invalidateQueries({ queryKey: chatKeys.conversations() }),
  });
}

/** Moves my read position (optimistic; the answer and `chat:read` confirm it). */
export function useMarkRead(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) => chatApi.markRead(id, seq),
    onMutate: (seq) => changeConversation(qc, id, (c) => withRead(c, seq, 0)),
    onError: () => void qc.invalidateQueries({ queryKey: chatKeys.unread() }),
  });
}

export function useAddMembers(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (personIds: string[]) => chatApi.addMembers(id, personIds),
    onSuccess: () => void qc.invalidateQueries({ queryKey: chatKeys.members(id) }),
  });
}

export function useRemoveMember(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => chatApi.removeMember(id, personId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: chatKeys.members(id) }),
  });
}

/** Writes a message that came back from a mutation into timeline and thread. */
function useStoreMessage() {
  const qc = useQueryClient();
  return (message: MessageDTO | undefined) => {
    if (!message) return;
    qc.setQueryData<MessagePages>(chatKeys.messages(message.conversationId), (d) =>
      upsertMessage(d, message),
    );
    for (const rootId of [message.id, message.threadId]) {
      if (rootId)
        qc.setQueryData<chatApi.ThreadDTO>(chatKeys.thread(message.conversationId, rootId), (t) =>
          upsertInThread(t, message),
        );
    }
  };
}

export function useEditMessage(conversationId: string) {
  const store = useStoreMessage();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      chatApi.editMessage(conversationId, id, body),
    onSuccess: store,
  });
}

export function useDeleteMessage(conversationId: string) {
  const store = useStoreMessage();
  return useMutation({
    mutationFn: (id: string) => chatApi.deleteMessage(conversationId, id),
    onSuccess: store,
  });
}

export function useReact(conversationId: string, me: { id: string; displayName: string }) {
  const qc = useQueryClient();
  const store = useStoreMessage();
  return useMutation({
    mutationFn: ({ id, reaction, on }: { id: string; reaction: ChatReaction; on: boolean }) =>
      chatApi.react(conversationId, id, reaction, on),
    onMutate: ({ id, reaction, on }) => {
      const fn = (m: MessageDTO) => toggleReaction(m, reaction, me, on);
      qc.setQueryData<MessagePages>(chatKeys.messages(conversationId), (d) =>
        updateMessage(d, id, fn),
      );
      for (const [key, t] of qc.getQueriesData<chatApi.ThreadDTO>({
        queryKey: [...chatKeys.all, 'thread', conversationId],
      })) {
        if (!t) continue;
        const m = t.root.id === id ? t.root : t.replies.find((r) => r.id === id);
        if (m) qc.setQueryData(key, upsertInThread(t, fn(m)));
      }
    },
    onSuccess: store,
    onError: () => void qc.invalidateQueries({ queryKey: chatKeys.messages(conversationId) }),
  });
}

export function useFollowThread(conversationId: string, rootId: string) {
  const qc = useQueryClient();
  const store = useStoreMessage();
  return useMutation({
    mutationFn: (follow: boolean) => chatApi.followThread(conversationId, rootId, follow),
    onMutate: (follow) => {
      const fn = (m: MessageDTO): MessageDTO =>
        m.thread ? { ...m, thread: { ...m.thread, following: follow } } : m;
      qc.setQueryData<MessagePages>(chatKeys.messages(conversationId), (d) =>
        updateMessage(d, rootId, fn),
      );
      qc.setQueryData<chatApi.ThreadDTO>(chatKeys.thread(conversationId, rootId), (t) =>
        t ? { ...t, root: fn(t.root) } : t,
      );
    },
    onSuccess: store,
  });
}

export function useForwardMessage(conversationId: string) {
  return useMutation({
    mutationFn: ({ messageId, target }: { messageId: string; target: string }) =>
      chatApi.forwardMessage(conversationId, messageId, target, crypto.randomUUID()),
  });
}

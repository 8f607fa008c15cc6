import { api } from '../../lib/api';
import type { ApiData } from '@shared/http/errors';
import type {
  ChatSearchHitDTO,
  ChatSettingsDTO,
  ChatUnreadSummaryDTO,
  ConversationDTO,
  MemberDTO,
  MessageDTO,
  MessagePageDTO,
  ReadReceiptDTO,
} from '@shared/chat/types';
import type {
  ChatReaction,
  ChatSettingsInput,
  CreateConversationInput,
  MemberPreferencesInput,
  MemberRole,
  UpdateConversationInput,
} from '@shared/chat/schemas';

/** REST calls of the chat feature (`/api/conversations`), unwrapped from `{ data }`. */
const base = '/api/conversations';
const conv = (id: string) => `${base}/${encodeURIComponent(id)}`;
const msg = (id: string, messageId: string) =>
  `${conv(id)}/messages/${encodeURIComponent(messageId)}`;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export const listConversations = (signal?: AbortSignal) =>
  data(api<ApiData<ConversationDTO[]>>(base, { signal }));

export const getConversation = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<ConversationDTO>>(conv(id), { signal }));

export const createConversation = (input: CreateConversationInput) =>
  data(api<ApiData<ConversationDTO>>(base, { method: 'POST', body: { ...input } }));

export const updateConversation = (id: string, input: UpdateConversationInput) =>
  data(api<ApiData<ConversationDTO>>(conv(id), { method: 'PATCH', body: { ...input } }));

export const browseChannels = (q: string, signal?: AbortSignal) =>
  data(api<ApiData<ConversationDTO[]>>(`${base}/browse`, { signal, query: { q } }));

export const getUnreadSummary = (signal?: AbortSignal) =>
  data(api<ApiData<ChatUnreadSummaryDTO>>(`${base}/unread`, { signal }));

export const getSettings = (signal?: AbortSignal) =>
  data(api<ApiData<ChatSettingsDTO>>(`${base}/settings`, { signal }));

export const putSettings = (input: ChatSettingsInput) =>
  data(api<ApiData<ChatSettingsDTO>>(`${base}/settings`, { method: 'PUT', body: { ...input } }));

export const joinConversation = (id: string) =>
  data(api<ApiData<ConversationDTO>>(`${conv(id)}/join`, { method: 'POST' }));

export const leaveConversation = (id: string) =>
  api<unknown>(`${conv(id)}/leave`, { method: 'POST' });

export const putPreferences = (id: string, input: MemberPreferencesInput) =>
  data(
    api<ApiData<ConversationDTO>>(`${conv(id)}/preferences`, { method: 'PUT', body: { ...input } }),
  );

/** Answer: the new read position (and mentions), as `chat:read` carries it. */
export const markRead = (id: string, seq: number) =>
  api<ApiData<{ readSeq: number; mentions?: number } | ConversationDTO>>(`${conv(id)}/read`, {
    method: 'POST',
    body: { seq },
  }).then((r) => r.data);

export const listMembers = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<MemberDTO[]>>(`${conv(id)}/members`, { signal }));

export const addMembers = (id: string, personIds: string[]) =>
  api<unknown>(`${conv(id)}/members`, { method: 'POST', body: { personIds } });

export const removeMember = (id: string, personId: string) =>
  api<unknown>(`${conv(id)}/members/${encodeURIComponent(personId)}`, { method: 'DELETE' });

export const setMemberRole = (id: string, personId: string, role: MemberRole) =>
  api<unknown>(`${conv(id)}/members/${encodeURIComponent(personId)}`, {
    method: 'PATCH',
    body: { role },
  });

export const getReceipt = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<ReadReceiptDTO | null>>(`${conv(id)}/receipts`, { signal }));

export const listMessages = (
  id: string,
  query: { before?: number; after?: number; limit?: number },
  signal?: AbortSignal,
) => api<MessagePageDTO>(`${conv(id)}/messages`, { signal, query });

/** One message (`GET …/messages/:messageId`): where a link points to (seq, thread). */
export const getMessage = (id: string, messageId: string, signal?: AbortSignal) =>
  data(api<ApiData<MessageDTO>>(msg(id, messageId), { signal }));

export interface SendInput {
  clientId: string;
  body: string;
  attachmentIds: string[];
  threadId: string | null;
}

export const sendMessage = (id: string, input: SendInput, signal?: AbortSignal) =>
  data(
    api<ApiData<MessageDTO>>(`${conv(id)}/messages`, {
      method: 'POST',
      body: { ...input },
      signal,
    }),
  );

export const editMessage = (id: string, messageId: string, body: string) =>
  data(api<ApiData<MessageDTO>>(msg(id, messageId), { method: 'PATCH', body: { body } }));

export const deleteMessage = (id: string, messageId: string) =>
  api<ApiData<MessageDTO> | undefined>(msg(id, messageId), { method: 'DELETE' }).then(
    (r) => r?.data,
  );

export const react = (id: string, messageId: string, reaction: ChatReaction, on: boolean) =>
  api<ApiData<MessageDTO> | undefined>(`${msg(id, messageId)}/reactions/${reaction}`, {
    method: on ? 'PUT' : 'DELETE',
  }).then((r) => r?.data);

export interface ThreadDTO {
  root: MessageDTO;
  replies: MessageDTO[];
}

/** The server answers root first, then the replies in order. */
export const getThread = (id: string, rootId: string, signal?: AbortSignal) =>
  data(api<ApiData<MessageDTO[]>>(`${msg(id, rootId)}/thread`, { signal })).then(
    ([root, ...replies]): ThreadDTO => {
      if (!root) throw new Error('empty thread');
      return { root, replies };
    },
  );

export const followThread = (id: string, rootId: string, follow: boolean) =>
  api<ApiData<MessageDTO> | undefined>(`${msg(id, rootId)}/follow`, {
    method: 'PUT',
    body: { follow },
  }).then((r) => r?.data);

export const forwardMessage = (
  id: string,
  messageId: string,
  targetConversationId: string,
  clientId: string,
) =>
  data(
    api<ApiData<MessageDTO>>(`${msg(id, messageId)}/forward`, {
      method: 'POST',
      body: { targetConversationId, clientId },
    }),
  );

/** Newest hits first; at most `SEARCH_LIMIT` (the server's maximum). */
export const SEARCH_LIMIT = 50;
export const searchMessages = (q: string, conversationId?: string, signal?: AbortSignal) =>
  data(
    api<ApiData<ChatSearchHitDTO[]>>(`${base}/search`, {
      signal,
      query: { q, conversationId, limit: SEARCH_LIMIT },
    }),
  );

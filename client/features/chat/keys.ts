/** Query keys of the chat feature (one factory, so patches and invalidations hit the same keys). */
export const chatKeys = {
  all: ['chat'] as const,
  conversations: () => [...chatKeys.all, 'conversations'] as const,
  conversation: (id: string) => [...chatKeys.all, 'conversation', id] as const,
  /** Nav badge and start-page widget (`GET /api/conversations/unread`). */
  unread: () => [...chatKeys.all, 'unread'] as const,
  /** Pages of one conversation's timeline, newest page first. */
  messages: (conversationId: string) => [...chatKeys.all, 'messages', conversationId] as const,
  /** One message (a link's target: its seq and thread). */
  message: (conversationId: string, messageId: string) =>
    [...chatKeys.all, 'message', conversationId, messageId] as const,
  thread: (conversationId: string, rootId: string) =>
    [...chatKeys.all, 'thread', conversationId, rootId] as const,
  members: (conversationId: string) => [...chatKeys.all, 'members', conversationId] as const,
  receipt: (conversationId: string) => [...chatKeys.all, 'receipt', conversationId] as const,
  browse: (q: string) => [...chatKeys.all, 'browse', q] as const,
  settings: () => [...chatKeys.all, 'settings'] as const,
  search: (q: string, conversationId?: string) =>
    [...chatKeys.all, 'search', q, conversationId ?? null] as const,
};

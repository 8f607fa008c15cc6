import type { MessageDTO } from '@shared/chat/types';

/**
 * The address of a message in its conversation: `/chat/<id>?message=<messageId>`, thread replies
 * with `thread=<rootId>` first (the thread panel opens). Notifications use the same form.
 */
export function messageHref(
  conversationId: string,
  m: Pick<MessageDTO, 'id' | 'threadId'>,
): string {
  const params = new URLSearchParams();
  if (m.threadId) params.set('thread', m.threadId);
  params.set('message', m.id);
  return `/chat/${encodeURIComponent(conversationId)}?${params.toString()}`;
}

import type { MessageDTO } from '@shared/chat/types';

/** Scrolls a message into the middle of its log without moving the page around it. */
export function centerInLog(el: HTMLElement): void {
  const log = el.closest<HTMLElement>('[role="log"]');
  if (!log) return el.scrollIntoView({ block: 'center' });
  const offset = el.getBoundingClientRect().top - log.getBoundingClientRect().top;
  log.scrollTop += offset - (log.clientHeight - el.offsetHeight) / 2;
}

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

import type { ChatUnreadSummaryDTO, ConversationDTO } from '@shared/chat/types';
import type { CurrentUser } from '../auth/current-user';
import type { Conversation } from './conversation.model';
import { getConversations, isMember } from './conversation.store';
import type { Inbox } from './inbox.model';
import { getInbox } from './inbox.store';
import { presentConversations, unreadOf } from './conversation.presenter';

type Actor = Pick<CurrentUser, 'id'>;

const SUMMARY_CONVERSATIONS = 5;

const byActivity = (a: Conversation, b: Conversation) =>
  new Date(b.lastActivityAt).getTime() - new Date(a.lastActivityAt).getTime() ||
  String(b._id).localeCompare(String(a._id));

/**
 * The person's conversations from memory: inbox entries whose conversation still lists them (an
 * entry left behind by an unfinished removal is skipped), newest activity first.
 */
export async function myConversations(
  personId: string,
): Promise<{ inbox: Inbox; conversations: Conversation[] }> {
  const inbox = await getInbox(personId);
  const found = await getConversations(Object.keys(inbox.conversations));
  const conversations = [...found.values()].filter((c) => isMember(c, personId)).sort(byActivity);
  return { inbox, conversations };
}

/** `GET /api/conversations`: every conversation of the person (the client groups favourites). */
export async function listMyConversations(user: Actor): Promise<ConversationDTO[]> {
  const { inbox, conversations } = await myConversations(user.id);
  return presentConversations(user, conversations, inbox);
}

/**
 * Navigation badge and the start-page widget "My chats": unread messages over conversations that
 * are not muted, and the five most recently active of those with unread messages.
 */
export async function chatUnreadSummary(user: Actor): Promise<ChatUnreadSummaryDTO> {
  const { inbox, conversations } = await myConversations(user.id);
  let total = 0;
  const unread: Conversation[] = [];
  for (const conv of conversations) {
    const entry = inbox.conversations[String(conv._id)];
    const n = unreadOf(conv, entry);
    if (n === 0 || entry?.muted) continue;
    total += n;
    if (unread.length < SUMMARY_CONVERSATIONS) unread.push(conv);
  }
  return {
    total,
    conversations: await presentConversations(user, unread, inbox),
  };
}

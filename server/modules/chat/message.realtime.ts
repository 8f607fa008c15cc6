import type { Realtime } from '../../realtime';
import { events } from '../../lib/events';
import { toPlainText } from '@shared/chat/markdown';
import { notify } from '../notifications/notifications.service';
import type { Conversation } from './conversation.model';
import { isMember, memberIds } from './conversation.store';
import { MessageModel, type Message } from './message.model';
import { peopleFor, presentMessage, type People } from './message.presenter';
import { addMentions } from './read.service';

export const chatRoom = (conversationId: string) => `chat:${conversationId}`;

/** Notification texts quote at most this much of the message. */
const QUOTE_CHARS = 100;

type LiveEvent = 'chat:message' | 'chat:message-updated';

/** The room gets the member view; the actor's own tabs get the actor's view. */
function deliver(
  realtime: Realtime,
  event: LiveEvent,
  conv: Conversation,
  msg: Message,
  actorId: string,
  people: People,
  actorOnly = false,
) {
  const id = String(conv._id);
  if (!actorOnly) {
    realtime.toRoomExcept(chatRoom(id), actorId, event, {
      message: presentMessage(null, conv, msg, people),
    });
  }
  if (isMember(conv, actorId)) {
    realtime.toUser(actorId, event, {
      message: presentMessage({ id: actorId }, conv, msg, people),
    });
  }
}

const link = (conv: Conversation, msg: Message) =>
  msg.threadId
    ? `/chat/${String(conv._id)}?thread=${encodeURIComponent(msg.threadId)}&message=${encodeURIComponent(msg._id)}`
    : `/chat/${String(conv._id)}?message=${encodeURIComponent(msg._id)}`;

/**
 * Mentioned members (not the sender) get +1 mention in their inbox and a notification, also when
 * they muted the conversation (a mention is addressed to them).
 */
async function notifyMentioned(conv: Conversation, msg: Message, ids: string[], people: People) {
  const sender = String(msg.senderId);
  const recipients = [...new Set(ids)].filter((id) => id !== sender && isMember(conv, id));
  if (!recipients.length) return [];
  await addMentions(recipients, String(conv._id));
  await notify({
    userIds: recipients,
    kind: 'chat.mention',
    params: {
      name: people.get(sender)?.displayName ?? '',
      text: toPlainText(msg.body, QUOTE_CHARS),
    },
    link: link(conv, msg),
  });
  return recipients;
}

/** Followers of the thread (except the replier and who was just notified of a mention). */
async function notifyThreadReply(
  conv: Conversation,
  msg: Message,
  already: string[],
  people: People,
) {
  if (!msg.threadId) return;
  const root = await MessageModel.findById(msg.threadId).lean<Message>();
  const sender = String(msg.senderId);
  const skip = new Set([sender, ...already]);
  const followers = (root?.thread?.followerIds ?? []).filter(
    (id) => !skip.has(id) && isMember(conv, id),
  );
  if (!followers.length) return;
  await notify({
    userIds: followers,
    kind: 'chat.thread_reply',
    params: {
      name: people.get(sender)?.displayName ?? '',
      text: toPlainText(msg.body, QUOTE_CHARS),
    },
    link: link(conv, msg),
  });
}

export function registerChatMessageRealtime(realtime: Realtime): () => void {
  const offs = [
    events.on('chat.message_created', async ({ message, conversation }) => {
      const people = await peopleFor([message]);
      const sender = String(message.senderId);
      deliver(realtime, 'chat:message', conversation, message, sender, people);
      const mentioned = message.mentionsAll ? memberIds(conversation) : message.mentionIds;
      const notified = await notifyMentioned(conversation, message, mentioned, people);
      await notifyThreadReply(conversation, message, notified, people);
    }),
    events.on('chat.message_resent', async ({ message, conversation, userId }) => {
      const people = await peopleFor([message]);
      realtime.toUser(userId, 'chat:message', {
        message: presentMessage({ id: userId }, conversation, message, people),
      });
    }),
    events.on('chat.message_updated', async (e) => {
      const people = await peopleFor([e.message]);
      deliver(
        realtime,
        'chat:message-updated',
        e.conversation,
        e.message,
        e.actorId,
        people,
        e.actorOnly,
      );
      if (e.mentioned?.length)
        await notifyMentioned(e.conversation, e.message, e.mentioned, people);
    }),
  ];
  return () => offs.forEach((off) => off());
}

import type { Request } from 'express';
import type { ChatReaction } from '@shared/chat/schemas';
import type { MessageDTO } from '@shared/chat/types';
import type { CurrentUser } from '../auth/current-user';
import { badRequest, forbidden, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { audit } from '../audit/audit.service';
import {
  canDeleteMessage,
  canEditMessage,
  canForward,
  canPost,
  canReact,
  canRead,
} from './chat.policy';
import { ConversationModel, type Conversation } from './conversation.model';
import {
  convLockKey,
  getConversation,
  memberIds,
  rememberConversation,
} from './conversation.store';
import { MessageModel, type Message } from './message.model';
import { releaseFiles } from './chat.files';
import { conversationNameFor, lastMessageOf, parseBody } from './message.content';
import { peopleFor, presentMessage } from './message.presenter';
import { findMessage, storeMessage } from './message.service';
import { loadConversation, loadReadable } from './member.service';

type Change = Partial<
  Pick<
    Message,
    | 'body'
    | 'searchText'
    | 'attachments'
    | 'mentionIds'
    | 'mentionsAll'
    | 'reactions'
    | 'thread'
    | 'editedAt'
    | 'deletedAt'
  >
>;

interface Changed {
  message: Message;
  conversation: Conversation;
  before: Message;
  changed: boolean;
}

/**
 * Reads the message under the conversation lock (fresh state, so concurrent reactions, replies and
 * edits of one conversation never overwrite each other), lets `decide` check and compute the change,
 * writes it by `_id`, and keeps the conversation's last-message preview in step.
 */
async function change(
  user: CurrentUser,
  convId: string,
  messageId: string,
  decide: (conv: Conversation, msg: Message) => Change | null | Promise<Change | null>,
): Promise<Changed> {
  await loadReadable(user, convId); // 404 / 403 before taking the lock
  return withKeyLock(convLockKey(convId), async () => {
    const conv = await getConversation(convId);
    if (!conv) throw notFound();
    if (!canRead(user, conv)) throw forbidden();
    const msg = await findMessage(convId, messageId);
    if (!msg) throw notFound();
    const set = await decide(conv, msg);
    if (!set) return { message: msg, conversation: conv, before: msg, changed: false };
    await MessageModel.updateOne({ _id: msg._id }, { $set: set });
    const next: Message = { ...msg, ...set };
    let conversation = conv;
    if (conv.lastMessage?.id === msg._id && ('body' in set || 'deletedAt' in set)) {
      const lastMessage = lastMessageOf(next);
      await ConversationModel.updateOne({ _id: conv._id }, { $set: { lastMessage } });
      conversation = { ...conv, lastMessage };
      rememberConversation(conversation);
    }
    return { message: next, conversation, before: msg, changed: true };
  });
}

async function present(user: CurrentUser, r: Changed): Promise<MessageDTO> {
  return presentMessage(user, r.conversation, r.message, await peopleFor([r.message]));
}

function publish(
  user: CurrentUser,
  r: Changed,
  extra: { mentioned?: string[]; actorOnly?: boolean } = {},
) {
  if (!r.changed) return;
  events.publish('chat.message_updated', {
    message: r.message,
    conversation: r.conversation,
    actorId: user.id,
    ...extra,
  });
}

/** The sender edits the text; people mentioned for the first time are notified. */
export async function editMessage(
  user: CurrentUser,
  convId: string,
  messageId: string,
  body: string,
): Promise<MessageDTO> {
  const r = await change(user, convId, messageId, async (conv, msg) => {
    if (!canEditMessage(user, conv, msg)) throw forbidden();
    if (msg.body === body) return null;
    return { body, ...(await parseBody(user, conv, body)), editedAt: new Date() };
  });
  const before = new Set(r.before.mentionIds);
  const mentioned =
    r.message.mentionsAll && !r.before.mentionsAll
      ? memberIds(r.conversation)
      : r.message.mentionIds.filter((id) => !before.has(id));
  publish(user, r, { mentioned });
  return present(user, r);
}

/** Soft delete (sender, or a channel owner moderating): text and files go, the position stays. */
export async function deleteMessage(
  user: CurrentUser,
  convId: string,
  messageId: string,
  req?: Request,
): Promise<MessageDTO> {
  const r = await change(user, convId, messageId, (conv, msg) => {
    const mine = String(msg.senderId) === user.id;
    if (msg.deletedAt && (mine || conv.members[user.id]?.role === 'owner')) return null;
    if (!canDeleteMessage(user, conv, msg)) throw forbidden();
    return {
      body: '',
      searchText: '',
      attachments: [],
      mentionIds: [],
      mentionsAll: false,
      deletedAt: new Date(),
    };
  });
  if (r.changed) {
    await releaseFiles(r.before.attachments, r.before._id);
    if (String(r.before.senderId) !== user.id) {
      await audit({
        action: 'chat.message_delete',
        actorId: user.id,
        subjectType: 'chat_message',
        subjectId: r.before._id,
        detail: { conversationId: convId, senderId: String(r.before.senderId) },
        req,
      });
    }
  }
  publish(user, r);
  return present(user, r);
}

/** Adds (`on`) or removes the person's reaction; repeating changes nothing. */
export async function setMessageReaction(
  user: CurrentUser,
  convId: string,
  messageId: string,
  reaction: ChatReaction,
  on: boolean,
): Promise<MessageDTO> {
  const r = await change(user, convId, messageId, (conv, msg) => {
    if (!canReact(user, conv, msg)) throw forbidden();
    const list = msg.reactions?.[reaction] ?? [];
    if (list.includes(user.id) === on) return null;
    const reactions = { ...msg.reactions };
    const next = on ? [...list, user.id] : list.filter((id) => id !== user.id);
    if (next.length) reactions[reaction] = next;
    else delete reactions[reaction];
    return { reactions };
  });
  publish(user, r);
  return present(user, r);
}

/** Follow (notified of replies) or unfollow a thread; only root messages have threads. */
export async function followThread(
  user: CurrentUser,
  convId: string,
  messageId: string,
  follow: boolean,
): Promise<MessageDTO> {
  const r = await change(user, convId, messageId, (_conv, msg) => {
    if (msg.threadId !== null) {
      throw badRequest('Only a root message has a thread.', [
        { path: 'messageId', code: 'invalid_thread', message: 'invalid_thread' },
      ]);
    }
    const t = msg.thread ?? {
      replyCount: 0,
      lastReplyAt: null,
      participantIds: [],
      followerIds: [],
    };
    if (t.followerIds.includes(user.id) === follow) return null;
    const followerIds = follow
      ? [...t.followerIds, user.id]
      : t.followerIds.filter((id) => id !== user.id);
    return { thread: { ...t, followerIds } };
  });
  publish(user, r, { actorOnly: true });
  return present(user, r);
}

/**
 * Forwards a message (read on the source, post on the target; idempotent by the client id): the
 * text and files are copied, `forwardedFrom` names the original sender and conversation.
 */
export async function forwardMessage(
  user: CurrentUser,
  convId: string,
  messageId: string,
  input: { targetConversationId: string; clientId: string },
): Promise<{ message: MessageDTO; created: boolean }> {
  const source = await loadReadable(user, convId);
  const msg = await findMessage(convId, messageId);
  if (!msg) throw notFound();
  if (!canForward(user, source, msg)) throw forbidden();
  const targetId = input.targetConversationId.toLowerCase();
  const target = await loadConversation(targetId);
  if (!canPost(user, target)) throw forbidden();
  const origin = msg.forwardedFrom ?? {
    senderId: String(msg.senderId),
    conversationName: await conversationNameFor(user, source),
    createdAt: msg.createdAt,
  };
  const stored = await storeMessage(
    user,
    targetId,
    {
      clientId: input.clientId,
      body: msg.body,
      attachments: msg.attachments,
      threadId: null,
      // Mentions belong to the original conversation: nobody is notified again.
      mentionIds: [],
      mentionsAll: false,
      searchText: msg.searchText,
      forwardedFrom: origin,
    },
    { exclusiveFiles: false },
  );
  const people = await peopleFor([stored.message]);
  return {
    message: presentMessage(user, stored.conversation, stored.message, people),
    created: stored.created,
  };
}

import { Types } from 'mongoose';
import type { SendMessageInput } from '@shared/chat/schemas';
import type { MessageDTO } from '@shared/chat/types';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, badRequest, forbidden } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { canPost, canReply } from './chat.policy';
import { ConversationModel, type Conversation } from './conversation.model';
import {
  convLockKey,
  forgetConversation,
  getConversation,
  rememberConversation,
} from './conversation.store';
import { MessageModel, type Message, type StoredAttachment } from './message.model';
import { attachmentsForSend, claimFiles, unclaimFiles } from './chat.files';
import { lastMessageOf, parseBody } from './message.content';
import { peopleFor, presentMessage } from './message.presenter';
import { loadReadable } from './member.service';
import { advanceReadPosition } from './read.service';

/** Position clashes in a row before giving up (each one means a stale `lastSeq`; healed below). */
const MAX_ATTEMPTS = 8;
/** Thread participants kept on the root. */
const THREAD_PARTICIPANTS = 20;

export const clientIdReused = () =>
  new HttpError(409, 'client_id_reused', 'This client id was already used for another message.');

const invalidThread = () =>
  badRequest('Replies go to a root message of this conversation.', [
    { path: 'threadId', code: 'invalid_thread', message: 'invalid_thread' },
  ]);

export const isDuplicateKey = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

/** What a new message consists of; the send and forward paths fill it. */
export interface Draft {
  clientId: string;
  body: string;
  attachments: StoredAttachment[];
  threadId: string | null;
  mentionIds: string[];
  mentionsAll: boolean;
  searchText: string;
  forwardedFrom: Message['forwardedFrom'];
}

export interface Stored {
  message: Message;
  conversation: Conversation;
  /** False: the client id was stored before (a resend); the stored message is returned. */
  created: boolean;
}

export const messageIdOf = (userId: string, clientId: string) => `${userId}-${clientId}`;

/** The message by id when it belongs to the conversation. */
export async function findMessage(convId: string, messageId: string): Promise<Message | null> {
  const msg = await MessageModel.findById(messageId).lean<Message>();
  return msg && String(msg.conversationId) === convId ? msg : null;
}

/** Highest stored position (a query: only after repeated clashes, i.e. a badly stale `lastSeq`). */
async function maxStoredSeq(convId: string): Promise<number> {
  const last = await MessageModel.findOne({ conversationId: convId })
    .sort({ seq: -1 })
    .select({ seq: 1 })
    .lean<{ seq: number }>();
  return last?.seq ?? 0;
}

/** Moves the conversation's `lastSeq` / `lastMessage` to the message (never backwards). */
async function listMessage(conv: Conversation, msg: Message): Promise<Conversation> {
  if (conv.lastSeq >= msg.seq) return conv;
  const lastMessage = lastMessageOf(msg);
  await ConversationModel.updateOne(
    { _id: conv._id },
    { $max: { lastSeq: msg.seq }, $set: { lastMessage, lastActivityAt: msg.createdAt } },
  );
  const next: Conversation = {
    ...conv,
    lastSeq: msg.seq,
    lastMessage,
    lastActivityAt: msg.createdAt,
  };
  rememberConversation(next);
  return next;
}

/** The root's thread summary after a reply (under the conversation lock). */
async function updateThread(reply: Message): Promise<Message | null> {
  if (!reply.threadId) return null;
  const root = await MessageModel.findById(reply.threadId).lean<Message>();
  if (!root) return null;
  const sender = String(reply.senderId);
  const t = root.thread;
  // The root's sender follows from the first reply on (and may unfollow later).
  const followers = t ? t.followerIds : [String(root.senderId)];
  const thread = {
    replyCount: (t?.replyCount ?? 0) + 1,
    lastReplyAt: reply.createdAt,
    participantIds: [...(t?.participantIds ?? []).filter((id) => id !== sender), sender].slice(
      -THREAD_PARTICIPANTS,
    ),
    followerIds: followers.includes(sender) ? followers : [...followers, sender],
  };
  await MessageModel.updateOne({ _id: root._id }, { $set: { thread } });
  return { ...root, thread };
}

interface Outcome extends Stored {
  /** Stored but never announced before (crash after the insert): publish it now. */
  announce: boolean;
  root: Message | null;
  /** Messages found at a clashing position that were never listed (healed on the way). */
  orphans: { message: Message; root: Message | null }[];
}

/** The insert-and-list loop, under the conversation lock. */
async function placeMessage(
  user: Pick<CurrentUser, 'id'>,
  convId: string,
  id: string,
  draft: Draft,
): Promise<Outcome> {
  let conv = await getConversation(convId);
  if (!conv || !canPost(user, conv)) throw forbidden();
  const orphans: Outcome['orphans'] = [];
  let seq = conv.lastSeq + 1;
  for (let attempt = 1; ; attempt++) {
    const msg: Message = {
      _id: id,
      conversationId: conv._id,
      seq,
      senderId: new Types.ObjectId(user.id),
      clientId: draft.clientId,
      body: draft.body,
      searchText: draft.searchText,
      attachments: draft.attachments,
      threadId: draft.threadId,
      thread: null,
      mentionIds: draft.mentionIds,
      mentionsAll: draft.mentionsAll,
      reactions: {},
      forwardedFrom: draft.forwardedFrom,
      createdAt: new Date(),
      editedAt: null,
      deletedAt: null,
    };
    try {
      // The driver directly: one round trip, no document casting (the fields are built above).
      await MessageModel.collection.insertOne(msg as unknown as Record<string, unknown>);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await MessageModel.findById(id).lean<Message>();
      if (existing) {
        if (String(existing.conversationId) !== convId) throw clientIdReused();
        // A resend. If the first attempt died before listing it, finish that now.
        const announce = existing.seq > conv.lastSeq;
        const listed = await listMessage(conv, existing);
        const root = announce ? await updateThread(existing) : null;
        return {
          message: existing,
          conversation: listed,
          created: false,
          announce,
          root,
          orphans,
        };
      }
      if (attempt >= MAX_ATTEMPTS) throw err;
      // A position clash: our `lastSeq` is stale (crash between insert and update, or another
      // instance). Re-read, and after a few clashes ask the messages themselves.
      forgetConversation(convId);
      conv = (await getConversation(convId)) ?? conv;
      const orphan = await MessageModel.findOne({ conversationId: conv._id, seq }).lean<Message>();
      if (orphan && orphan.seq > conv.lastSeq) {
        // Stored by a send that died before listing it: list and announce it now (once: from
        // here on `lastSeq` covers it, so its own retry is only answered, not announced again).
        conv = await listMessage(conv, orphan);
        orphans.push({ message: orphan, root: await updateThread(orphan) });
      }
      seq = Math.max(conv.lastSeq, seq) + 1;
      if (attempt >= 3) seq = Math.max(seq, (await maxStoredSeq(convId)) + 1);
      continue;
    }
    const listed = await listMessage(conv, msg);
    const root = await updateThread(msg);
    return { message: msg, conversation: listed, created: true, announce: true, root, orphans };
  }
}

/**
 * Stores a message at the next position of the conversation, gap-free. Under the conversation
 * lock, seq = lastSeq + 1; the unique `(conversationId, seq)` index turns a stale `lastSeq` into a
 * duplicate-key error, and so does a resend (same `_id`): `findById` tells them apart. A resend is
 * answered with the stored message; a clash takes the next number. A crash after the insert heals:
 * the next send clashes and moves on; the crashed send's retry lists and announces its message.
 */
export async function storeMessage(
  user: Pick<CurrentUser, 'id'>,
  convId: string,
  draft: Draft,
  opts: { exclusiveFiles: boolean },
): Promise<Stored> {
  const id = messageIdOf(user.id, draft.clientId);
  if (draft.attachments.length) {
    const use = { messageId: id, conversationId: convId };
    await claimFiles(draft.attachments, use, opts.exclusiveFiles);
  }
  const out = await withKeyLock(convLockKey(convId), (): Promise<Outcome> =>
    placeMessage(user, convId, id, draft),
  ).catch(async (err: unknown) => {
    // Not stored under this id here (or unknown): a resend claims again.
    if (draft.attachments.length) await unclaimFiles(draft.attachments, id);
    throw err;
  });
  const { message, conversation } = out;
  for (const o of out.orphans) {
    events.publish('chat.message_created', { message: o.message, conversation });
    if (o.root) {
      const actorId = String(o.message.senderId);
      events.publish('chat.message_updated', { message: o.root, conversation, actorId });
    }
  }
  if (out.announce) events.publish('chat.message_created', { message, conversation });
  else events.publish('chat.message_resent', { message, conversation, userId: user.id });
  if (out.root) {
    events.publish('chat.message_updated', {
      message: out.root,
      conversation,
      actorId: user.id,
    });
  }
  await advanceReadPosition(user.id, convId, message.seq);
  return { message, conversation, created: out.created };
}

async function earlierSend(
  user: CurrentUser,
  convId: string,
  id: string,
): Promise<{ message: MessageDTO; created: boolean } | null> {
  const existing = await MessageModel.findById(id).lean<Message>();
  const conv = existing ? await getConversation(convId) : null;
  if (!existing || !conv || String(existing.conversationId) !== String(conv._id)) return null;
  const people = await peopleFor([existing]);
  return { message: presentMessage(user, conv, existing, people), created: false };
}

/** `POST /api/conversations/:id/messages`: 201 new, 200 for a resend of the same client id. */
export async function sendMessage(
  user: CurrentUser,
  convId: string,
  input: SendMessageInput,
): Promise<{ message: MessageDTO; created: boolean }> {
  const id = messageIdOf(user.id, input.clientId);
  const conv = await loadReadable(user, convId).catch(async (err: unknown) => {
    if (err instanceof HttpError && err.status === 403) return null;
    throw err;
  });
  if (!conv || !canPost(user, conv)) {
    // A resend of a message stored before the sender lost the right to post (removed, archived):
    // it was stored, so answer with it; the client stops retrying instead of showing "failed".
    const earlier = await earlierSend(user, convId, id);
    if (earlier) return earlier;
    throw forbidden();
  }
  if (input.threadId) {
    const root = await findMessage(convId, input.threadId);
    if (!root || !canReply(user, conv, root)) throw invalidThread();
  }
  const attachments = await attachmentsForSend(user, convId, id, input.attachmentIds);
  const parsed = await parseBody(user, conv, input.body);
  const stored = await storeMessage(
    user,
    convId,
    {
      clientId: input.clientId,
      body: input.body,
      attachments,
      threadId: input.threadId,
      ...parsed,
      forwardedFrom: null,
    },
    { exclusiveFiles: true },
  );
  const people = await peopleFor([stored.message]);
  return {
    message: presentMessage(user, stored.conversation, stored.message, people),
    created: stored.created,
  };
}

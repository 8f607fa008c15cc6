import { Types } from 'mongoose';
import type { MessagesQuery } from '@shared/chat/schemas';
import type { ChatSearchHitDTO, MessageDTO, MessagePageDTO } from '@shared/chat/types';
import type { CurrentUser } from '../auth/current-user';
import { badRequest, forbidden, notFound } from '../../lib/errors';
import { escapeRegex, fold } from '../../lib/text';
import { canRead } from './chat.policy';
import type { Conversation } from './conversation.model';
import { getConversations, isMember } from './conversation.store';
import { getInbox } from './inbox.store';
import { MessageModel, type Message } from './message.model';
import { peopleFor, presentMessage, presentMessages } from './message.presenter';
import { conversationNameFor } from './message.content';
import { findMessage } from './message.service';
import { loadReadable } from './member.service';

/*
 * History reads are queries on `chat_messages` (the embedded engine scans the collection for them;
 * accepted and documented: they happen on opening a conversation and scrolling, not per message).
 * Access comes from the cached conversation, so a removed member is refused at once.
 */

/**
 * A page of the timeline (thread replies included, they show as compact lines). `before`: the
 * `limit` messages below it; no cursor: the newest; both ascending, `hasMore` = older ones exist.
 * `after`: catch-up, ascending from there, `hasMore` = newer ones exist beyond this page.
 */
export async function messagePage(
  user: CurrentUser,
  convId: string,
  q: MessagesQuery,
): Promise<MessagePageDTO> {
  const conv = await loadReadable(user, convId);
  const conversationId = conv._id;
  let docs: Message[];
  let hasMore: boolean;
  if (q.after !== undefined) {
    docs = await MessageModel.find({ conversationId, seq: { $gt: q.after } })
      .sort({ seq: 1 })
      .limit(q.limit + 1)
      .lean<Message[]>();
    hasMore = docs.length > q.limit;
    docs = docs.slice(0, q.limit);
  } else {
    const filter = q.before === undefined ? {} : { seq: { $lt: q.before } };
    docs = await MessageModel.find({ conversationId, ...filter })
      .sort({ seq: -1 })
      .limit(q.limit + 1)
      .lean<Message[]>();
    hasMore = docs.length > q.limit;
    docs = docs.slice(0, q.limit).reverse();
  }
  return { data: await presentMessages(user, conv, docs), hasMore };
}

/** One message (to jump to it). */
export async function oneMessage(
  user: CurrentUser,
  convId: string,
  messageId: string,
): Promise<MessageDTO> {
  const conv = await loadReadable(user, convId);
  const msg = await findMessage(convId, messageId);
  if (!msg) throw notFound();
  const [dto] = await presentMessages(user, conv, [msg]);
  return dto as MessageDTO;
}

/** A thread: the root first, then its replies in order. 400 when the message is a reply itself. */
export async function threadOf(
  user: CurrentUser,
  convId: string,
  rootId: string,
): Promise<MessageDTO[]> {
  const conv = await loadReadable(user, convId);
  const root = await findMessage(convId, rootId);
  if (!root) throw notFound();
  if (root.threadId !== null) {
    throw badRequest('This message is a reply; open its thread instead.', [
      { path: 'messageId', code: 'invalid_thread', message: 'invalid_thread' },
    ]);
  }
  const replies = await MessageModel.find({ conversationId: conv._id, threadId: rootId })
    .sort({ seq: 1 })
    .lean<Message[]>();
  return presentMessages(user, conv, [root, ...replies]);
}

/** The conversations a person may search: inbox entries that are real memberships. */
async function searchableConversations(user: CurrentUser): Promise<Map<string, Conversation>> {
  const inbox = await getInbox(user.id);
  const convs = await getConversations(Object.keys(inbox.conversations));
  for (const [id, conv] of convs) if (!isMember(conv, user.id)) convs.delete(id);
  return convs;
}

/**
 * Search in the person's own conversations (or one of them: 403 when not a member): folded text
 * contains the folded query, deleted messages excluded, newest first.
 */
export async function searchMessages(
  user: CurrentUser,
  input: { q: string; conversationId?: string; limit: number },
): Promise<ChatSearchHitDTO[]> {
  let convs: Map<string, Conversation>;
  if (input.conversationId) {
    const id = input.conversationId.toLowerCase();
    const conv = (await getConversations([id])).get(id);
    if (!conv) throw notFound();
    if (!canRead(user, conv)) throw forbidden();
    convs = new Map([[id, conv]]);
  } else {
    convs = await searchableConversations(user);
  }
  const needle = fold(input.q).trim();
  if (!convs.size || !needle) return [];
  const docs = await MessageModel.find({
    conversationId: { $in: [...convs.keys()].map((id) => new Types.ObjectId(id)) },
    deletedAt: null,
    searchText: { $regex: escapeRegex(needle) },
  })
    .sort({ createdAt: -1, seq: -1 })
    .limit(input.limit)
    .lean<Message[]>();
  const people = await peopleFor(docs);
  const names = new Map<string, string>();
  const hits: ChatSearchHitDTO[] = [];
  for (const msg of docs) {
    const id = String(msg.conversationId);
    const conv = convs.get(id);
    if (!conv) continue;
    if (!names.has(id)) names.set(id, await conversationNameFor(user, conv));
    hits.push({
      message: presentMessage(user, conv, msg, people),
      conversation: { id, name: names.get(id) ?? '', kind: conv.kind },
    });
  }
  return hits;
}

import { Types } from 'mongoose';
import { createKeyedCache } from '../../lib/keyed-cache';
import { ConversationModel, type Conversation } from './conversation.model';

/**
 * Conversations by id, cached (on the embedded engine even an `_id` read scans the table, and
 * every send and read checks membership). Writers store what they wrote with `remember` (other
 * instances drop their copy over the cluster bus) and write under `withKeyLock(convLockKey(id))`.
 */
const cache = createKeyedCache<Conversation | null>({
  name: 'chat-conversation',
  max: 20_000,
  load: async (id) =>
    Types.ObjectId.isValid(id) ? ConversationModel.findById(id).lean<Conversation>() : null,
});

/**
 * Ids arrive in any letter case (the id pattern is case-insensitive): one spelling per
 * conversation, or an upper-case key would keep a stale copy (e.g. of a removed member) and
 * take a different lock.
 */
const keyOf = (id: string) => id.toLowerCase();

export const convLockKey = (id: string) => `chat:conv:${keyOf(id)}`;

export function getConversation(id: string): Promise<Conversation | null> {
  return cache.get(keyOf(id));
}

export async function getConversations(ids: string[]): Promise<Map<string, Conversation>> {
  const found = await Promise.all(ids.map((id) => cache.get(keyOf(id))));
  const out = new Map<string, Conversation>();
  for (const conv of found) if (conv) out.set(String(conv._id), conv);
  return out;
}

/** After a successful write: the new state, here and (by invalidation) on other instances. */
export function rememberConversation(conv: Conversation): void {
  cache.set(String(conv._id), conv);
}

/** After a write whose result is unknown (e.g. failed midway): reload on next use. */
export function forgetConversation(id: string): void {
  cache.invalidate(keyOf(id));
}

export function isMember(conv: Conversation, personId: string): boolean {
  return Object.prototype.hasOwnProperty.call(conv.members, personId);
}

export function memberIds(conv: Conversation): string[] {
  return Object.keys(conv.members);
}

export function clearConversationCache(): void {
  cache.clear();
}

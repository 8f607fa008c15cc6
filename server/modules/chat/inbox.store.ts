import { Types } from 'mongoose';
import { createKeyedCache } from '../../lib/keyed-cache';
import { InboxModel, type Inbox } from './inbox.model';

const empty = (id: string): Inbox => ({
  _id: new Types.ObjectId(id),
  conversations: {},
  readReceipts: true,
  presence: 'auto',
});

/**
 * Each person's chat inbox (conversations with read state, settings), cached per person. Writes go
 * through `withKeyLock(inboxLockKey(id))`, then `rememberInbox`.
 */
const cache = createKeyedCache<Inbox>({
  name: 'chat-inbox',
  max: 20_000,
  load: async (id) => (await InboxModel.findById(id).lean<Inbox>()) ?? empty(id),
});

export const inboxLockKey = (personId: string) => `chat:inbox:${personId}`;

export function getInbox(personId: string): Promise<Inbox> {
  return cache.get(personId);
}

export function rememberInbox(inbox: Inbox): void {
  cache.set(String(inbox._id), inbox);
}

export function forgetInbox(personId: string): void {
  cache.invalidate(personId);
}

export function clearInboxCache(): void {
  cache.clear();
}

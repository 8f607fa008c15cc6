import type { ReadReceiptDTO } from '@shared/chat/types';
import type { CurrentUser } from '../auth/current-user';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import type { Conversation } from './conversation.model';
import { getConversation, isMember } from './conversation.store';
import { InboxModel, type Inbox, type InboxEntry } from './inbox.model';
import { getInbox, inboxLockKey, rememberInbox } from './inbox.store';
import { loadReadable } from './member.service';
import { deferReadPosition } from './read-behind';

type Actor = Pick<CurrentUser, 'id'>;

export interface ReadState {
  conversationId: string;
  readSeq: number;
  mentions: number;
  unread: number;
}

const freshEntry = (conv: Conversation, personId: string): InboxEntry => ({
  readSeq: 0,
  muted: false,
  favourite: false,
  mentions: 0,
  joinedAt: conv.members[personId]?.joinedAt ?? new Date(),
});

/**
 * Changes one person's entry of a conversation: one `$set` by `_id` under the person's inbox lock
 * (a missing entry of a real membership is written whole). `change` returns the new fields, or
 * null when nothing changes (then nothing is written).
 */
export async function updateInboxEntry(
  personId: string,
  conv: Conversation,
  change: (entry: InboxEntry) => Partial<InboxEntry> | null,
): Promise<InboxEntry | null> {
  const cid = String(conv._id);
  return withKeyLock(inboxLockKey(personId), async () => {
    const inbox = await getInbox(personId);
    const existing = inbox.conversations[cid];
    const entry = existing ?? freshEntry(conv, personId);
    const fields = change(entry);
    if (!fields && existing) return null;
    const next = { ...entry, ...fields };
    const $set: Record<string, unknown> = {};
    // The read position only moves forward, also when another instance's cached copy is older
    // (the lock serialises this instance only).
    const $max: Record<string, number> = {};
    if (existing) {
      for (const [k, v] of Object.entries(fields ?? {})) {
        if (k === 'readSeq') $max[`conversations.${cid}.readSeq`] = v as number;
        else $set[`conversations.${cid}.${k}`] = v;
      }
    } else {
      $set[`conversations.${cid}`] = next;
    }
    const stored = await InboxModel.findByIdAndUpdate(
      personId,
      Object.keys($max).length ? { $set, $max } : { $set },
      { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true },
    ).lean<Inbox>();
    if (stored) rememberInbox(stored);
    return next;
  });
}

/** `readSeq = max(old, min(seq, lastSeq))`, mentions reset; publishes `chat.read` when it moved. */
async function moveReadPosition(
  userId: string,
  conv: Conversation,
  seq: number,
): Promise<ReadState> {
  const cid = String(conv._id);
  let moved = false;
  const written = await updateInboxEntry(userId, conv, (entry) => {
    const readSeq = Math.max(entry.readSeq, Math.min(seq, conv.lastSeq));
    if (readSeq === entry.readSeq && entry.mentions === 0) return null;
    moved = true;
    return { readSeq, mentions: 0 };
  });
  const entry = written ?? (await getInbox(userId)).conversations[cid];
  const readSeq = entry?.readSeq ?? 0;
  if (moved) events.publish('chat.read', { userId, conversationId: cid, readSeq, mentions: 0 });
  return {
    conversationId: cid,
    readSeq,
    mentions: entry?.mentions ?? 0,
    unread: Math.max(0, conv.lastSeq - readSeq),
  };
}

/** `POST /api/conversations/:id/read`: members only; never goes backwards; idempotent. */
export async function markRead(user: Actor, convId: string, seq: number): Promise<ReadState> {
  const conv = await loadReadable(user, convId);
  return moveReadPosition(user.id, conv, seq);
}

/**
 * For the send path (S2): the sender has read up to their own message. Does nothing (null) when
 * the person is not a member (any more).
 */
export async function advanceReadPosition(
  userId: string,
  convId: string,
  seq: number,
): Promise<ReadState | null> {
  const conv = await getConversation(convId);
  if (!conv || !isMember(conv, userId)) return null;
  const entry = (await getInbox(userId)).conversations[convId];
  const readSeq = Math.min(seq, conv.lastSeq);
  // The common case (an entry without unread mentions moves forward) is written in batches.
  if (entry && entry.mentions === 0) {
    if (readSeq > entry.readSeq) {
      await deferReadPosition(userId, convId, readSeq);
      events.publish('chat.read', { userId, conversationId: convId, readSeq, mentions: 0 });
    }
    const now = Math.max(entry.readSeq, readSeq);
    return { conversationId: convId, readSeq: now, mentions: 0, unread: conv.lastSeq - now };
  }
  return moveReadPosition(userId, conv, seq);
}

/**
 * For the send path (S2): one more unread mention for each person (members only, under each
 * person's inbox lock); their tabs get the conversation again (`chat.member_state`).
 */
export async function addMentions(userIds: string[], convId: string): Promise<void> {
  const conv = await getConversation(convId);
  if (!conv) return;
  for (const userId of new Set(userIds)) {
    if (!isMember(conv, userId)) continue;
    await updateInboxEntry(userId, conv, (entry) => ({ mentions: entry.mentions + 1 }));
    events.publish('chat.member_state', { userId, conversationId: convId });
  }
}

/** Whether both people of a direct conversation allow read receipts; then the other's position. */
export async function readReceipt(
  conv: Conversation,
  viewerId: string,
): Promise<ReadReceiptDTO | null> {
  if (conv.kind !== 'direct') return null;
  const peerId = Object.keys(conv.members).find((id) => id !== viewerId);
  if (!peerId) return null;
  const [mine, theirs] = await Promise.all([getInbox(viewerId), getInbox(peerId)]);
  if (!mine.readReceipts || !theirs.readReceipts) return null;
  const cid = String(conv._id);
  return {
    conversationId: cid,
    personId: peerId,
    readSeq: theirs.conversations[cid]?.readSeq ?? 0,
  };
}

export async function receiptFor(user: Actor, convId: string): Promise<ReadReceiptDTO | null> {
  return readReceipt(await loadReadable(user, convId), user.id);
}

/**
 * Conversations for the 10,000-client part of the chat benchmark, written into the database
 * before the portal starts, in the shape of `server/modules/chat/{conversation,inbox}.model.ts`
 * (member map on the conversation, one inbox document per person). Conversation `j` has the
 * members `(j + 50·m) mod n` for m < size, so with 1,000 people in 500 conversations of 20 each
 * person belongs to 10 of them.
 */
import type { Db } from 'mongodb';
import { Types } from 'mongoose';
import type { BotPerson } from '../../e2e/support/chat-harness';

export interface SeededConversation {
  id: string;
  memberIds: string[];
}

export async function insertBigConversations(
  db: Db,
  people: BotPerson[],
  count: number,
  size: number,
): Promise<SeededConversation[]> {
  const now = new Date();
  const stride = Math.max(1, Math.floor(people.length / size));
  const out: SeededConversation[] = [];
  const docs = [];
  const inboxes = new Map<string, Record<string, unknown>>();
  for (let j = 0; j < count; j += 1) {
    const _id = new Types.ObjectId();
    const memberIds = [
      ...new Set(
        Array.from({ length: size }, (_, m) => people[(j + stride * m) % people.length]?.id ?? ''),
      ),
    ].filter(Boolean);
    const members = Object.fromEntries(
      memberIds.map((id, i) => [id, { role: i === 0 ? 'owner' : 'member', joinedAt: now }]),
    );
    docs.push({
      _id,
      kind: 'group',
      visibility: null,
      name: `Lastgruppe ${j + 1}`,
      topic: '',
      nameKey: '',
      roomId: null,
      createdById: new Types.ObjectId(memberIds[0]),
      members,
      memberCount: memberIds.length,
      archived: false,
      archivedAt: null,
      lastSeq: 0,
      lastMessage: null,
      lastActivityAt: now,
      createdAt: now,
      updatedAt: now,
    });
    for (const id of memberIds) {
      const entries = inboxes.get(id) ?? {};
      entries[String(_id)] = {
        readSeq: 0,
        muted: false,
        favourite: false,
        mentions: 0,
        joinedAt: now,
      };
      inboxes.set(id, entries);
    }
    out.push({ id: String(_id), memberIds });
  }
  for (let i = 0; i < docs.length; i += 500) {
    await db.collection('chat_conversations').insertMany(docs.slice(i, i + 500));
  }
  const inboxDocs = [...inboxes].map(([id, conversations]) => ({
    _id: new Types.ObjectId(id),
    conversations,
    readReceipts: true,
    presence: 'auto',
  }));
  for (let i = 0; i < inboxDocs.length; i += 500) {
    await db.collection('chat_inboxes').insertMany(inboxDocs.slice(i, i + 500));
  }
  return out;
}

import { Schema, model, type Types } from 'mongoose';
import { presenceChoices, type PresenceChoice } from '@shared/chat/schemas';

export interface InboxEntry {
  readSeq: number;
  muted: boolean;
  favourite: boolean;
  /** Mentions of the person since `readSeq` (reset when they read). */
  mentions: number;
  joinedAt: Date;
}

/**
 * One document per person (`_id` = person id): the conversations they belong to with their own
 * state, and their chat settings. Read through a keyed cache (`inbox.store.ts`); each change is one
 * `$set` by `_id`. Membership itself is decided by the conversation's member map; an entry here
 * without a membership there is ignored (and dropped on the next write).
 */
export interface Inbox {
  _id: Types.ObjectId;
  conversations: Record<string, InboxEntry>;
  readReceipts: boolean;
  presence: PresenceChoice;
}

const inboxSchema = new Schema<Inbox>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    conversations: { type: Schema.Types.Mixed, default: {} },
    readReceipts: { type: Boolean, default: true },
    presence: { type: String, enum: presenceChoices, default: 'auto' },
  },
  { versionKey: false, minimize: false },
);

export const InboxModel = model<Inbox>('ChatInbox', inboxSchema, 'chat_inboxes');

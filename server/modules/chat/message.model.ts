import { Schema, model, type Types } from 'mongoose';
import type { ChatReaction } from '@shared/chat/schemas';

export interface StoredAttachment {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
  /** Images: the WebP preview's file id and size. */
  image: { previewId: string; width: number; height: number } | null;
}

export interface StoredThread {
  replyCount: number;
  lastReplyAt: Date | null;
  /** People who replied, oldest first (at most 20 kept). */
  participantIds: string[];
  /** Notified of new replies: the root's sender, repliers, and whoever chose "follow". */
  followerIds: string[];
}

/**
 * One message. `_id` = `<senderId>-<clientId>`: a resend of the same client id hits the primary
 * key and is answered with the stored message (never stored twice). `(conversationId, seq)` is
 * unique too, so two writers can never give two messages the same position: the loser takes the
 * next number. Edits and deletes change the document in place (soft delete keeps the position).
 */
export interface Message {
  _id: string;
  conversationId: Types.ObjectId;
  seq: number;
  senderId: Types.ObjectId;
  clientId: string;
  body: string;
  /** Folded plain text for search (empty when deleted). */
  searchText: string;
  attachments: StoredAttachment[];
  threadId: string | null;
  thread: StoredThread | null;
  mentionIds: string[];
  mentionsAll: boolean;
  /** Reaction name → person ids (names from the shared palette, safe as keys). */
  reactions: Partial<Record<ChatReaction, string[]>>;
  forwardedFrom: { senderId: string | null; conversationName: string; createdAt: Date } | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

const messageSchema = new Schema<Message>(
  {
    _id: { type: String, required: true },
    conversationId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    senderId: { type: Schema.Types.ObjectId, required: true },
    clientId: { type: String, required: true },
    body: { type: String, default: '' },
    searchText: { type: String, default: '' },
    attachments: { type: Schema.Types.Mixed, default: [] },
    threadId: { type: String, default: null },
    thread: { type: Schema.Types.Mixed, default: null },
    mentionIds: { type: [String], default: [] },
    mentionsAll: { type: Boolean, default: false },
    reactions: { type: Schema.Types.Mixed, default: {} },
    forwardedFrom: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, default: () => new Date() },
    editedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
  },
  { versionKey: false, minimize: false },
);
messageSchema.index({ conversationId: 1, seq: 1 }, { unique: true });
messageSchema.index({ conversationId: 1, threadId: 1, seq: 1 });

export const MessageModel = model<Message>('ChatMessage', messageSchema, 'chat_messages');

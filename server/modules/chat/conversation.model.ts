import { Schema, model, type Types } from 'mongoose';
import {
  channelVisibilities,
  conversationKinds,
  type ChannelVisibility,
  type ConversationKind,
  type MemberRole,
} from '@shared/chat/schemas';

export interface StoredMember {
  role: MemberRole;
  joinedAt: Date;
}

export interface StoredLastMessage {
  id: string;
  senderId: string;
  /** Plain text, at most 140 characters. */
  preview: string;
  deleted: boolean;
  createdAt: Date;
}

/**
 * A conversation. The member map is the source of truth for who may read and write (keys are
 * person ids: 24 hex, never `.` or `$`). Everything per person (read position, mute, favourite)
 * lives in the person's inbox document instead, so reading never rewrites this document.
 * Read through `conversation.store.ts` (cached by `_id`), never queried per request.
 */
export interface Conversation {
  _id: Types.ObjectId;
  kind: ConversationKind;
  visibility: ChannelVisibility | null;
  name: string;
  topic: string;
  /** Folded name for search (channels, named groups). */
  nameKey: string;
  /** The team room owning this channel. */
  roomId: Types.ObjectId | null;
  createdById: Types.ObjectId;
  members: Record<string, StoredMember>;
  memberCount: number;
  archived: boolean;
  archivedAt: Date | null;
  /** Newest message's sequence number; messages are numbered 1, 2, 3 … without gaps. */
  lastSeq: number;
  lastMessage: StoredLastMessage | null;
  lastActivityAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const conversationSchema = new Schema<Conversation>(
  {
    kind: { type: String, enum: conversationKinds, required: true },
    visibility: { type: String, enum: [...channelVisibilities, null], default: null },
    name: { type: String, default: '' },
    topic: { type: String, default: '' },
    nameKey: { type: String, default: '' },
    roomId: { type: Schema.Types.ObjectId, default: null },
    createdById: { type: Schema.Types.ObjectId, required: true },
    members: { type: Schema.Types.Mixed, default: {} },
    memberCount: { type: Number, default: 0 },
    archived: { type: Boolean, default: false },
    archivedAt: { type: Date, default: null },
    lastSeq: { type: Number, default: 0 },
    lastMessage: { type: Schema.Types.Mixed, default: null },
    lastActivityAt: { type: Date, default: () => new Date() },
  },
  { timestamps: true, versionKey: false, minimize: false },
);
// Browsing public channels (MongoDB; the embedded engine scans, which is fine for a rare action).
conversationSchema.index({ kind: 1, visibility: 1, archived: 1 });
conversationSchema.index({ roomId: 1 });

export const ConversationModel = model<Conversation>(
  'ChatConversation',
  conversationSchema,
  'chat_conversations',
);

/**
 * Unique keys that the database enforces by `_id`: `dm:<a>:<b>` (one direct conversation per pair,
 * ids sorted) and `channel:<folded name>` (channel names are unique). Inserted before the
 * conversation; a retry after a crash finds the key and completes the conversation.
 */
export interface ChatKey {
  _id: string;
  conversationId: Types.ObjectId;
  createdAt: Date;
}

const chatKeySchema = new Schema<ChatKey>(
  {
    _id: { type: String, required: true },
    conversationId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);

export const ChatKeyModel = model<ChatKey>('ChatKey', chatKeySchema, 'chat_keys');

import { Schema, model, type Types } from 'mongoose';
import {
  roomTemplateKeys,
  roomVisibilities,
  type RoomModules,
  type RoomTemplateKey,
  type RoomVisibility,
} from '@shared/rooms/schemas';

/**
 * A team room (at most a few thousand: every room lives in memory, see `room-index.ts`). Members
 * are NOT here but in `room_members` (one document per room), written only by `member.store.ts`.
 */
const modulesSchema = new Schema(
  {
    feed: { type: Boolean, default: true },
    chat: { type: Boolean, default: false },
    wiki: { type: Boolean, default: false },
    files: { type: Boolean, default: false },
    events: { type: Boolean, default: false },
    tasks: { type: Boolean, default: false },
  },
  { _id: false },
);

const roomSchema = new Schema(
  {
    /** The creating client's id: repeating a create returns the same room. */
    clientId: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    visibility: { type: String, enum: roomVisibilities, required: true },
    template: { type: String, enum: roomTemplateKeys, required: true },
    modules: { type: modulesSchema, required: true },
    /** GridFS id in bucket `room_images`. */
    imageId: { type: Schema.Types.ObjectId, default: null },
    conversationId: { type: Schema.Types.ObjectId, default: null },
    wikiSpaceId: { type: Schema.Types.ObjectId, default: null },
    /** yyyy-mm-dd: afterwards the owners are asked to archive or extend. */
    reviewBy: { type: String, default: null },
    /** The `reviewBy` the owners were reminded of (exactly one reminder per date). */
    reviewRemindedFor: { type: String, default: null },
    archived: { type: Boolean, default: false },
    archivedAt: { type: Date, default: null },
    archivedBy: { type: Schema.Types.ObjectId, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    memberCount: { type: Number, default: 0 },
    /** Bumped by every settings write: edits are guarded by it. */
    rev: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export interface Room {
  _id: Types.ObjectId;
  clientId: string;
  name: string;
  description: string;
  visibility: RoomVisibility;
  template: RoomTemplateKey;
  modules: RoomModules;
  imageId: Types.ObjectId | null;
  conversationId: Types.ObjectId | null;
  wikiSpaceId: Types.ObjectId | null;
  reviewBy: string | null;
  reviewRemindedFor: string | null;
  archived: boolean;
  archivedAt: Date | null;
  archivedBy: Types.ObjectId | null;
  createdBy: Types.ObjectId;
  memberCount: number;
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

export const RoomModel = model('Room', roomSchema, 'rooms');

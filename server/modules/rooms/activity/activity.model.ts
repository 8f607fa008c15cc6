import { Schema, model } from 'mongoose';
import type { RoomModuleChange } from '../rooms.events';

/**
 * Unread activity of team rooms, both keyed by `_id` so every read is one `_id` lookup (and in
 * practice none: both are read through keyed caches primed after start).
 * - `room_activity`: `_id` = roomId, the latest entries (what others did in the room).
 * - `room_seen`: `_id` = personId, `rooms: { [roomId]: ISO }` (when the person last opened it).
 */
export interface ActivityEntry {
  kind: RoomModuleChange;
  at: Date;
  actorId: string;
  itemId: string;
}

export interface RoomActivityDoc {
  _id: string;
  entries: ActivityEntry[];
}

export interface RoomSeenDoc {
  _id: string;
  rooms: Record<string, string>;
}

const entrySchema = new Schema(
  {
    kind: { type: String, required: true },
    at: { type: Date, required: true },
    actorId: { type: String, required: true },
    itemId: { type: String, required: true },
  },
  { _id: false },
);

const activitySchema = new Schema(
  {
    _id: { type: String, required: true },
    entries: { type: [entrySchema], default: [] },
  },
  { _id: false, versionKey: false },
);

const seenSchema = new Schema(
  {
    _id: { type: String, required: true },
    // Mixed: room ids (hex, never a dot or `$`) as keys.
    rooms: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false, versionKey: false, minimize: false },
);

export const RoomActivityModel = model('RoomActivity', activitySchema, 'room_activity');
export const RoomSeenModel = model('RoomSeen', seenSchema, 'room_seen');

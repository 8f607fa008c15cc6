import { Schema, model, type Types } from 'mongoose';
import type { RoomRole } from '@shared/rooms/schemas';

/**
 * The members of one room: `_id` = roomId, `members: { [personId]: { role, joinedAt } }`. One
 * document per room so a membership change is one `$set`/`$unset` by `_id` (no array scans) and
 * the whole membership of a room is read by `_id`. Written ONLY through `changeRoomMembers`.
 */
export interface RoomMemberEntry {
  role: RoomRole;
  joinedAt: Date;
}

export interface RoomMembers {
  _id: Types.ObjectId;
  members: Record<string, RoomMemberEntry>;
  /** Every write is conditional on the rev it read (several instances; absent on old docs = 0). */
  rev?: number;
}

const roomMembersSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    // Mixed: person ids as keys (a Map type would work too but costs casting on every lean read).
    members: { type: Schema.Types.Mixed, default: {} },
    rev: { type: Number, default: 0 },
  },
  { minimize: false, versionKey: false },
);

export const RoomMembersModel = model('RoomMembers', roomMembersSchema, 'room_members');

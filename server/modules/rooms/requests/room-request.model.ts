import { Schema, model, type Types } from 'mongoose';
import {
  roomTemplateKeys,
  roomVisibilities,
  type RoomTemplateKey,
  type RoomVisibility,
} from '@shared/rooms/schemas';

/**
 * A request for a room by someone who may not create rooms (small collection: requests are rare,
 * so its few queries scan a few hundred documents at most). Decided exactly once, conditional on
 * `{ _id, status: 'pending' }`; approval creates the room with the requester as its owner.
 */
export interface RoomRequest {
  _id: Types.ObjectId;
  clientId: string;
  requesterId: Types.ObjectId;
  name: string;
  description: string;
  visibility: RoomVisibility;
  template: RoomTemplateKey;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: Types.ObjectId | null;
  decidedAt: Date | null;
  decisionReason: string;
  roomId: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const roomRequestSchema = new Schema<RoomRequest>(
  {
    /** The client's id of the create: repeating it returns the same request. */
    clientId: { type: String, required: true, unique: true },
    requesterId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    visibility: { type: String, enum: roomVisibilities, required: true },
    template: { type: String, enum: roomTemplateKeys, required: true },
    reason: { type: String, required: true },
    status: { type: String, enum: ['pending', 'approved', 'rejected'], default: 'pending' },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: '' },
    roomId: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, versionKey: false },
);
roomRequestSchema.index({ status: 1, createdAt: -1 });
roomRequestSchema.index({ requesterId: 1, createdAt: -1 });

export const RoomRequestModel = model<RoomRequest>(
  'RoomRequest',
  roomRequestSchema,
  'room_requests',
);

import { Schema, model, type Types } from 'mongoose';
import type { JoinRequestStatus } from '@shared/rooms/types';

/**
 * A person's request to join a closed room. `_id` = `<roomId>:<personId>`: one current request per
 * person and room (a new request after a decision reuses the document, `rev` + 1). Decisions are
 * conditional on `{ _id, status: 'pending', rev }`: exactly one decision wins.
 */
export interface JoinRequest {
  _id: string;
  roomId: Types.ObjectId;
  personId: Types.ObjectId;
  message: string;
  status: JoinRequestStatus;
  createdAt: Date;
  decidedBy: Types.ObjectId | null;
  decidedAt: Date | null;
  reason: string;
  rev: number;
  /**
   * Approvals only: false from the approval until the member is added, then true. A crash in
   * between leaves false, and the repair sweep adds the member (null: nothing to do).
   */
  memberAdded?: boolean | null;
}

const joinRequestSchema = new Schema<JoinRequest>(
  {
    _id: { type: String, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    personId: { type: Schema.Types.ObjectId, required: true },
    message: { type: String, default: '' },
    status: { type: String, required: true },
    createdAt: { type: Date, required: true },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    reason: { type: String, default: '' },
    rev: { type: Number, default: 0 },
    memberAdded: { type: Boolean, default: null },
  },
  { versionKey: false },
);
// Loading the pending ones at start (MongoDB; the embedded engine scans, once per start).
joinRequestSchema.index({ status: 1 });

export const JoinRequestModel = model<JoinRequest>(
  'RoomJoinRequest',
  joinRequestSchema,
  'room_join_requests',
);

export const joinRequestId = (roomId: string, personId: string) => `${roomId}:${personId}`;

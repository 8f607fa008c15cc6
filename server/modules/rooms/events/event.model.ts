import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A room's event. `_id` is the client's UUID of the create (idempotent retries). Attendance is a
 * map person id → answer (ObjectId hex keys: no dots or `$`, fine for FerretDB); it is counted
 * only for current members, so a removed member's answer stops counting without a write.
 * Read through the per-room cache in `event-cache.ts`, never per request.
 */
const eventSchema = new Schema(
  {
    _id: { type: String, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    start: { type: Date, required: true },
    /** Exclusive end; for all-day events midnight (UTC) after the last day. */
    end: { type: Date, required: true },
    allDay: { type: Boolean, default: false },
    place: { type: String, default: '' },
    videoUrl: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    attendance: { type: Schema.Types.Mixed, default: () => ({}) },
    rev: { type: Number, default: 0 },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, _id: false, minimize: false },
);
eventSchema.index({ roomId: 1, start: 1 });

export type RoomEventDoc = InferSchemaType<typeof eventSchema> & {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
};
export const RoomEventModel = model('RoomEvent', eventSchema, 'room_events');

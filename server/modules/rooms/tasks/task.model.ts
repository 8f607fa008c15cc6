import { Schema, model, type InferSchemaType } from 'mongoose';
import { taskStatuses } from '@shared/rooms/schemas';

/**
 * A task on a room's board. `_id` is the client's UUID of the create (idempotent retries).
 * `order` is the position in its column (0..n-1, renumbered on every move under the room's task
 * lock). Deleted tasks keep their row (`deletedAt`) so a reused id is recognised.
 * Read through the per-room cache in `task-cache.ts`, never per request.
 */
const taskSchema = new Schema(
  {
    _id: { type: String, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    status: { type: String, enum: taskStatuses, required: true },
    order: { type: Number, default: 0 },
    assigneeIds: { type: [Schema.Types.ObjectId], default: [] },
    /** ISO day (yyyy-mm-dd) or null. */
    due: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    rev: { type: Number, default: 0 },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, _id: false },
);
taskSchema.index({ roomId: 1, status: 1, order: 1 });

export type RoomTaskDoc = InferSchemaType<typeof taskSchema> & {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
};
export const RoomTaskModel = model('RoomTask', taskSchema, 'room_tasks');

import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** One notification for one person. Only the notifications service writes here. */
const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    kind: { type: String, required: true },
    /** Flat string/number values only (rendered into the translated text on the client). */
    params: { type: Schema.Types.Mixed, default: () => ({}) },
    link: { type: String, default: null },
    readAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false, minimize: false },
);
// The list: newest first per person (cursor over _id).
notificationSchema.index({ userId: 1, _id: -1 });
// Unread count and the unread-only list; `_id` last so the unread list needs no sort in memory.
notificationSchema.index({ userId: 1, readAt: 1, _id: -1 });

export type Notification = InferSchemaType<typeof notificationSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
};
export const NotificationModel = model('Notification', notificationSchema, 'notifications');

import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** One day of a session (a session may span several days). */
const daySchema = new Schema(
  {
    date: { type: String, required: true },
    start: { type: String, required: true },
    end: { type: String, required: true },
  },
  { _id: false },
);

/**
 * A date of a training course (`learning_sessions`, small: all in memory in `session-index.ts`).
 * Seat counts are NOT stored here: they come from the registration index, so a registration
 * never forces a session reload.
 */
const sessionSchema = new Schema(
  {
    /** The creator's UUID: a repeated create returns the same session. */
    clientId: { type: String, required: true, unique: true },
    courseId: { type: Schema.Types.ObjectId, required: true },
    days: { type: [daySchema], default: [] },
    format: { type: String, enum: ['classroom', 'online'], required: true },
    place: { type: String, default: '' },
    onlineUrl: { type: String, default: null },
    /** null = no limit. */
    seats: { type: Number, default: null },
    trainerIds: { type: [Schema.Types.ObjectId], default: [] },
    /** Last day to register (inclusive). */
    registrationUntil: { type: String, required: true },
    cancelledAt: { type: Date, default: null },
    cancelledBy: { type: Schema.Types.ObjectId, default: null },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    rev: { type: Number, default: 0 },
  },
  { timestamps: true },
);
sessionSchema.index({ courseId: 1 });

export type StoredSession = InferSchemaType<typeof sessionSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const SessionModel = model('LearningSession', sessionSchema, 'learning_sessions');

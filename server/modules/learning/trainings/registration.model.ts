import { Schema, model, type InferSchemaType } from 'mongoose';
import { registrationStatuses } from '@shared/learning/schemas';

/** One step of a registration (shown as its history). */
const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    action: { type: String, required: true },
    from: { type: String, enum: [...registrationStatuses, null], default: null },
    to: { type: String, enum: registrationStatuses, required: true },
    reason: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * A person's registration for a training session (`learning_registrations`; ALL in memory in
 * `registration-index.ts`). `_id` is the client's UUID, so a replayed create finds it.
 */
const registrationSchema = new Schema(
  {
    _id: { type: String, required: true },
    sessionId: { type: Schema.Types.ObjectId, required: true },
    courseId: { type: Schema.Types.ObjectId, required: true },
    personId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: registrationStatuses, required: true },
    note: { type: String, default: '' },
    /** Who made the manager decision. */
    managerId: { type: Schema.Types.ObjectId, default: null },
    /** Waiting-list order: when the registration became eligible for a seat (ms, unique-ish). */
    seq: { type: Number, default: null },
    history: { type: [historySchema], default: [] },
    rev: { type: Number, default: 0 },
  },
  { timestamps: true, _id: false },
);
registrationSchema.index({ sessionId: 1, status: 1 });
registrationSchema.index({ personId: 1 });

export type StoredRegistration = InferSchemaType<typeof registrationSchema> & {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
};
export type RegistrationHistoryEntry = StoredRegistration['history'][number];
export const RegistrationModel = model(
  'LearningRegistration',
  registrationSchema,
  'learning_registrations',
);

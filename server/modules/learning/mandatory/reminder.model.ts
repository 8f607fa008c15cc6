import { Schema, model } from 'mongoose';

/**
 * Reminder claims (`learning_reminders`): `_id` = `<assignmentId>:<personId>:<stage>` (stage
 * `d<N>` or `overdue`). Inserted BEFORE the notification: a duplicate key means another sweep
 * (or instance) sent it already, so each reminder goes out exactly once.
 */
const reminderSchema = new Schema(
  {
    _id: { type: String, required: true },
    assignmentId: { type: String, required: true },
    personId: { type: String, required: true },
    stage: { type: String, required: true },
    sentAt: { type: Date, default: () => new Date() },
  },
  { _id: false, versionKey: false },
);

export const ReminderModel = model('LearningReminder', reminderSchema, 'learning_reminders');
export const reminderClaimId = (assignmentId: string, personId: string, stage: string) =>
  `${assignmentId}:${personId}:${stage}`;

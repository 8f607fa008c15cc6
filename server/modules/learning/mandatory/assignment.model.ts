import { Schema, model, type Types } from 'mongoose';
import type { Audience } from '@shared/org/audience';

const audienceSchema = new Schema(
  {
    units: {
      type: [
        new Schema(
          { unitId: { type: Schema.Types.ObjectId, required: true }, withSubunits: Boolean },
          { _id: false },
        ),
      ],
      default: [],
    },
    roles: { type: [String], default: [] },
    locationIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { _id: false },
);

/**
 * A mandatory training (`learning_assignments`): course + audience + deadline. Small (dozens to a
 * few hundred): all of them live in memory (`assignment-index.ts`). Who is assigned is NOT stored:
 * it follows the org tree live (movers follow).
 */
const assignmentSchema = new Schema(
  {
    /** The creator's UUID: a repeated create returns the same assignment. */
    clientId: { type: String, required: true, unique: true },
    courseId: { type: Schema.Types.ObjectId, required: true },
    audience: { type: audienceSchema, default: () => ({}) },
    /** ISO day (Europe/Berlin), inclusive: overdue from the day after. */
    deadline: { type: String, required: true },
    reminderDays: { type: [Number], default: [14, 3] },
    note: { type: String, default: '' },
    active: { type: Boolean, default: true },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    rev: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export interface StoredAssignment {
  _id: Types.ObjectId;
  clientId: string;
  courseId: Types.ObjectId;
  audience: Audience;
  deadline: string;
  reminderDays: number[];
  note: string;
  active: boolean;
  createdBy: Types.ObjectId | null;
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

export const AssignmentModel = model(
  'LearningAssignment',
  assignmentSchema,
  'learning_assignments',
);

import { Schema, model, type InferSchemaType } from 'mongoose';
import { leaveStatuses } from '@shared/leave/schemas';

/** One line of a request's audit trail, shown on its detail page. */
const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    action: { type: String, required: true },
    from: { type: String, enum: [...leaveStatuses, null], default: null },
    to: { type: String, enum: leaveStatuses, required: true },
    comment: { type: String, default: '' },
  },
  { _id: false },
);

/** What the request costs per calendar year (the ledger entry it holds in that year's ledger). */
const chargeSchema = new Schema(
  {
    year: { type: Number, required: true },
    days: { type: Number, required: true },
    upToExpiry: { type: Number, required: true },
  },
  { _id: false },
);

const leaveRequestSchema = new Schema(
  {
    /** The client's UUID of the first submission: a replayed create finds it. */
    _id: { type: String, required: true },
    personId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    typeId: { type: Schema.Types.ObjectId, required: true },
    /** The type's `counts` when the request was made (a later type change does not move days). */
    counts: { type: Boolean, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    halfStart: { type: Boolean, default: false },
    halfEnd: { type: Boolean, default: false },
    days: { type: Number, required: true },
    charges: { type: [chargeSchema], default: [] },
    status: { type: String, enum: leaveStatuses, required: true },
    comment: { type: String, default: '' },
    deputyId: { type: Schema.Types.ObjectId, ref: 'Person', default: null },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'Person', default: null },
    decidedAt: { type: Date, default: null },
    decisionComment: { type: String, default: '' },
    escalatedAt: { type: Date, default: null },
    history: { type: [historySchema], default: [] },
    /** Bumped by every write: edits are guarded by it, and the read model keeps the newest copy. */
    rev: { type: Number, default: 0 },
  },
  { timestamps: true, _id: false },
);
leaveRequestSchema.index({ personId: 1, from: 1 });
leaveRequestSchema.index({ status: 1, createdAt: 1 });

export type LeaveRequest = InferSchemaType<typeof leaveRequestSchema> & {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
};
export type LeaveHistoryEntry = LeaveRequest['history'][number];
export const LeaveRequestModel = model('LeaveRequest', leaveRequestSchema, 'leave_requests');

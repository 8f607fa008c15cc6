import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** Append-only: no route or service updates or deletes entries. Never holds bodies, tokens, cookies. */
const auditSchema = new Schema(
  {
    action: { type: String, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    subjectType: { type: String, default: null },
    subjectId: { type: String, default: null },
    outcome: { type: String, enum: ['success', 'failure', 'denied'], default: 'success' },
    detail: { type: Schema.Types.Mixed, default: null },
    ip: { type: String, default: null },
    requestId: { type: String, default: null },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
auditSchema.index({ at: -1, _id: -1 });
auditSchema.index({ actorId: 1, at: -1 });
auditSchema.index({ action: 1, at: -1 });

export type AuditEntry = InferSchemaType<typeof auditSchema> & { _id: Types.ObjectId };
export const AuditModel = model('AuditEntry', auditSchema, 'audit');

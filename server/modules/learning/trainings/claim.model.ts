import { Schema, model } from 'mongoose';

/**
 * Claims of the learning module (`learning_claims`): `_id` = `reg:<sessionId>:<personId>` holds the
 * one active registration of a person for a session. Inserted BEFORE the registration (a duplicate
 * key means someone registered already) and deleted when the registration ends.
 */
const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    registrationId: { type: String, required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { _id: false, versionKey: false },
);

export const ClaimModel = model('LearningClaim', claimSchema, 'learning_claims');
export const registrationClaimId = (sessionId: string, personId: string) =>
  `reg:${sessionId}:${personId}`;

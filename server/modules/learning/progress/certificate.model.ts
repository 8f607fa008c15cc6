import { Schema, model } from 'mongoose';

/**
 * A certificate of completion: `_id` = the verification code (10 characters, Crockford base32,
 * random; unique by `_id`). Names and titles are copied at issue time: the certificate states
 * what was true then, even when the course is renamed later.
 */
export interface StoredCertificate {
  _id: string;
  personId: string;
  personName: string;
  courseId: string;
  courseTitle: string;
  version: number;
  completedAt: Date;
  issuedAt: Date;
}

const certificateSchema = new Schema(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    personName: { type: String, required: true },
    courseId: { type: String, required: true },
    courseTitle: { type: String, required: true },
    version: { type: Number, required: true },
    completedAt: { type: Date, required: true },
    issuedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const CertificateModel = model(
  'LearningCertificate',
  certificateSchema,
  'learning_certificates',
);

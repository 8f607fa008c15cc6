import { Schema, model } from 'mongoose';

/**
 * One submitted quiz attempt: `_id` = the client's attemptId (UUID), so a repeated submit finds
 * the stored result instead of counting again; another person reusing the id gets 409.
 */
export interface StoredAttempt {
  _id: string;
  personId: string;
  courseId: string;
  lessonId: string;
  version: number;
  answers: Record<string, string[]>;
  score: number;
  passed: boolean;
  /** Per question: right or not. */
  results: { id: string; correct: boolean }[];
  at: Date;
}

const attemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    courseId: { type: String, required: true },
    lessonId: { type: String, required: true },
    version: { type: Number, required: true },
    // Mixed: question ids as keys (itemId: never '.' or '$').
    answers: { type: Schema.Types.Mixed, default: {} },
    score: { type: Number, required: true },
    passed: { type: Boolean, required: true },
    results: { type: Schema.Types.Mixed, default: () => [] },
    at: { type: Date, required: true },
  },
  { minimize: false, versionKey: false },
);

export const AttemptModel = model('LearningAttempt', attemptSchema, 'learning_attempts');

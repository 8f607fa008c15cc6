import { Schema, model } from 'mongoose';

/**
 * One document per learner: `_id` = personId (string), every enrolment of that person keyed by
 * courseId, self-assessment answers keyed by courseId. One document per person so every progress
 * write is one rev-guarded update by `_id`, and the whole collection (14,000 people) loads into
 * memory with one bulk read (`learner-index.ts`). Written ONLY through `learner.store.ts`.
 */
export interface StoredQuizState {
  attempts: number;
  /** Best score (percent) so far. */
  best: number;
  passed: boolean;
  /** The newest attempt (its `_id`), so "my last attempt" is one read by id. Absent on states
   * written before it was kept. */
  lastAttemptId?: string;
}

export interface StoredEnrolment {
  enrolledAt: Date;
  lastLessonId: string | null;
  /** lessonId → seen at (ISO). */
  done: Record<string, string>;
  /** lessonId → media position (seconds). */
  positions: Record<string, number>;
  quizzes: Record<string, StoredQuizState>;
  completedAt: Date | null;
  completedVersion: number | null;
  certificateCode: string | null;
}

export interface StoredAssessment {
  answeredAt: Date;
  /** itemId → 1..5 */
  answers: Record<string, number>;
}

export interface LearnerDoc {
  _id: string;
  courses: Record<string, StoredEnrolment>;
  assessments: Record<string, StoredAssessment>;
  rev: number;
}

const learnerSchema = new Schema(
  {
    _id: { type: String, required: true },
    // Mixed: course and lesson ids as keys (ObjectId hex / [A-Za-z0-9_-]: never '.' or '$').
    courses: { type: Schema.Types.Mixed, default: {} },
    assessments: { type: Schema.Types.Mixed, default: {} },
    rev: { type: Number, default: 0 },
  },
  { minimize: false, versionKey: false },
);

export const LearnerModel = model('LearningLearner', learnerSchema, 'learning_learners');

import { Schema, model, type Types } from 'mongoose';
import type { Audience } from '@shared/org/audience';
import {
  courseKinds,
  courseStatuses,
  type CompletionRule,
  type CourseKind,
  type CourseStatus,
} from '@shared/learning/schemas';

/**
 * A course (at most a few thousand: all of them live in memory, see `course-index.ts`). The
 * content is NOT here but in `learning_content` (draft + immutable published versions).
 */
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

const courseSchema = new Schema(
  {
    /** The creating client's id: repeating a create returns the same course. */
    clientId: { type: String, required: true, unique: true },
    kind: { type: String, enum: courseKinds, required: true },
    status: { type: String, enum: courseStatuses, default: 'draft' },
    title: { type: String, required: true },
    summary: { type: String, default: '' },
    /** Sanitised HTML. */
    description: { type: String, default: '' },
    categoryId: { type: Schema.Types.ObjectId, default: null },
    tags: { type: [String], default: [] },
    language: { type: String, enum: ['de', 'en'], default: 'de' },
    estimatedMinutes: { type: Number, default: null },
    /** GridFS id in bucket `learning_files`. */
    imageId: { type: Schema.Types.ObjectId, default: null },
    audience: { type: audienceSchema, default: () => ({}) },
    trainerIds: { type: [Schema.Types.ObjectId], default: [] },
    completion: {
      type: new Schema(
        {
          allLessons: { type: Boolean, default: true },
          quizzesPassed: { type: Boolean, default: true },
        },
        { _id: false },
      ),
      default: () => ({ allLessons: true, quizzesPassed: true }),
    },
    costCents: { type: Number, default: 0 },
    hrConfirmationAlways: { type: Boolean, default: false },
    /** Published version (0 = never published). */
    version: { type: Number, default: 0 },
    publishedAt: { type: Date, default: null },
    publishedBy: { type: Schema.Types.ObjectId, default: null },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    /** Lessons of the published version. */
    lessonCount: { type: Number, default: 0 },
    /** Bumped by every meta/status write: edits are guarded by it. */
    rev: { type: Number, default: 0 },
  },
  { timestamps: true, minimize: false },
);

export interface Course {
  _id: Types.ObjectId;
  clientId: string;
  kind: CourseKind;
  status: CourseStatus;
  title: string;
  summary: string;
  description: string;
  categoryId: Types.ObjectId | null;
  tags: string[];
  language: 'de' | 'en';
  estimatedMinutes: number | null;
  imageId: Types.ObjectId | null;
  audience: Audience;
  trainerIds: Types.ObjectId[];
  completion: CompletionRule;
  costCents: number;
  hrConfirmationAlways: boolean;
  version: number;
  publishedAt: Date | null;
  publishedBy: Types.ObjectId | null;
  createdBy: Types.ObjectId | null;
  lessonCount: number;
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

export const CourseModel = model('LearningCourse', courseSchema, 'learning_courses');

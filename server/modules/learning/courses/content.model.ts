import { Schema, model } from 'mongoose';

/**
 * Course content: `_id` = `<courseId>:draft` (the one editable draft, rev-guarded) or
 * `<courseId>:v<n>` (immutable published snapshots, inserted once: a duplicate `_id` means someone
 * else published that version). Modules/lessons are stored as plain subdocuments (Mixed) because
 * they are validated by the shared zod schema before every write.
 */
const contentSchema = new Schema(
  {
    _id: { type: String, required: true },
    courseId: { type: String, required: true },
    /** null = the draft. */
    version: { type: Number, default: null },
    modules: { type: Schema.Types.Mixed, default: () => [] },
    assessment: { type: Schema.Types.Mixed, default: () => [] },
    /** The published version the draft was last based on. */
    baseVersion: { type: Number, default: 0 },
    rev: { type: Number, default: 0 },
    updatedAt: { type: Date, default: () => new Date() },
    updatedBy: { type: String, default: null },
    /** Published snapshots: who and when. */
    publishedAt: { type: Date, default: null },
    publishedBy: { type: String, default: null },
  },
  { minimize: false, versionKey: false },
);

export const draftId = (courseId: string) => `${courseId}:draft`;
export const versionId = (courseId: string, version: number) => `${courseId}:v${version}`;

export const ContentModel = model('LearningContent', contentSchema, 'learning_content');

import { Schema, model } from 'mongoose';

/**
 * A trainer's announcement to a course's enrolled learners: `_id` = the client's UUID (a repeated
 * create finds it). Immutable. Read per request from `discussion.store.ts` (memory).
 */
export interface StoredAnnouncement {
  _id: string;
  courseId: string;
  authorId: string;
  title: string;
  /** Plain text. */
  body: string;
  createdAt: Date;
}

const announcementSchema = new Schema(
  {
    _id: { type: String, required: true },
    courseId: { type: String, required: true },
    authorId: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { _id: false, versionKey: false, minimize: false },
);
announcementSchema.index({ courseId: 1, createdAt: -1 });

export const AnnouncementModel = model(
  'LearningAnnouncement',
  announcementSchema,
  'learning_announcements',
);

export function normaliseAnnouncement(doc: unknown): StoredAnnouncement {
  const d = doc as StoredAnnouncement;
  return {
    _id: String(d._id),
    courseId: String(d.courseId),
    authorId: String(d.authorId),
    title: d.title ?? '',
    body: d.body ?? '',
    createdAt: new Date(d.createdAt),
  };
}

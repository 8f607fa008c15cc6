import { Schema, model } from 'mongoose';

/**
 * A question in a course's discussion: `_id` = the asking client's UUID (a repeated create finds
 * it). Replies are embedded (at most 500) and added with `$push` under a per-thread lock, guarded
 * by `rev`. Deletes are soft (`deletedAt`). Read per request from `discussion.store.ts` (memory).
 */
export interface StoredReply {
  /** The replying client's UUID. */
  id: string;
  authorId: string;
  /** Plain text; the client renders it as text, never as HTML. */
  body: string;
  createdAt: Date;
  deletedAt: Date | null;
}

export interface StoredThread {
  _id: string;
  courseId: string;
  authorId: string;
  title: string;
  body: string;
  replies: StoredReply[];
  createdAt: Date;
  lastActivityAt: Date;
  deletedAt: Date | null;
  deletedBy: string | null;
  rev: number;
}

const replySchema = new Schema(
  {
    id: { type: String, required: true },
    authorId: { type: String, required: true },
    body: { type: String, required: true },
    createdAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
  },
  { _id: false },
);

const threadSchema = new Schema(
  {
    _id: { type: String, required: true },
    courseId: { type: String, required: true },
    authorId: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    replies: { type: [replySchema], default: [] },
    createdAt: { type: Date, required: true },
    lastActivityAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: String, default: null },
    rev: { type: Number, default: 0 },
  },
  { _id: false, versionKey: false, minimize: false },
);
// For MongoDB (the embedded engine scans anyway): a course's threads, newest activity first.
threadSchema.index({ courseId: 1, lastActivityAt: -1 });

export const ThreadModel = model('LearningThread', threadSchema, 'learning_threads');

/** Plain copy with Dates and defaults. */
export function normaliseThread(doc: unknown): StoredThread {
  const d = doc as StoredThread;
  return {
    _id: String(d._id),
    courseId: String(d.courseId),
    authorId: String(d.authorId),
    title: d.title ?? '',
    body: d.body ?? '',
    replies: (d.replies ?? []).map((r) => ({
      id: String(r.id),
      authorId: String(r.authorId),
      body: r.body ?? '',
      createdAt: new Date(r.createdAt),
      deletedAt: r.deletedAt ? new Date(r.deletedAt) : null,
    })),
    createdAt: new Date(d.createdAt),
    lastActivityAt: new Date(d.lastActivityAt ?? d.createdAt),
    deletedAt: d.deletedAt ? new Date(d.deletedAt) : null,
    deletedBy: d.deletedBy ?? null,
    rev: d.rev ?? 0,
  };
}

import { Schema, model, type Types } from 'mongoose';

/** One comment inside a thread document (plain text; never HTML). */
export interface StoredComment {
  authorId: string;
  /** Top-level comment this one answers (one level of threads), or null. */
  parentId: string | null;
  body: string;
  hidden: boolean;
  deleted: boolean;
  createdAt: Date;
  editedAt: Date | null;
  /** Who hid or deleted it last (moderation trail; not shown to readers). */
  moderatedById: string | null;
}

/**
 * All comments of one article in one document, `_id` = article id, comments as a map keyed by the
 * client-generated comment id: add, edit, hide and delete are each one `$set` filtered by `_id`
 * only (the one filter the embedded engine hands to SQLite), and a resent comment lands on the
 * same key instead of twice.
 */
export interface CommentThread {
  _id: Types.ObjectId;
  comments: Record<string, StoredComment>;
}

const threadSchema = new Schema<CommentThread>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    // Mixed: the keys are comment ids (24 hex, never `.` or `$`), the values plain objects.
    comments: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export const CommentThreadModel = model<CommentThread>('NewsThread', threadSchema, 'news_threads');

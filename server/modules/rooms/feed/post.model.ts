import { Schema, model } from 'mongoose';
import type { PostReaction } from '@shared/rooms/schemas';

/**
 * A post in a room's feed: `_id` = the client's UUID (a repeated create finds it). Comments are
 * embedded (at most 500) and every write is guarded by `seq` under a per-post lock; `rev` is the
 * body's revision the client edits against (reactions and comments do not make an edit stale).
 * The feed reads from `post.store.ts` (memory), never this collection per request.
 */
export interface StoredPostComment {
  /** The client's UUID of the create. */
  id: string;
  authorId: string;
  body: string;
  createdAt: Date;
}

/** Denormalised upload metadata (the bytes are in GridFS bucket `room_post_files`). */
export interface StoredPostFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface StoredPost {
  _id: string;
  roomId: string;
  authorId: string;
  body: string;
  announcement: boolean;
  pinned: boolean;
  pinnedAt: Date | null;
  fileIds: string[];
  files: StoredPostFile[];
  reactions: Partial<Record<PostReaction, string[]>>;
  comments: StoredPostComment[];
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  deletedBy: string | null;
  rev: number;
  /** Write counter of the whole document (optimistic guard between instances). */
  seq: number;
}

const commentSchema = new Schema(
  {
    id: { type: String, required: true },
    authorId: { type: String, required: true },
    body: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

const fileSchema = new Schema(
  {
    id: { type: String, required: true },
    name: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
  },
  { _id: false },
);

const postSchema = new Schema(
  {
    _id: { type: String, required: true },
    roomId: { type: String, required: true },
    authorId: { type: String, required: true },
    /** Chat markdown subset; rendered as React elements, never as HTML. Kept on delete. */
    body: { type: String, default: '' },
    announcement: { type: Boolean, default: false },
    pinned: { type: Boolean, default: false },
    pinnedAt: { type: Date, default: null },
    fileIds: { type: [String], default: [] },
    files: { type: [fileSchema], default: [] },
    // Mixed: reaction key → person ids (set semantics kept by the service).
    reactions: { type: Schema.Types.Mixed, default: {} },
    comments: { type: [commentSchema], default: [] },
    createdAt: { type: Date, required: true },
    editedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: String, default: null },
    rev: { type: Number, default: 0 },
    seq: { type: Number, default: 0 },
  },
  { _id: false, versionKey: false, minimize: false },
);
// For MongoDB (the embedded engine scans anyway): a room's feed, newest first.
postSchema.index({ roomId: 1, createdAt: -1, _id: -1 });

export const RoomPostModel = model('RoomPost', postSchema, 'room_posts');

/** Plain copy with defaults for fields older documents may lack. */
export function normalisePost(doc: unknown): StoredPost {
  const d = doc as StoredPost;
  return {
    _id: String(d._id),
    roomId: String(d.roomId),
    authorId: String(d.authorId),
    body: d.body ?? '',
    announcement: d.announcement ?? false,
    pinned: d.pinned ?? false,
    pinnedAt: d.pinnedAt ? new Date(d.pinnedAt) : null,
    fileIds: (d.fileIds ?? []).map(String),
    files: (d.files ?? []).map((f) => ({ ...f })),
    reactions: Object.fromEntries(
      Object.entries(d.reactions ?? {}).map(([k, v]) => [k, [...(v ?? [])]]),
    ),
    comments: (d.comments ?? []).map((c) => ({ ...c, createdAt: new Date(c.createdAt) })),
    createdAt: new Date(d.createdAt),
    editedAt: d.editedAt ? new Date(d.editedAt) : null,
    deletedAt: d.deletedAt ? new Date(d.deletedAt) : null,
    deletedBy: d.deletedBy ?? null,
    rev: d.rev ?? 0,
    seq: d.seq ?? 0,
  };
}

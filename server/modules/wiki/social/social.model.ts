import { Schema, model } from 'mongoose';

/**
 * The wiki's social documents, each keyed by the page id so every read is one `_id` lookup
 * (the embedded engine scans for any other filter): a page's comments, its watchers and the list
 * of its files (the bytes live in the GridFS bucket `wiki_files`).
 */

const commentSchema = new Schema(
  {
    /** The client's UUID of the create: a replay finds it. */
    id: { type: String, required: true },
    /** The top-level comment this answers (one level of threads), else null. */
    parentId: { type: String, default: null },
    authorId: { type: String, required: true },
    /** Plain text (never rendered as HTML); emptied when deleted. */
    body: { type: String, default: '' },
    createdAt: { type: Date, required: true },
    editedAt: { type: Date, default: null },
    resolved: { type: Boolean, default: false },
    resolvedBy: { type: String, default: null },
    resolvedAt: { type: Date, default: null },
    deleted: { type: Boolean, default: false },
    deletedBy: { type: String, default: null },
    deletedAt: { type: Date, default: null },
  },
  { _id: false },
);

/** One document per page with all its comments; writes are guarded by `rev`. */
const threadSchema = new Schema(
  {
    _id: { type: String, required: true },
    comments: { type: [commentSchema], default: [] },
    rev: { type: Number, default: 0 },
  },
  { _id: false, versionKey: false },
);

export interface StoredWikiComment {
  id: string;
  parentId: string | null;
  authorId: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  deleted: boolean;
  deletedBy: string | null;
  deletedAt: Date | null;
}

export interface CommentThread {
  _id: string;
  comments: StoredWikiComment[];
  rev: number;
}

export const WikiCommentThreadModel = model(
  'WikiCommentThread',
  threadSchema,
  'wiki_comment_threads',
);

const watcherSchema = new Schema(
  {
    _id: { type: String, required: true },
    personIds: { type: [String], default: [] },
  },
  { _id: false, versionKey: false },
);

export const WikiPageWatchersModel = model('WikiPageWatchers', watcherSchema, 'wiki_page_watchers');

const fileEntrySchema = new Schema(
  {
    id: { type: String, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    contentType: { type: String, required: true },
    isImage: { type: Boolean, default: false },
    uploaderId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

/** The files of one page (listing is one `_id` read, not a scan of the GridFS files). */
const fileListSchema = new Schema(
  {
    _id: { type: String, required: true },
    files: { type: [fileEntrySchema], default: [] },
  },
  { _id: false, versionKey: false },
);

export interface WikiFileEntry {
  id: string;
  name: string;
  size: number;
  contentType: string;
  isImage: boolean;
  uploaderId: string;
  createdAt: Date;
}

export const WikiFileListModel = model('WikiFileList', fileListSchema, 'wiki_file_lists');

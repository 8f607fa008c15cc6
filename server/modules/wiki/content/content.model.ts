import { Schema, model } from 'mongoose';

/**
 * Page content, all keyed by page id (`_id` lookups only: the embedded engine scans on anything
 * else). `wiki_ydocs`: the Yjs state (merged updates) plus who edited since the last revision;
 * `wiki_page_bodies`: the rendered snapshots (`draft` = latest, `published` = what readers see),
 * each with its ProseMirror JSON as a string (export, diff) — a string because FerretDB 1.x
 * rejects nested arrays that a document's attributes may contain.
 */
const ydocSchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: Buffer, required: true },
    /** People who changed the document since the last revision. */
    authorIds: { type: [String], default: [] },
    /** Changes exist that no revision holds yet. */
    dirty: { type: Boolean, default: false },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { _id: false, versionKey: false },
);
export const YdocModel = model('WikiYdoc', ydocSchema, 'wiki_ydocs');

const snapshotSchema = new Schema(
  {
    html: { type: String, default: '' },
    text: { type: String, default: '' },
    toc: { type: [{ level: Number, text: String, anchor: String, _id: false }], default: [] },
    links: { type: [String], default: [] },
    fileIds: { type: [String], default: [] },
    json: { type: String, default: '' },
    at: { type: Date, required: true },
    revisionId: { type: String, default: null },
  },
  { _id: false },
);

const bodySchema = new Schema(
  {
    _id: { type: String, required: true },
    draft: { type: snapshotSchema, default: null },
    published: { type: snapshotSchema, default: null },
  },
  { _id: false, versionKey: false },
);
export const BodyModel = model('WikiPageBody', bodySchema, 'wiki_page_bodies');

export interface StoredSnapshot {
  html: string;
  text: string;
  toc: { level: number; text: string; anchor: string }[];
  links: string[];
  fileIds: string[];
  json: string;
  at: Date;
  revisionId: string | null;
}
export interface StoredBody {
  _id: string;
  draft: StoredSnapshot | null;
  published: StoredSnapshot | null;
}

import { Schema, model, type Types } from 'mongoose';
import type { RevisionDTO } from '@shared/wiki/types';

export type RevisionKind = RevisionDTO['kind'];
export const revisionKinds: RevisionKind[] = ['created', 'idle', 'manual', 'restore', 'approved'];

/** One kept version of a page: Yjs state + JSON (string, see content.model) + sanitised HTML + text. */
const revisionSchema = new Schema(
  {
    pageId: { type: String, required: true },
    number: { type: Number, required: true },
    kind: { type: String, enum: revisionKinds, required: true },
    note: { type: String, default: null },
    authorIds: { type: [String], default: [] },
    createdBy: { type: String, default: null },
    title: { type: String, default: '' },
    state: { type: Buffer, required: true },
    json: { type: String, required: true },
    html: { type: String, default: '' },
    text: { type: String, default: '' },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
// Unique: two instances keeping a version of one page at once cannot both take a number.
revisionSchema.index({ pageId: 1, number: -1 }, { unique: true });
export const RevisionModel = model('WikiRevision', revisionSchema, 'wiki_revisions');

export interface RevisionMeta {
  id: string;
  number: number;
  kind: RevisionKind;
  note: string | null;
  authorIds: string[];
  createdBy: string | null;
  createdAt: Date;
  title: string;
}

/** The history of a page in ONE document (`_id` = page id): listing is one `_id` read. */
const listSchema = new Schema(
  {
    _id: { type: String, required: true },
    items: {
      type: [
        {
          _id: false,
          id: String,
          number: Number,
          kind: String,
          note: { type: String, default: null },
          authorIds: [String],
          createdBy: { type: String, default: null },
          createdAt: Date,
          title: String,
        },
      ],
      default: [],
    },
  },
  { _id: false, versionKey: false },
);
export const RevisionListModel = model('WikiRevisionList', listSchema, 'wiki_revision_lists');

export interface StoredRevision {
  _id: Types.ObjectId;
  pageId: string;
  number: number;
  kind: RevisionKind;
  note: string | null;
  authorIds: string[];
  createdBy: string | null;
  title: string;
  state: Buffer | { buffer: Uint8Array };
  json: string;
  html: string;
  text: string;
  createdAt: Date;
}

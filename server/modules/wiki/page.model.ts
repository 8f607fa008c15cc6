import { Schema, model, type InferSchemaType } from 'mongoose';

const restrictionSchema = new Schema(
  {
    personIds: { type: [Schema.Types.ObjectId], default: [] },
    unitIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { _id: false },
);

const reviewSchema = new Schema(
  {
    state: { type: String, enum: ['none', 'pending', 'rejected'], default: 'none' },
    requestedBy: { type: Schema.Types.ObjectId, default: null },
    requestedAt: { type: Date, default: null },
    comment: { type: String, default: null },
  },
  { _id: false },
);

/**
 * A wiki page's metadata (content lives in `wiki_ydocs` / `wiki_page_bodies`). `_id` is the
 * client's UUID of the create. No hot counters here: every write reloads this row in the
 * in-memory index (`page-index.ts`).
 */
const pageSchema = new Schema(
  {
    _id: { type: String, required: true },
    spaceId: { type: Schema.Types.ObjectId, required: true },
    parentId: { type: String, default: null },
    /** Siblings are sorted by `order`, then title. */
    order: { type: Number, default: 0 },
    title: { type: String, required: true },
    ownerId: { type: Schema.Types.ObjectId, default: null },
    /** ISO day the owner is reminded to review the page. */
    reviewBy: { type: String, default: null },
    reviewRemindedFor: { type: String, default: null },
    restriction: { type: restrictionSchema, default: null },
    archived: { type: Boolean, default: false },
    archivedAt: { type: Date, default: null },
    archivedBy: { type: Schema.Types.ObjectId, default: null },
    /** The page whose archiving archived this one (restore brings the group back). */
    archiveRootId: { type: String, default: null },
    isTemplate: { type: Boolean, default: false },
    review: { type: reviewSchema, default: () => ({}) },
    publishedAt: { type: Date, default: null },
    updatedBy: { type: Schema.Types.ObjectId, default: null },
    /** Page ids this page links to (from the latest snapshot). */
    links: { type: [String], default: [] },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    rev: { type: Number, default: 0 },
  },
  { timestamps: true, _id: false },
);
pageSchema.index({ spaceId: 1, parentId: 1, order: 1 });

export type Page = InferSchemaType<typeof pageSchema> & {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
};
export const PageModel = model('WikiPage', pageSchema, 'wiki_pages');

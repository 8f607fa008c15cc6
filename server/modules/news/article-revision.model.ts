import { Schema, model } from 'mongoose';

/** A snapshot per revision (`_id` = `<articleId>:<rev>`): variants, bodies and the editable fields. */
export interface ArticleRevision {
  _id: string;
  articleId: string;
  rev: number;
  at: Date;
  byId: string | null;
  action: string;
  /** The article's metadata and bodies at this revision (plain data). */
  snapshot: Record<string, unknown>;
}

const revisionSchema = new Schema<ArticleRevision>(
  {
    _id: { type: String, required: true },
    articleId: { type: String, required: true },
    rev: { type: Number, required: true },
    at: { type: Date, required: true },
    byId: { type: String, default: null },
    action: { type: String, required: true },
    snapshot: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false },
);

export const ArticleRevisionModel = model<ArticleRevision>(
  'NewsRevision',
  revisionSchema,
  'news_revisions',
);

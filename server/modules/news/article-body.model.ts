import { Schema, model, type Types } from 'mongoose';

/** Sanitised HTML bodies per language variant; `_id` = article id (read by `_id` only). */
export interface ArticleBody {
  _id: Types.ObjectId;
  de: string;
  en: string | null;
  plain: string | null;
  /** The article revision these bodies belong to (cache key `<id>:<rev>`). */
  rev: number;
}

const bodySchema = new Schema<ArticleBody>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    de: { type: String, default: '' },
    en: { type: String, default: null },
    plain: { type: String, default: null },
    rev: { type: Number, default: 0 },
  },
  { versionKey: false },
);

export const ArticleBodyModel = model<ArticleBody>('NewsBody', bodySchema, 'news_bodies');

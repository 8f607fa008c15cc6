import { Schema, model, type Types } from 'mongoose';
import type { Audience } from '@shared/org/audience';
import { newsStatuses, type NewsStatus } from '@shared/news/schemas';

/**
 * Article metadata only (no bodies, no counters): this collection feeds the in-memory read model
 * (`news.read-model.ts`), so nothing hot (reads, reactions, comments) may be written here.
 */
export interface VariantMeta {
  title: string;
  teaser: string;
}
export interface PlainVariantMeta extends VariantMeta {
  reviewedById: Types.ObjectId | null;
  reviewedAt: Date | null;
}
export interface ArticleImage {
  fileId: Types.ObjectId;
  alt: string;
  width: number | null;
  height: number | null;
}
export interface ArticleAttachment {
  fileId: Types.ObjectId;
  filename: string;
  contentType: string;
  size: number;
}
export interface HistoryEntry {
  rev: number;
  at: Date;
  byId: Types.ObjectId | null;
  action: string;
  material: boolean;
  note: string;
}
export interface Article {
  _id: Types.ObjectId;
  channelId: Types.ObjectId;
  status: NewsStatus;
  variants: { de: VariantMeta; en: VariantMeta | null; plain: PlainVariantMeta | null };
  cover: ArticleImage | null;
  attachments: ArticleAttachment[];
  audience: Audience;
  authorId: Types.ObjectId;
  /** The author's unit when the article was created. */
  unitId: Types.ObjectId | null;
  pinned: boolean;
  highlighted: boolean;
  /** `round` rises with every material edit: readers acknowledge again. */
  mandatory: { deadline: Date; round: number } | null;
  /** The last acknowledgement round used, kept when `mandatory` is switched off (0 = never). */
  lastRound?: number;
  publishAt: Date | null;
  publishedAt: Date | null;
  expiresAt: Date | null;
  allowComments: boolean;
  allowReactions: boolean;
  /** Optimistic concurrency: every update and transition raises it. */
  rev: number;
  /** Newest last, capped at 100 entries. */
  history: HistoryEntry[];
  approval: { requestedById: Types.ObjectId; requestedAt: Date } | null;
  /** Set once the scheduler announced the expiry (so `news:removed` goes out once). */
  expiryAnnounced: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const HISTORY_CAP = 100;

const variant = new Schema<VariantMeta>(
  { title: { type: String, required: true }, teaser: { type: String, default: '' } },
  { _id: false },
);
const plainVariant = new Schema<PlainVariantMeta>(
  {
    title: { type: String, required: true },
    teaser: { type: String, default: '' },
    reviewedById: { type: Schema.Types.ObjectId, ref: 'Person', default: null },
    reviewedAt: { type: Date, default: null },
  },
  { _id: false },
);
const image = new Schema<ArticleImage>(
  {
    fileId: { type: Schema.Types.ObjectId, required: true },
    alt: { type: String, required: true },
    width: { type: Number, default: null },
    height: { type: Number, default: null },
  },
  { _id: false },
);
const attachment = new Schema<ArticleAttachment>(
  {
    fileId: { type: Schema.Types.ObjectId, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
  },
  { _id: false },
);
const historyEntry = new Schema<HistoryEntry>(
  {
    rev: Number,
    at: Date,
    byId: { type: Schema.Types.ObjectId, default: null },
    action: String,
    material: { type: Boolean, default: false },
    note: { type: String, default: '' },
  },
  { _id: false },
);
const audienceUnit = new Schema(
  { unitId: { type: Schema.Types.ObjectId, required: true }, withSubunits: Boolean },
  { _id: false },
);

const articleSchema = new Schema<Article>(
  {
    channelId: { type: Schema.Types.ObjectId, ref: 'NewsChannel', required: true },
    status: { type: String, enum: newsStatuses, required: true, default: 'draft' },
    variants: {
      de: { type: variant, required: true },
      en: { type: variant, default: null },
      plain: { type: plainVariant, default: null },
    },
    cover: { type: image, default: null },
    attachments: { type: [attachment], default: [] },
    audience: {
      units: { type: [audienceUnit], default: [] },
      roles: { type: [String], default: [] },
      locationIds: { type: [Schema.Types.ObjectId], default: [] },
    },
    authorId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    pinned: { type: Boolean, default: false },
    highlighted: { type: Boolean, default: false },
    mandatory: {
      type: new Schema({ deadline: Date, round: Number }, { _id: false }),
      default: null,
    },
    lastRound: { type: Number, default: 0 },
    publishAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
    allowComments: { type: Boolean, default: true },
    allowReactions: { type: Boolean, default: true },
    rev: { type: Number, default: 0 },
    history: { type: [historyEntry], default: [] },
    approval: {
      type: new Schema({ requestedById: Schema.Types.ObjectId, requestedAt: Date }, { _id: false }),
      default: null,
    },
    expiryAnnounced: { type: Boolean, default: false },
  },
  { timestamps: true },
);
// For MongoDB in production (the embedded engine ignores them; the read model serves lists).
articleSchema.index({ status: 1, publishedAt: -1 });
articleSchema.index({ status: 1, publishAt: 1 });

export const ArticleModel = model<Article>('NewsArticle', articleSchema, 'news_articles');

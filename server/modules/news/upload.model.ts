import { Schema, model } from 'mongoose';

/**
 * What the portal knows about a news upload beyond the GridFS record (`_id` = the GridFS file id):
 * the article it belongs to and, for images, the re-encoded size. Read by `_id` only.
 */
export interface NewsFile {
  _id: string;
  articleId: string;
  uploadedBy: string;
  kind: 'image' | 'file';
  filename: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  createdAt: Date;
}

const newsFileSchema = new Schema<NewsFile>(
  {
    _id: { type: String, required: true },
    articleId: { type: String, required: true },
    uploadedBy: { type: String, required: true },
    kind: { type: String, enum: ['image', 'file'], required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    width: { type: Number, default: null },
    height: { type: Number, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const NewsFileModel = model<NewsFile>('NewsFile', newsFileSchema, 'news_files');

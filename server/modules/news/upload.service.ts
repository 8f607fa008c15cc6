import path from 'node:path';
import type { Request } from 'express';
import sharp from 'sharp';
import type { NewsUploadDTO } from '@shared/news/types';
import type { CurrentUser } from '../auth/current-user';
import { badRequest, notFound } from '../../lib/errors';
import { deleteFile, openDownload, safeFilename, saveFile, sniffType } from '../../lib/files';
import { deny } from '../audit/deny';
import { audit } from '../audit/audit.service';
import { newsViewer } from './news.access';
import { fileUrl } from './news.presenter';
import { articleById } from './news.read-model';
import { articleBody } from './news.write';
import { setNewsFileResolver, type NewsFileInfo } from './news.files';
import { NewsFileModel, type NewsFile } from './upload.model';
import { canDownload, canUploadTo, referencedOutsideBody } from './upload.policy';

export const NEWS_BUCKET = 'news';
export const NEWS_UPLOAD_FIELD = 'file';
export const NEWS_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
/** Images are re-encoded to WebP at most this wide (enough for a 2x display of the article column). */
export const IMAGE_MAX_WIDTH = 2000;
const MAX_INPUT_PIXELS = 60_000_000;

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
/** Documents stored as they are: PDF and office formats (OOXML, OpenDocument). */
const DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
];

interface Encoded {
  buffer: Buffer;
  kind: 'image' | 'file';
  contentType: string;
  filename: string;
  width: number | null;
  height: number | null;
}

/**
 * Trusts only the magic bytes. Images are decoded and re-encoded (drops EXIF/GPS and anything
 * appended to the image data; `rotate()` applies the EXIF orientation first); documents are kept
 * byte for byte under a cleaned name with the extension of their real type.
 */
export async function encodeUpload(input: Buffer, originalName: string): Promise<Encoded> {
  const type = await sniffType(input, [...IMAGE_TYPES, ...DOCUMENT_TYPES], NEWS_UPLOAD_FIELD);
  const base = path.parse(safeFilename(originalName, 'datei')).name || 'datei';
  if (!IMAGE_TYPES.includes(type.mime)) {
    return {
      buffer: input,
      kind: 'file',
      contentType: type.mime,
      filename: `${base}.${type.ext}`,
      width: null,
      height: null,
    };
  }
  try {
    const { data, info } = await sharp(input, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'error',
    })
      .rotate()
      .resize({ width: IMAGE_MAX_WIDTH, withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return {
      buffer: data,
      kind: 'image',
      contentType: 'image/webp',
      filename: `${base}.webp`,
      width: info.width,
      height: info.height,
    };
  } catch {
    throw badRequest('The image could not be read.', [
      { path: NEWS_UPLOAD_FIELD, code: 'image_invalid', message: 'image_invalid' },
    ]);
  }
}

const present = (f: NewsFile): NewsUploadDTO => ({
  fileId: f._id,
  kind: f.kind,
  filename: f.filename,
  contentType: f.contentType,
  size: f.size,
  width: f.width,
  height: f.height,
  url: fileUrl(f.articleId, f._id),
});

/** 403 (audited) unless the user may upload to this article (checked before the body is read). */
export async function ensureMayUpload(user: CurrentUser, articleId: string, req?: Request) {
  const [article, viewer] = await Promise.all([articleById(articleId), newsViewer(user)]);
  if (!canUploadTo(viewer, article)) {
    throw await deny(user, 'news.upload', { type: 'news_article', id: articleId }, req);
  }
}

/** Stores an upload for the article; the same `uploadId` again returns the first result. */
export async function uploadNewsFile(
  user: CurrentUser,
  articleId: string,
  input: { buffer: Buffer; originalName: string; uploadId?: string },
  req?: Request,
): Promise<{ file: NewsUploadDTO; created: boolean }> {
  await ensureMayUpload(user, articleId, req);
  const encoded = await encodeUpload(input.buffer, input.originalName);
  const stored = await saveFile({
    buffer: encoded.buffer,
    filename: encoded.filename,
    contentType: encoded.contentType,
    metadata: {
      ownerType: 'news',
      ownerId: articleId,
      uploadedBy: user.id,
      uploadId: input.uploadId,
    },
    bucket: NEWS_BUCKET,
  });
  const doc: NewsFile = {
    _id: stored.id,
    articleId,
    uploadedBy: user.id,
    kind: encoded.kind,
    filename: stored.filename,
    contentType: stored.contentType,
    size: stored.length,
    width: encoded.width,
    height: encoded.height,
    createdAt: stored.uploadedAt,
  };
  try {
    // Upsert: a retry whose first attempt stored the file but not this record completes it.
    await NewsFileModel.updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true });
  } catch (err) {
    if (stored.created) await deleteFile(stored.id, NEWS_BUCKET);
    throw err;
  }
  if (stored.created) {
    await audit({
      action: 'news.upload',
      actorId: user.id,
      subjectType: 'news_article',
      subjectId: articleId,
      detail: { fileId: stored.id, kind: doc.kind, size: doc.size },
      req,
    });
  }
  return { file: present(doc), created: stored.created };
}

async function fileOf(articleId: string, fileId: string): Promise<NewsFile | null> {
  const doc = await NewsFileModel.findById(fileId).lean<NewsFile>();
  return doc && doc.articleId === articleId ? doc : null;
}

/** The file's bytes for someone allowed to see them; 404 for everybody else (nothing revealed). */
export async function openNewsFile(user: CurrentUser, articleId: string, fileId: string) {
  const [file, article, viewer] = await Promise.all([
    fileOf(articleId, fileId),
    articleById(articleId),
    newsViewer(user),
  ]);
  if (!file) throw notFound();
  const referenced = async () => {
    if (!article) return false;
    if (referencedOutsideBody(article).has(fileId)) return true;
    const bodies = await articleBody(article);
    const src = fileUrl(articleId, fileId);
    return [bodies.de, bodies.en, bodies.plain].some((html) => !!html && html.includes(src));
  };
  if (!(await canDownload(viewer, article, file, referenced))) throw notFound();
  const download = await openDownload(fileId, NEWS_BUCKET);
  if (!download || download.file.metadata.ownerId !== articleId) throw notFound();
  return { file, stream: download.stream };
}

/** Lets the article service resolve cover, inline and attachment ids (registered on import). */
export async function resolveFiles(
  articleId: string,
  fileIds: string[],
): Promise<Map<string, NewsFileInfo>> {
  const docs = await Promise.all([...new Set(fileIds)].map((id) => fileOf(articleId, id)));
  return new Map(
    docs
      .filter((d): d is NewsFile => d !== null)
      .map((d) => [
        d._id,
        {
          fileId: d._id,
          kind: d.kind,
          filename: d.filename,
          contentType: d.contentType,
          size: d.size,
          width: d.width,
          height: d.height,
        },
      ]),
  );
}

setNewsFileResolver(resolveFiles);

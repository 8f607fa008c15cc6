import path from 'node:path';
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import type { WikiFileDTO } from '@shared/wiki/types';
import { wikiFileUrl } from '@shared/wiki/extensions';
import type { CurrentUser } from '../../auth/current-user';
import { badRequest, notFound } from '../../../lib/errors';
import { withKeyLock } from '../../../lib/keyed-lock';
import { findFile, openDownload, safeFilename, saveFile, sniffType } from '../../../lib/files';
import { requirePage } from '../access';
import { WikiFileListModel, type WikiFileEntry } from './social.model';

export const WIKI_BUCKET = 'wiki_files';
export const WIKI_UPLOAD_FIELD = 'file';
export const WIKI_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** GridFS `metadata.ownerType` of a page's file; `metadata.ownerId` is the page id. */
const OWNER_TYPE = 'wiki-page';
const MAX_INPUT_PIXELS = 60_000_000;

export const WIKI_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const DOCUMENT_TYPES = [
  'application/pdf',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'audio/mpeg',
  'video/mp4',
];
const TEXT_EXTENSIONS = new Set(['txt', 'csv', 'md', 'log', 'json']);

function isPlainText(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

/**
 * The real type (magic bytes, or plain UTF-8 text) and a clean name whose extension matches it,
 * so a `.html` or `.svg` never comes back as what its name claims.
 */
export async function classifyWikiFile(buffer: Buffer, originalName: string) {
  const parsed = path.parse(safeFilename(originalName, 'datei'));
  const base = parsed.name || 'datei';
  const ext = parsed.ext.slice(1).toLowerCase();
  if (!(await fileTypeFromBuffer(buffer)) && buffer.length > 0 && isPlainText(buffer)) {
    return {
      contentType: 'text/plain; charset=utf-8',
      name: TEXT_EXTENSIONS.has(ext) ? `${base}.${ext}` : `${base}${parsed.ext}.txt`,
    };
  }
  const type = await sniffType(buffer, [...WIKI_IMAGE_TYPES, ...DOCUMENT_TYPES], WIKI_UPLOAD_FIELD);
  return { contentType: type.mime, name: `${base}.${type.ext}` };
}

/** Re-encoded without metadata (EXIF: GPS position, camera serials); upright first. GIFs stay. */
async function withoutMetadata(buffer: Buffer, contentType: string): Promise<Buffer> {
  const image = () => sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  try {
    if (contentType === 'image/jpeg')
      return await image().rotate().jpeg({ quality: 90 }).toBuffer();
    if (contentType === 'image/png') return await image().png().toBuffer();
    if (contentType === 'image/webp')
      return await image().rotate().webp({ quality: 90 }).toBuffer();
    return buffer;
  } catch {
    throw badRequest('The image could not be read.', [
      { path: WIKI_UPLOAD_FIELD, code: 'image_invalid', message: 'image_invalid' },
    ]);
  }
}

export function presentWikiFile(pageId: string, f: WikiFileEntry): WikiFileDTO {
  return {
    id: f.id,
    name: f.name,
    size: f.size,
    contentType: f.contentType,
    url: wikiFileUrl(pageId, f.id),
    isImage: f.isImage,
  };
}

async function fileList(pageId: string): Promise<WikiFileEntry[]> {
  const doc = (await WikiFileListModel.findById(pageId).lean()) as {
    files?: WikiFileEntry[];
  } | null;
  return doc?.files ?? [];
}

/** 404 unreadable, 409 archived, 403 below editor: checked before the body is read too. */
export async function ensureMayUpload(user: CurrentUser, pageId: string): Promise<void> {
  await requirePage(user, pageId, 'edit');
}

/** Stores an upload for the page; the same `uploadId` again returns the first result. */
export async function uploadWikiFile(
  user: CurrentUser,
  pageId: string,
  input: { buffer: Buffer; originalName: string; uploadId?: string },
): Promise<{ file: WikiFileDTO; created: boolean }> {
  await ensureMayUpload(user, pageId);
  const type = await classifyWikiFile(input.buffer, input.originalName);
  const isImage = WIKI_IMAGE_TYPES.includes(type.contentType);
  const buffer = isImage ? await withoutMetadata(input.buffer, type.contentType) : input.buffer;
  const stored = await saveFile({
    buffer,
    filename: type.name,
    contentType: type.contentType,
    metadata: {
      ownerType: OWNER_TYPE,
      ownerId: pageId,
      uploadedBy: user.id,
      uploadId: input.uploadId,
    },
    bucket: WIKI_BUCKET,
  });
  const entry: WikiFileEntry = {
    id: stored.id,
    name: stored.filename,
    size: stored.length,
    contentType: stored.contentType,
    isImage: WIKI_IMAGE_TYPES.includes(stored.contentType),
    uploaderId: user.id,
    createdAt: stored.uploadedAt,
  };
  // Also on a replay: a retry whose first attempt stored the bytes but not the entry completes it.
  await withKeyLock(`wiki-files:${pageId}`, async () => {
    const files = await fileList(pageId);
    if (files.some((f) => f.id === entry.id)) return;
    await WikiFileListModel.updateOne(
      { _id: pageId },
      { $push: { files: entry } },
      { upsert: true },
    );
  });
  return { file: presentWikiFile(pageId, entry), created: stored.created };
}

/** The page's files, newest first. */
export async function listWikiFiles(user: CurrentUser, pageId: string): Promise<WikiFileDTO[]> {
  await requirePage(user, pageId, 'read');
  const files = await fileList(pageId);
  return [...files]
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
    .map((f) => presentWikiFile(pageId, f));
}

/**
 * A file of this page for someone who may read the page. A file of another page (or no file) is
 * 404, whatever the viewer may read elsewhere: the route's page is what was authorised.
 */
export async function openWikiFile(user: CurrentUser, pageId: string, fileId: string) {
  await requirePage(user, pageId, 'read');
  const file = await findFile(fileId, WIKI_BUCKET);
  if (!file || file.metadata.ownerType !== OWNER_TYPE || file.metadata.ownerId !== pageId) {
    throw notFound();
  }
  const download = await openDownload(file.id, WIKI_BUCKET);
  if (!download) throw notFound();
  return {
    stream: download.stream,
    name: file.filename,
    contentType: file.contentType,
    size: file.length,
    isImage: WIKI_IMAGE_TYPES.includes(file.contentType),
  };
}

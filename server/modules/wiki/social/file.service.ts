import type { WikiFileDTO } from '@shared/wiki/types';
import { wikiFileUrl } from '@shared/wiki/extensions';
import type { CurrentUser } from '../../auth/current-user';
import { notFound } from '../../../lib/errors';
import { withKeyLock } from '../../../lib/keyed-lock';
import { findFile, openDownload, saveFile } from '../../../lib/files';
import {
  ATTACHMENT_IMAGE_TYPES,
  classifyAttachment,
  withoutMetadata,
} from '../../../lib/files/attachments';
import { requirePage } from '../access';
import { WikiFileListModel, type WikiFileEntry } from './social.model';

export const WIKI_BUCKET = 'wiki_files';
export const WIKI_UPLOAD_FIELD = 'file';
export const WIKI_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** GridFS `metadata.ownerType` of a page's file; `metadata.ownerId` is the page id. */
const OWNER_TYPE = 'wiki-page';

export const WIKI_IMAGE_TYPES = ATTACHMENT_IMAGE_TYPES;

/** The real type and a clean name whose extension matches it. */
export const classifyWikiFile = (buffer: Buffer, originalName: string) =>
  classifyAttachment(buffer, originalName, WIKI_UPLOAD_FIELD);

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
  const buffer = isImage
    ? await withoutMetadata(input.buffer, type.contentType, WIKI_UPLOAD_FIELD)
    : input.buffer;
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

import path from 'node:path';
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import type { AttachmentDTO } from '@shared/chat/types';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, badRequest, forbidden, notFound } from '../../lib/errors';
import { withKeyLock } from '../../lib/keyed-lock';
import { deleteFile, openDownload, safeFilename, saveFile, sniffType } from '../../lib/files';
import { canPost, canRead } from './chat.policy';
import { getConversation } from './conversation.store';
import type { Conversation } from './conversation.model';
import type { StoredAttachment } from './message.model';
import { ChatFileModel, type ChatFile, type ChatFileUse } from './chat-file.model';
import { presentAttachment } from './message.presenter';

export const CHAT_BUCKET = 'chat';
export const CHAT_UPLOAD_FIELD = 'file';
/** Image previews fit this box (enough for the timeline on a 2x display). */
export const PREVIEW_MAX = 1024;
const MAX_INPUT_PIXELS = 60_000_000;

export const CHAT_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
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

export const invalidAttachment = () =>
  new HttpError(400, 'invalid_attachment', 'An attachment is not an unsent upload of yours here.');

/** Text without magic bytes: valid UTF-8 and no NUL (CSV, notes, logs). */
function isPlainText(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

/** The real type (magic bytes or plain text) and a clean name with a matching extension. */
export async function classify(buffer: Buffer, originalName: string) {
  const parsed = path.parse(safeFilename(originalName, 'datei'));
  const base = parsed.name || 'datei';
  const ext = parsed.ext.slice(1).toLowerCase();
  if (!(await fileTypeFromBuffer(buffer)) && buffer.length > 0 && isPlainText(buffer)) {
    return {
      contentType: 'text/plain; charset=utf-8',
      name: TEXT_EXTENSIONS.has(ext) ? `${base}.${ext}` : `${base}${parsed.ext}.txt`,
    };
  }
  const type = await sniffType(buffer, [...CHAT_IMAGE_TYPES, ...DOCUMENT_TYPES], CHAT_UPLOAD_FIELD);
  return { contentType: type.mime, name: `${base}.${type.ext}` };
}

/**
 * The stored original without metadata (EXIF with GPS position, camera serials): photos from
 * phones carry where they were taken. sharp drops metadata on re-encoding; orientation is applied
 * first so the picture still stands upright. GIFs carry no EXIF and stay as they are (animation).
 */
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
      { path: CHAT_UPLOAD_FIELD, code: 'image_invalid', message: 'image_invalid' },
    ]);
  }
}

async function makePreview(buffer: Buffer) {
  try {
    const { data, info } = await sharp(buffer, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'error',
    })
      .rotate()
      .resize({ width: PREVIEW_MAX, height: PREVIEW_MAX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw badRequest('The image could not be read.', [
      { path: CHAT_UPLOAD_FIELD, code: 'image_invalid', message: 'image_invalid' },
    ]);
  }
}

export function presentUpload(f: ChatFile, conversationId: string): AttachmentDTO {
  return presentAttachment(conversationId, toAttachment(f));
}

export const toAttachment = (f: ChatFile): StoredAttachment => ({
  fileId: f._id,
  name: f.name,
  size: f.size,
  contentType: f.contentType,
  image: f.image,
});

/** 404 unknown conversation, 403 unless the person may post there (checked before the body is read). */
export async function ensureMayUpload(user: CurrentUser, conversationId: string): Promise<void> {
  const conv = await getConversation(conversationId);
  if (!conv) throw notFound();
  if (!canPost(user, conv)) throw forbidden();
}

/** Stores an upload; the same `uploadId` again returns the first result (`created` false). */
export async function uploadChatFile(
  user: CurrentUser,
  conversationId: string,
  input: { buffer: Buffer; originalName: string; uploadId?: string },
): Promise<{ file: AttachmentDTO; created: boolean }> {
  await ensureMayUpload(user, conversationId);
  const type = await classify(input.buffer, input.originalName);
  const isImage = CHAT_IMAGE_TYPES.includes(type.contentType);
  const preview = isImage ? await makePreview(input.buffer) : null;
  const buffer = isImage ? await withoutMetadata(input.buffer, type.contentType) : input.buffer;
  const owner = { ownerType: 'chat', ownerId: conversationId, uploadedBy: user.id };
  const stored = await saveFile({
    buffer,
    filename: type.name,
    contentType: type.contentType,
    metadata: { ...owner, uploadId: input.uploadId },
    bucket: CHAT_BUCKET,
  });
  if (!stored.created) {
    const existing = await loadFile(stored.id);
    if (existing) return { file: presentUpload(existing, conversationId), created: false };
  }
  const previewFile = preview
    ? await saveFile({
        buffer: preview.data,
        filename: `${path.parse(type.name).name}.webp`,
        contentType: 'image/webp',
        metadata: { ...owner, ownerType: 'chat-preview' },
        bucket: CHAT_BUCKET,
      })
    : null;
  const doc: ChatFile = {
    _id: stored.id,
    conversationId,
    conversationIds: [conversationId],
    uploaderId: user.id,
    name: stored.filename,
    size: stored.length,
    contentType: stored.contentType,
    image:
      preview && previewFile
        ? { previewId: previewFile.id, width: preview.width, height: preview.height }
        : null,
    uses: [],
    createdAt: stored.uploadedAt,
  };
  // Upsert: a retry whose first attempt stored the file but not this record completes it.
  await ChatFileModel.updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true });
  return { file: presentUpload(doc, conversationId), created: stored.created };
}

export const fileLock = (id: string) => `chat:file:${id}`;

/** The record with its lists present (an empty array may come back absent from an upsert). */
export async function loadFile(id: string): Promise<ChatFile | null> {
  const f = await ChatFileModel.findById(id).lean<ChatFile>();
  return f ? { ...f, uses: f.uses ?? [], conversationIds: f.conversationIds ?? [] } : null;
}

/**
 * The attachments of a new message: files this person uploaded to this conversation that no other
 * message shows yet (a resend of the same message may see its own claim). 400 otherwise.
 */
export async function attachmentsForSend(
  user: CurrentUser,
  conversationId: string,
  messageId: string,
  fileIds: string[],
): Promise<StoredAttachment[]> {
  const unique = [...new Set(fileIds)];
  const files = await Promise.all(unique.map((id) => loadFile(id)));
  return files.map((f) => {
    const ok =
      f &&
      f.uploaderId === user.id &&
      f.conversationId === conversationId &&
      f.uses.every((u) => u.messageId === messageId);
    if (!ok) throw invalidAttachment();
    return toAttachment(f);
  });
}

/**
 * Records that a message shows these files (idempotent; before the message is stored). With
 * `exclusive` (a new upload being sent) a file another message already shows is refused, so two
 * racing sends cannot both take it.
 */
export async function claimFiles(
  attachments: StoredAttachment[],
  use: ChatFileUse,
  exclusive: boolean,
): Promise<void> {
  for (const a of attachments) {
    await withKeyLock(fileLock(a.fileId), async () => {
      const f = await loadFile(a.fileId);
      if (!f) throw invalidAttachment();
      if (f.uses.some((u) => u.messageId === use.messageId)) return;
      if (exclusive && f.uses.length > 0) throw invalidAttachment();
      await ChatFileModel.updateOne(
        { _id: a.fileId },
        {
          $set: {
            uses: [...f.uses, use],
            conversationIds: [...new Set([...f.conversationIds, use.conversationId])],
          },
        },
      );
    });
  }
}

/** Takes back a claim of a message that was not stored (the files stay). */
export async function unclaimFiles(attachments: StoredAttachment[], messageId: string) {
  for (const a of attachments) {
    await withKeyLock(fileLock(a.fileId), async () => {
      const f = await loadFile(a.fileId);
      if (!f || !f.uses.some((u) => u.messageId === messageId)) return;
      const uses = f.uses.filter((u) => u.messageId !== messageId);
      await ChatFileModel.updateOne({ _id: f._id }, { $set: { uses } });
    });
  }
}

/** A message no longer shows these files: the last one gone deletes the bytes and preview. */
export async function releaseFiles(attachments: StoredAttachment[], messageId: string) {
  for (const a of attachments) {
    await withKeyLock(fileLock(a.fileId), async () => {
      const f = await loadFile(a.fileId);
      if (!f) return;
      const uses = f.uses.filter((u) => u.messageId !== messageId);
      if (uses.length > 0) {
        await ChatFileModel.updateOne({ _id: f._id }, { $set: { uses } });
        return;
      }
      await deleteFile(f._id, CHAT_BUCKET);
      if (f.image) await deleteFile(f.image.previewId, CHAT_BUCKET);
      await ChatFileModel.deleteOne({ _id: f._id });
    });
  }
}

/**
 * A file for a member of the conversation: shown by a message there, or the viewer's own unsent
 * upload. 404 for every other file (nothing revealed); 403 for non-members.
 */
export async function openChatFile(
  user: CurrentUser,
  conversationId: string,
  fileId: string,
  preview: boolean,
) {
  const conv: Conversation | null = await getConversation(conversationId);
  if (!conv) throw notFound();
  if (!canRead(user, conv)) throw forbidden();
  const f = await loadFile(fileId);
  if (!f) throw notFound();
  const shown = f.uses.some((u) => u.conversationId === conversationId);
  const ownUnsent =
    f.uses.length === 0 && f.uploaderId === user.id && f.conversationId === conversationId;
  if (!shown && !ownUnsent) throw notFound();
  const id = preview ? f.image?.previewId : f._id;
  if (!id) throw notFound();
  const download = await openDownload(id, CHAT_BUCKET);
  if (!download) throw notFound();
  return {
    stream: download.stream,
    name: preview ? download.file.filename : f.name,
    contentType: download.file.contentType,
    size: download.file.length,
    image: preview || CHAT_IMAGE_TYPES.includes(f.contentType),
  };
}

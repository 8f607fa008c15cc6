import path from 'node:path';
import sharp from 'sharp';
import type { AttachmentDTO } from '@shared/chat/types';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, badRequest, forbidden, notFound } from '../../lib/errors';
import { withKeyLock } from '../../lib/keyed-lock';
import { deleteFile, openDownload, saveFile } from '../../lib/files';
import {
  ATTACHMENT_IMAGE_TYPES,
  classifyAttachment,
  withoutMetadata,
} from '../../lib/files/attachments';
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

export const CHAT_IMAGE_TYPES = ATTACHMENT_IMAGE_TYPES;

export const invalidAttachment = () =>
  new HttpError(400, 'invalid_attachment', 'An attachment is not an unsent upload of yours here.');

/** The real type (magic bytes or plain text) and a clean name with a matching extension. */
export const classify = (buffer: Buffer, originalName: string) =>
  classifyAttachment(buffer, originalName, CHAT_UPLOAD_FIELD);

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
  const buffer = isImage
    ? await withoutMetadata(input.buffer, type.contentType, CHAT_UPLOAD_FIELD)
    : input.buffer;
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

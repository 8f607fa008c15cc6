import type { RoomFileRefDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, notFound } from '../../../lib/errors';
import { findFile, openDownload, saveFile, type StoredFile } from '../../../lib/files';
import { classifyAttachment, withoutMetadata } from '../../../lib/files/attachments';
import { withKeyLock } from '../../../lib/keyed-lock';
import { requireRoom } from '../access';
import type { StoredPostFile } from './post.model';
import { POST_FILE_IMAGE_TYPES, presentPostFile } from './post.presenter';

/** Images and attachments of posts (GridFS); `metadata.ownerId` = roomId, `uploadedBy`. */
export const POST_FILES_BUCKET = 'room_post_files';
export const POST_FILE_FIELD = 'file';
export const POST_FILE_MAX_BYTES = 20 * 1024 * 1024;
const OWNER_TYPE = 'room-post';

type User = Pick<CurrentUser, 'id' | 'roles'>;

/** Held while a post checks and stores its files, and while the sweep removes an upload. */
export const postFileLock = (fileId: string) => `room-post-file:${fileId.toLowerCase()}`;

/** Runs `fn` holding the locks of all these files (taken in one order: no deadlock). */
export function withPostFileLocks<T>(fileIds: string[], fn: () => Promise<T>): Promise<T> {
  const keys = [...new Set(fileIds.map(postFileLock))].sort();
  const hold = (i: number): Promise<T> =>
    i < keys.length ? withKeyLock(keys[i] as string, () => hold(i + 1)) : fn();
  return hold(0);
}

/** 404 invisible / no feed, 403 not a member, 409 archived: checked before the body is read too. */
export async function ensureMayUploadPostFile(user: User, roomId: string): Promise<void> {
  await requireRoom(user, roomId, 'contribute', 'feed');
}

const belongsTo = (f: StoredFile | null, roomId: string): f is StoredFile =>
  !!f && f.metadata.ownerType === OWNER_TYPE && f.metadata.ownerId === roomId;

const refOf = (f: StoredFile): StoredPostFile => ({
  id: f.id,
  name: f.filename,
  contentType: f.contentType,
  size: f.length,
});

/** Stores an upload for a post of this room; the same `uploadId` again returns the first one. */
export async function uploadPostFile(
  user: User,
  roomId: string,
  input: { buffer: Buffer; originalName: string; uploadId?: string },
): Promise<{ file: RoomFileRefDTO; created: boolean }> {
  await ensureMayUploadPostFile(user, roomId);
  const type = await classifyAttachment(input.buffer, input.originalName, POST_FILE_FIELD);
  const buffer = POST_FILE_IMAGE_TYPES.includes(type.contentType)
    ? await withoutMetadata(input.buffer, type.contentType, POST_FILE_FIELD)
    : input.buffer;
  const stored = await saveFile({
    buffer,
    filename: type.name,
    contentType: type.contentType,
    metadata: {
      ownerType: OWNER_TYPE,
      ownerId: roomId,
      uploadedBy: user.id,
      uploadId: input.uploadId,
    },
    bucket: POST_FILES_BUCKET,
  });
  return { file: presentPostFile(roomId, refOf(stored)), created: stored.created };
}

/**
 * The files a new post shows: each must be an upload to this room by the author (someone else's
 * upload or another room's file is refused, so a post cannot expose files its author never had).
 */
export async function postFilesFor(
  roomId: string,
  authorId: string,
  fileIds: string[],
): Promise<StoredPostFile[]> {
  const ids = [...new Set(fileIds.map((id) => id.toLowerCase()))];
  const files = await Promise.all(ids.map((id) => findFile(id, POST_FILES_BUCKET)));
  return files.map((f) => {
    if (!belongsTo(f, roomId) || f.metadata.uploadedBy !== authorId) {
      throw new HttpError(
        400,
        'invalid_attachment',
        'A file is not an upload of yours in this room.',
      );
    }
    return refOf(f);
  });
}

/** A post file of this room, for members; a file of another room (or none) is 404. */
export async function openPostFile(user: User, roomId: string, fileId: string) {
  await requireRoom(user, roomId, 'read', 'feed');
  const file = await findFile(fileId, POST_FILES_BUCKET);
  if (!belongsTo(file, roomId)) throw notFound();
  const download = await openDownload(file.id, POST_FILES_BUCKET);
  if (!download) throw notFound();
  return {
    id: file.id,
    stream: download.stream,
    name: file.filename,
    contentType: file.contentType,
    size: file.length,
    isImage: POST_FILE_IMAGE_TYPES.includes(file.contentType),
  };
}

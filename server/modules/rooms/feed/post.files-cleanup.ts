import { deleteFile, getBucket } from '../../../lib/files';
import { withKeyLock } from '../../../lib/keyed-lock';
import { RoomPostModel } from './post.model';
import { POST_FILES_BUCKET, postFileLock } from './post.files';

/** An upload no post shows after this long was abandoned (the composer was closed). */
export const UNATTACHED_POST_FILE_HOURS = 24;

/**
 * Uploads to `room_post_files` older than the cutoff that no post (deleted ones included)
 * lists in `fileIds`. A rare sweep, not a request path: scanning both collections is fine.
 */
export async function unattachedPostFiles(now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - UNATTACHED_POST_FILE_HOURS * 3_600_000);
  const bucket = await getBucket(POST_FILES_BUCKET);
  const old = await bucket
    .find({ uploadDate: { $lt: cutoff } }, { projection: { _id: 1 } })
    .toArray();
  if (!old.length) return [];
  const ids = old.map((f) => String(f._id));
  const posts = await RoomPostModel.find({ fileIds: { $in: ids } }, { fileIds: 1 }).lean();
  const used = new Set(posts.flatMap((p) => (p.fileIds ?? []).map(String)));
  return ids.filter((id) => !used.has(id));
}

/**
 * Deletes the upload unless a post lists it now: checked again under the file's lock, which
 * creating a post holds from checking its files until it is stored (a post made after the
 * sweep's list was read keeps its file).
 */
export async function removePostFileIfUnattached(fileId: string): Promise<boolean> {
  return withKeyLock(postFileLock(fileId), async () => {
    if (await RoomPostModel.exists({ fileIds: fileId })) return false;
    return deleteFile(fileId, POST_FILES_BUCKET);
  });
}

/** The sweep: returns how many uploads went. */
export async function removeUnattachedPostFiles(now = new Date()): Promise<number> {
  let removed = 0;
  for (const id of await unattachedPostFiles(now)) {
    if (await removePostFileIfUnattached(id)) removed += 1;
  }
  return removed;
}

import { deleteFile } from '../../lib/files';
import { logger } from '../../lib/logger';
import { withKeyLock } from '../../lib/keyed-lock';
import { removeUnattachedPostFiles } from '../rooms/feed/post.files-cleanup';
import { ChatFileModel } from './chat-file.model';
import { CHAT_BUCKET, fileLock, loadFile } from './chat.files';

/** An upload no message shows after this long was abandoned (the composer was closed). */
export const UNSENT_UPLOAD_HOURS = 24;

/**
 * Deletes abandoned uploads: the bytes, the preview and the record. Each file is checked again
 * under its lock, so a send claiming it at the same moment keeps it. Returns how many went.
 */
export async function removeUnsentUploads(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNSENT_UPLOAD_HOURS * 3_600_000);
  // A rare sweep, not a request path: a scan of the collection is fine.
  const old = await ChatFileModel.find({ createdAt: { $lt: cutoff } }, { _id: 1, uses: 1 }).lean();
  let removed = 0;
  for (const candidate of old) {
    if ((candidate.uses ?? []).length > 0) continue; // an upsert may have dropped the empty list
    await withKeyLock(fileLock(candidate._id), async () => {
      const f = await loadFile(candidate._id);
      if (!f || f.uses.length > 0) return;
      await deleteFile(f._id, CHAT_BUCKET);
      if (f.image) await deleteFile(f.image.previewId, CHAT_BUCKET);
      await ChatFileModel.deleteOne({ _id: f._id });
      removed += 1;
    });
  }
  return removed;
}

/**
 * Hourly, first a minute after the start: abandoned chat uploads, then abandoned room post
 * uploads (one sweep for both). Returns a stop function.
 */
export function startUploadCleanup(): () => void {
  const run = () => {
    removeUnsentUploads()
      .catch((err: unknown) => logger.warn({ err }, 'upload cleanup failed'))
      .then(() => removeUnattachedPostFiles())
      .catch((err: unknown) => logger.warn({ err }, 'room post upload cleanup failed'));
  };
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

import { deleteFile } from '../../../lib/files';
import { ROOM_FILES_BUCKET, type RoomFile } from './files.model';

/** Removes the GridFS data of every version (idempotent: gone versions are skipped). */
export async function removeVersions(file: Pick<RoomFile, 'versions'>): Promise<void> {
  for (const v of file.versions) await deleteFile(v.gridId, ROOM_FILES_BUCKET);
}

import type { RoomFilesDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../../auth/current-user';
import { notFound } from '../../../lib/errors';
import { openDownload } from '../../../lib/files';
import { requireRoom } from '../access';
import { ROOM_FILES_BUCKET } from './files.model';
import { previewKind } from './files.policy';
import { presentFile, presentFolder, uploaderRefs } from './files.presenter';
import { fileTree, folderPath } from './file-tree';

type User = Pick<CurrentUser, 'id' | 'roles'>;
const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'de', { numeric: true, sensitivity: 'base' });

/** One folder of the room (root without `folderId`): its sub-folders and files, from memory. */
export async function listRoomFiles(
  user: User,
  roomId: string,
  folderId: string | null,
): Promise<RoomFilesDTO> {
  const access = await requireRoom(user, roomId, 'read', 'files');
  const tree = await fileTree(roomId);
  const folder = folderId ? tree.folders.get(folderId) : null;
  if (folderId && !folder) throw notFound();
  const viewer = { id: user.id, abilities: access.abilities };
  const files = [...tree.files.values()].filter((f) => f.folderId === folderId).sort(byName);
  const refs = await uploaderRefs(files);
  return {
    folder: folder ? presentFolder(folder, viewer) : null,
    breadcrumbs: folderPath(tree, folderId).map((f) => ({ id: f._id, name: f.name })),
    folders: [...tree.folders.values()]
      .filter((f) => f.parentId === folderId)
      .sort(byName)
      .map((f) => presentFolder(f, viewer)),
    files: files.map((f) => presentFile(f, viewer, refs)),
  };
}

/** Every folder of the room (for the move dialog's folder picker), by name. */
export async function listRoomFolders(user: User, roomId: string) {
  const access = await requireRoom(user, roomId, 'read', 'files');
  const tree = await fileTree(roomId);
  const viewer = { id: user.id, abilities: access.abilities };
  return [...tree.folders.values()].sort(byName).map((f) => presentFolder(f, viewer));
}

/**
 * The bytes of a version (latest without `version`) for a member, authorised now: a removed
 * member or a file of another room is 404. `preview` only for images and PDF (else 404).
 */
export async function openRoomFile(
  user: User,
  roomId: string,
  fileId: string,
  opts: { version?: number; preview?: boolean },
) {
  await requireRoom(user, roomId, 'read', 'files');
  const tree = await fileTree(roomId);
  const file = tree.files.get(fileId);
  if (!file) throw notFound();
  const number = opts.version ?? file.versions.length;
  const version = file.versions[number - 1];
  if (!version) throw notFound();
  const preview = previewKind(version.contentType);
  if (opts.preview && !preview) throw notFound();
  const download = await openDownload(version.gridId, ROOM_FILES_BUCKET);
  if (!download) throw notFound();
  return {
    stream: download.stream,
    name: file.name,
    contentType: version.contentType,
    size: download.file.length,
    preview,
  };
}

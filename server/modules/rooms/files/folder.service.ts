import mongoose from 'mongoose';
import type { CurrentUser } from '../../auth/current-user';
import type { RoomFolderDTO } from '@shared/rooms/types';
import { HttpError, conflict, forbidden, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { safeFilename } from '../../../lib/files';
import { audit } from '../../audit/audit.service';
import { requireRoom } from '../access';
import { RoomFileModel, RoomFolderModel, type RoomFolder } from './files.model';
import { folderAbilities, isSelfOrDescendant, nameKey } from './files.policy';
import { presentFolder } from './files.presenter';
import { fileTree, subtree, treeLock, updateTree, type FileTree } from './file-tree';
import { removeVersions } from './file.store';

type User = Pick<CurrentUser, 'id' | 'roles'>;

/** Names arrive from people: no paths, control or bidi characters, no leading dots. */
export const cleanName = (name: string, fallback: string) => safeFilename(name.trim(), fallback);

export const isDuplicateKey = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
export const nameTaken = () => conflict('A folder or file of this name exists here already.');

function siblingFolderTaken(tree: FileTree, parentId: string | null, key: string, except?: string) {
  for (const f of tree.folders.values()) {
    if (f._id !== except && f.parentId === parentId && f.nameKey === key) return true;
  }
  return false;
}

function existingParent(tree: FileTree, parentId: string | null): string | null {
  if (parentId && !tree.folders.has(parentId)) throw notFound('No such folder in this room.');
  return parentId;
}

export async function createFolder(
  user: User,
  roomId: string,
  input: { name: string; parentId: string | null },
): Promise<RoomFolderDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'files');
  const name = cleanName(input.name, 'Ordner');
  const folder = await treeLock(roomId, async () => {
    const tree = await fileTree(roomId);
    const parentId = existingParent(tree, input.parentId);
    if (siblingFolderTaken(tree, parentId, nameKey(name))) throw nameTaken();
    const now = new Date();
    const doc: RoomFolder = {
      _id: new mongoose.Types.ObjectId().toHexString(),
      roomId,
      parentId,
      parentKey: parentId ?? '',
      name,
      nameKey: nameKey(name),
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await RoomFolderModel.create(doc);
    } catch (err) {
      throw isDuplicateKey(err) ? nameTaken() : err;
    }
    await updateTree(roomId, (t) => t.folders.set(doc._id, doc));
    return doc;
  });
  events.publish('rooms.content_changed', {
    roomId,
    actorId: user.id,
    module: 'folder',
    itemId: folder._id,
    kind: 'created',
    activity: false,
  });
  return presentFolder(folder, { id: user.id, abilities: access.abilities });
}

/** Rename and/or move (last write wins). Moving into itself or below itself: 400. */
export async function updateFolder(
  user: User,
  roomId: string,
  folderId: string,
  input: { name?: string; parentId?: string | null },
): Promise<RoomFolderDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'files');
  const folder = await treeLock(roomId, async () => {
    const tree = await fileTree(roomId);
    const current = tree.folders.get(folderId);
    if (!current) throw notFound();
    if (!folderAbilities(access.abilities, user.id, current.createdBy).rename) throw forbidden();
    const name = input.name !== undefined ? cleanName(input.name, current.name) : current.name;
    const parentId =
      input.parentId !== undefined ? existingParent(tree, input.parentId) : current.parentId;
    if (isSelfOrDescendant(folderId, parentId, (id) => tree.folders.get(id)?.parentId)) {
      throw new HttpError(400, 'move_into_own_subtree', 'A folder cannot move into itself.', [
        { path: 'parentId', code: 'move_into_own_subtree', message: 'move_into_own_subtree' },
      ]);
    }
    if (siblingFolderTaken(tree, parentId, nameKey(name), folderId)) throw nameTaken();
    const next: RoomFolder = {
      ...current,
      name,
      nameKey: nameKey(name),
      parentId,
      parentKey: parentId ?? '',
      updatedAt: new Date(),
    };
    const { _id: _skip, ...fields } = next;
    try {
      await RoomFolderModel.updateOne({ _id: folderId }, { $set: fields });
    } catch (err) {
      throw isDuplicateKey(err) ? nameTaken() : err;
    }
    await updateTree(roomId, (t) => t.folders.set(folderId, next));
    return next;
  });
  events.publish('rooms.content_changed', {
    roomId,
    actorId: user.id,
    module: 'folder',
    itemId: folderId,
    kind: 'updated',
    activity: false,
  });
  return presentFolder(folder, { id: user.id, abilities: access.abilities });
}

/**
 * Moderators delete a folder; one with content only with `recursive` (the client confirms
 * first), which removes every folder and file below it and their GridFS data.
 */
export async function deleteFolder(
  user: User,
  roomId: string,
  folderId: string,
  recursive: boolean,
  req?: Parameters<typeof audit>[0]['req'],
): Promise<{ folders: number; files: number }> {
  const access = await requireRoom(user, roomId, 'contribute', 'files');
  const removed = await treeLock(roomId, async () => {
    const tree = await fileTree(roomId);
    const folder = tree.folders.get(folderId);
    if (!folder) throw notFound();
    if (!folderAbilities(access.abilities, user.id, folder.createdBy).delete) throw forbidden();
    const inner = subtree(tree, folderId);
    const files = inner.files;
    if (!recursive && (inner.folders.length > 0 || files.length > 0)) {
      throw new HttpError(409, 'conflict', 'The folder is not empty.', [
        { path: 'folderId', code: 'folder_not_empty', message: 'folder_not_empty' },
      ]);
    }
    for (const f of files) await removeVersions(f);
    const folderIds = [folderId, ...inner.folders.map((f) => f._id)];
    await RoomFileModel.deleteMany({ _id: { $in: files.map((f) => f._id) } });
    await RoomFolderModel.deleteMany({ _id: { $in: folderIds } });
    await updateTree(roomId, (t) => {
      for (const id of folderIds) t.folders.delete(id);
      for (const f of files) t.files.delete(f._id);
    });
    return { folder, folders: folderIds.length, files: files.length };
  });
  await audit({
    action: 'rooms.folder_deleted',
    actorId: user.id,
    subjectType: 'room_folder',
    subjectId: folderId,
    detail: { roomId, name: removed.folder.name, folders: removed.folders, files: removed.files },
    req,
  });
  events.publish('rooms.content_changed', {
    roomId,
    actorId: user.id,
    module: 'folder',
    itemId: folderId,
    kind: 'deleted',
    activity: false,
  });
  return { folders: removed.folders, files: removed.files };
}

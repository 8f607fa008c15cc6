import type { Request } from 'express';
import type { RoomFileDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, badRequest, forbidden, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { deleteFile as deleteGridFile, saveFile } from '../../../lib/files';
import { classifyAttachment, withoutMetadata } from '../../../lib/files/attachments';
import { audit } from '../../audit/audit.service';
import { requireRoom } from '../access';
import {
  ROOM_FILES_BUCKET,
  ROOM_FILE_OWNER_TYPE,
  RoomFileModel,
  type RoomFile,
  type RoomFileVersion,
} from './files.model';
import {
  PREVIEW_IMAGE_TYPES,
  fileAbilities,
  keepExtension,
  nameKey,
  sameKind,
  uniqueName,
} from './files.policy';
import { presentFile, uploaderRefs } from './files.presenter';
import { fileTree, forgetTree, normFile, treeLock, updateTree, type FileTree } from './file-tree';
import { removeVersions } from './file.store';
import { cleanName, isDuplicateKey, nameTaken } from './folder.service';

type User = Pick<CurrentUser, 'id' | 'roles'>;
export const ROOM_UPLOAD_FIELD = 'file';
export const ROOM_FILE_MAX_BYTES = 50 * 1024 * 1024;

const fileNameTaken = (tree: FileTree, folderId: string | null, key: string, except?: string) =>
  [...tree.files.values()].some(
    (f) => f._id !== except && f.folderId === folderId && f.nameKey === key,
  );

async function present(
  user: User,
  file: RoomFile,
  abilities: { contribute: boolean; moderate: boolean },
) {
  return presentFile(file, { id: user.id, abilities }, await uploaderRefs([file]));
}

/** 404 / 403 / 409 before the body is read: nobody who may not upload gets to send 50 MB. */
export async function ensureMayUpload(user: User, roomId: string): Promise<void> {
  await requireRoom(user, roomId, 'contribute', 'files');
}

/** The file whose versions hold these bytes (a retried upload finds its first attempt here). */
const holding = (tree: FileTree, gridId: string) =>
  [...tree.files.values()].find((f) => f.versions.some((v) => v.gridId === gridId));

/**
 * A new file in a folder (a taken name becomes "Name (2).ext"), or with `fileId` a new version
 * of that file (same type of file). The type is sniffed from the bytes; images lose metadata.
 * With `uploadId` a retry (also one racing the first attempt) returns the first result, stored once.
 */
export async function uploadRoomFile(
  user: User,
  roomId: string,
  input: {
    buffer: Buffer;
    originalName: string;
    folderId?: string;
    fileId?: string;
    uploadId?: string;
  },
): Promise<{ file: RoomFileDTO; created: boolean }> {
  const access = await requireRoom(user, roomId, 'contribute', 'files');
  const before = await fileTree(roomId);
  // Checked before storing bytes (and again under the lock).
  if (input.fileId && !before.files.has(input.fileId)) throw notFound();
  if (!input.fileId && input.folderId && !before.folders.has(input.folderId)) throw notFound();
  const type = await classifyAttachment(input.buffer, input.originalName, ROOM_UPLOAD_FIELD);
  const buffer = PREVIEW_IMAGE_TYPES.includes(type.contentType)
    ? await withoutMetadata(input.buffer, type.contentType, ROOM_UPLOAD_FIELD)
    : input.buffer;
  const existing = input.fileId ? before.files.get(input.fileId) : undefined;
  const currentType = existing?.versions[existing.versions.length - 1]?.contentType;
  if (currentType && !sameKind(currentType, type.contentType)) {
    throw badRequest('A new version must be the same type of file.', [
      { path: ROOM_UPLOAD_FIELD, code: 'file_type', message: currentType },
    ]);
  }
  const stored = await saveFile({
    buffer,
    filename: existing?.name ?? type.name,
    contentType: type.contentType,
    metadata: {
      ownerType: ROOM_FILE_OWNER_TYPE,
      ownerId: roomId,
      uploadedBy: user.id,
      uploadId: input.uploadId,
    },
    bucket: ROOM_FILES_BUCKET,
  });
  const version: RoomFileVersion = {
    gridId: stored.id,
    size: stored.length,
    contentType: stored.contentType,
    uploadedBy: user.id,
    at: stored.uploadedAt,
  };
  let file: RoomFile;
  let added: boolean;
  try {
    ({ file, added } = await treeLock(roomId, async () => {
      // Under the lock: whichever attempt of the same upload comes second finds the first one.
      const done = holding(await fileTree(roomId), stored.id);
      if (done) {
        if (input.fileId && done._id !== input.fileId) throw uploadIdReused();
        return { file: done, added: false };
      }
      return {
        file: input.fileId
          ? await addVersion(roomId, input.fileId, version)
          : await addFile(user, roomId, input.folderId ?? null, type.name, version),
        added: true,
      };
    }));
  } catch (err) {
    // Bytes of an earlier attempt (stored.created false) may be in use: only our own go.
    if (stored.created) await deleteGridFile(stored.id, ROOM_FILES_BUCKET).catch(() => undefined);
    throw err;
  }
  if (!added) return { file: await present(user, file, access.abilities), created: false };
  events.publish('rooms.content_changed', {
    roomId,
    actorId: user.id,
    module: 'file',
    itemId: file._id,
    kind: input.fileId ? 'updated' : 'created',
    activity: true,
  });
  return { file: await present(user, file, access.abilities), created: !input.fileId };
}

const uploadIdReused = () =>
  new HttpError(409, 'client_id_reused', 'This upload id belongs to another file.');

async function addFile(
  user: User,
  roomId: string,
  folderId: string | null,
  wanted: string,
  version: RoomFileVersion,
): Promise<RoomFile> {
  const tree = await fileTree(roomId);
  if (folderId && !tree.folders.has(folderId)) throw notFound();
  const name = uniqueName(wanted, (key) => fileNameTaken(tree, folderId, key));
  const doc: RoomFile = {
    // The first version's GridFS id: two instances storing the same upload collide on `_id`.
    _id: version.gridId,
    roomId,
    folderId,
    parentKey: folderId ?? '',
    name,
    nameKey: nameKey(name),
    versions: [version],
    createdBy: user.id,
    createdAt: version.at,
    updatedAt: version.at,
    deletedAt: null,
  };
  try {
    await RoomFileModel.create(doc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    forgetTree(roomId); // another instance won: our tree was stale
    const theirs = (await fileTree(roomId)).files.get(doc._id);
    if (theirs) return theirs; // the same upload, stored there first
    throw nameTaken();
  }
  await updateTree(roomId, (t) => t.files.set(doc._id, doc));
  return doc;
}

/**
 * Appends with `$push` (not the cached list with `$set`): a version stored meanwhile by another
 * instance is kept, and the tree takes the stored list.
 */
async function addVersion(roomId: string, fileId: string, version: RoomFileVersion) {
  if (!(await fileTree(roomId)).files.has(fileId)) throw notFound();
  const stored = await RoomFileModel.findOneAndUpdate(
    { _id: fileId, deletedAt: null },
    { $push: { versions: version }, $set: { updatedAt: version.at } },
    { returnDocument: 'after' },
  ).lean<RoomFile>();
  if (!stored) {
    forgetTree(roomId); // deleted on another instance
    throw notFound();
  }
  const next = normFile(stored);
  await updateTree(roomId, (t) => t.files.set(fileId, next));
  return next;
}

/** Rename and/or move (author or moderator; last write wins). A taken name: 409. */
export async function updateRoomFile(
  user: User,
  roomId: string,
  fileId: string,
  input: { name?: string; folderId?: string | null },
): Promise<RoomFileDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'files');
  const file = await treeLock(roomId, async () => {
    const tree = await fileTree(roomId);
    const current = tree.files.get(fileId);
    if (!current) throw notFound();
    if (!fileAbilities(access.abilities, user.id, current.createdBy).rename) throw forbidden();
    const name =
      input.name !== undefined
        ? keepExtension(cleanName(input.name, current.name), current.name)
        : current.name;
    const folderId = input.folderId !== undefined ? input.folderId : current.folderId;
    if (folderId && !tree.folders.has(folderId)) throw notFound('No such folder in this room.');
    if (fileNameTaken(tree, folderId, nameKey(name), fileId)) throw nameTaken();
    const next: RoomFile = {
      ...current,
      name,
      nameKey: nameKey(name),
      folderId,
      parentKey: folderId ?? '',
      updatedAt: new Date(),
    };
    try {
      await RoomFileModel.updateOne(
        { _id: fileId },
        {
          $set: {
            name,
            nameKey: next.nameKey,
            folderId,
            parentKey: next.parentKey,
            updatedAt: next.updatedAt,
          },
        },
      );
    } catch (err) {
      throw isDuplicateKey(err) ? nameTaken() : err;
    }
    await updateTree(roomId, (t) => t.files.set(fileId, next));
    return next;
  });
  events.publish('rooms.content_changed', {
    roomId,
    actorId: user.id,
    module: 'file',
    itemId: fileId,
    kind: 'updated',
    activity: false,
  });
  return present(user, file, access.abilities);
}

/** Author or moderator: marks the file deleted, removes every version's bytes, then the record. */
export async function deleteRoomFile(user: User, roomId: string, fileId: string, req?: Request) {
  const access = await requireRoom(user, roomId, 'contribute', 'files');
  const file = await treeLock(roomId, async () => {
    const tree = await fileTree(roomId);
    const current = tree.files.get(fileId);
    if (!current) throw notFound();
    if (!fileAbilities(access.abilities, user.id, current.createdBy).delete) throw forbidden();
    // The tombstone hides the file and frees its name even if removing the bytes fails half-way.
    await RoomFileModel.updateOne(
      { _id: fileId },
      { $set: { deletedAt: new Date(), nameKey: `deleted:${fileId}` } },
    );
    await updateTree(roomId, (t) => t.files.delete(fileId));
    await removeVersions(current);
    await RoomFileModel.deleteOne({ _id: fileId });
    return current;
  });
  await audit({
    action: 'rooms.file_deleted',
    actorId: user.id,
    subjectType: 'room_file',
    subjectId: fileId,
    detail: { roomId, name: file.name, versions: file.versions.length },
    req,
  });
  events.publish('rooms.content_changed', {
    roomId,
    actorId: user.id,
    module: 'file',
    itemId: fileId,
    kind: 'deleted',
    activity: false,
  });
}

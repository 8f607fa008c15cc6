import type { Request } from 'express';
import type { GridFSBucketReadStream } from 'mongodb';
import { badRequest, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { deleteFile, openDownload, saveFile, type StoredFile } from '../../lib/files';
import { classifyAttachment, withoutMetadata } from '../../lib/files/attachments';
import type { CurrentUser } from '../auth/current-user';
import { audit } from '../audit/audit.service';
import { requireRoom } from './access';
import { putRoomDoc, roomMetaOf } from './room-index';
import { RoomModel, type Room } from './room.model';
import { roomLockKey } from './room.service';

/** Room images: JPEG, PNG or WebP up to 2 MB, stored without metadata in GridFS `room_images`. */
export const ROOM_IMAGE_BUCKET = 'room_images';
export const ROOM_IMAGE_FIELD = 'image';
export const ROOM_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

type Actor = Pick<CurrentUser, 'id' | 'roles'>;

/** Swaps the room's image id under the room lock (no rev bump: an image is not a settings edit). */
async function swapImage(roomId: string, imageId: string | null): Promise<string | null> {
  return withKeyLock(roomLockKey(roomId), async () => {
    // The index is current here under the lock (write-through); the old id is read from it.
    const old = roomMetaOf(roomId)?.imageId ?? null;
    const after = await RoomModel.findOneAndUpdate(
      { _id: roomId },
      { $set: { imageId } },
      { returnDocument: 'after' },
    ).lean<Room>();
    if (!after) throw notFound();
    putRoomDoc(after);
    return old;
  });
}

export async function setRoomImage(
  user: Actor,
  roomId: string,
  file: { buffer: Buffer; originalname: string },
  req?: Request,
): Promise<void> {
  await requireRoom(user, roomId, 'update');
  const type = await classifyAttachment(file.buffer, file.originalname, ROOM_IMAGE_FIELD);
  if (!IMAGE_TYPES.has(type.contentType)) {
    throw badRequest('Only JPEG, PNG or WebP images.', [
      { path: ROOM_IMAGE_FIELD, code: 'invalid_file_type', message: 'invalid_file_type' },
    ]);
  }
  const clean = await withoutMetadata(file.buffer, type.contentType, ROOM_IMAGE_FIELD);
  const stored = await saveFile({
    buffer: clean,
    filename: type.name,
    contentType: type.contentType,
    metadata: { ownerType: 'room', ownerId: roomId, uploadedBy: user.id },
    bucket: ROOM_IMAGE_BUCKET,
  });
  let old: string | null;
  try {
    // Again under the lock: the uploader may have lost the right while the image was stored.
    await requireRoom(user, roomId, 'update');
    old = await swapImage(roomId, stored.id);
  } catch (err) {
    await deleteFile(stored.id, ROOM_IMAGE_BUCKET).catch(() => undefined);
    throw err;
  }
  if (old) await deleteFile(old, ROOM_IMAGE_BUCKET).catch(() => undefined);
  await audit({
    action: 'rooms.room.image',
    actorId: user.id,
    subjectType: 'room',
    subjectId: roomId,
    req,
  });
  events.publish('rooms.room_changed', {
    roomId,
    actorId: user.id,
    change: 'image',
    accessChanged: false,
  });
}

export async function removeRoomImage(user: Actor, roomId: string, req?: Request): Promise<void> {
  const { room } = await requireRoom(user, roomId, 'update');
  if (!room.imageId) return;
  const old = await swapImage(roomId, null);
  if (old) await deleteFile(old, ROOM_IMAGE_BUCKET).catch(() => undefined);
  await audit({
    action: 'rooms.room.image_remove',
    actorId: user.id,
    subjectType: 'room',
    subjectId: roomId,
    req,
  });
  events.publish('rooms.room_changed', {
    roomId,
    actorId: user.id,
    change: 'image',
    accessChanged: false,
  });
}

/** For whoever may VIEW the room (the image shows in lists and on discover). */
export async function openRoomImage(
  user: Actor,
  roomId: string,
): Promise<{ file: StoredFile; stream: GridFSBucketReadStream }> {
  const { room } = await requireRoom(user, roomId, 'view');
  if (!room.imageId) throw notFound();
  const download = await openDownload(room.imageId, ROOM_IMAGE_BUCKET);
  if (!download) throw notFound();
  return download;
}

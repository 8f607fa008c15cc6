import type { Request } from 'express';
import sharp from 'sharp';
import { PHOTO_FIELD, PHOTO_SIZE, PHOTO_TYPES, type PhotoDTO } from '@shared/people/photo';
import { PersonModel } from './person.model';
import type { CurrentUser } from '../auth/current-user';
import { canChangePhoto, canViewPhoto } from './photo.policy';
import { presentPhoto } from './photo.presenter';
import { audit } from '../audit/audit.service';
import { events } from '../../lib/events';
import { badRequest, forbidden, notFound } from '../../lib/errors';
import { deleteFile, openDownload, saveFile, sniffType } from '../../lib/files';

export const PHOTO_BUCKET = 'photos';
/** Decompression-bomb guard: a 5 MB file may still claim a gigapixel canvas. */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Checks the real type by magic bytes, then re-encodes to a square WebP. Re-encoding drops EXIF
 * (location, camera) and anything hidden after the image data; `rotate()` applies the EXIF
 * orientation first so the photo is upright without it.
 */
export async function encodePhoto(input: Buffer): Promise<Buffer> {
  await sniffType(input, PHOTO_TYPES, PHOTO_FIELD);
  try {
    return await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: sharp.strategy.attention })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw badRequest('The image could not be read.', [
      { path: PHOTO_FIELD, code: 'image_invalid', message: 'image_invalid' },
    ]);
  }
}

async function loadSubject(actor: CurrentUser, personId: string) {
  const person = await PersonModel.findById(personId).select({ _id: 1 }).lean();
  if (!person) throw notFound();
  if (!canChangePhoto(actor, { id: personId })) throw forbidden();
}

async function afterChange(actor: CurrentUser, personId: string, action: string, req?: Request) {
  events.publish('person.updated', { personId, actorId: actor.id, changed: ['photoFileId'] });
  // Changes to someone else's profile are administrative acts: audited.
  if (actor.id !== personId) {
    await audit({ action, actorId: actor.id, subjectType: 'person', subjectId: personId, req });
  }
}

/**
 * Stores a new photo for the person, then points the person at it and deletes the photo it
 * replaced. The swap is one atomic update that returns the previous id, so concurrent uploads
 * never leave an orphan or delete the photo in use. `uploadId` makes a retry idempotent.
 */
export async function setPhoto(
  actor: CurrentUser,
  personId: string,
  input: { buffer: Buffer; uploadId?: string },
  req?: Request,
): Promise<PhotoDTO> {
  await loadSubject(actor, personId);
  const encoded = await encodePhoto(input.buffer);
  const stored = await saveFile({
    buffer: encoded,
    filename: `photo-${personId}.webp`,
    contentType: 'image/webp',
    metadata: {
      ownerType: 'person',
      ownerId: personId,
      uploadedBy: actor.id,
      uploadId: input.uploadId,
    },
    bucket: PHOTO_BUCKET,
  });
  const before = await PersonModel.findOneAndUpdate(
    { _id: personId },
    { $set: { photoFileId: stored.id } },
    { returnDocument: 'before', projection: { photoFileId: 1 } },
  ).lean();
  if (!before) {
    await deleteFile(stored.id, PHOTO_BUCKET);
    throw notFound();
  }
  const previous = before.photoFileId ? String(before.photoFileId) : null;
  if (previous !== stored.id) {
    if (previous) await deleteFile(previous, PHOTO_BUCKET);
    await afterChange(actor, personId, 'person.photo.update', req);
  }
  return presentPhoto(personId, stored.id, actor);
}

/** Removes the person's photo (idempotent: no photo is not an error). */
export async function removePhoto(
  actor: CurrentUser,
  personId: string,
  req?: Request,
): Promise<PhotoDTO> {
  await loadSubject(actor, personId);
  const before = await PersonModel.findOneAndUpdate(
    { _id: personId },
    { $set: { photoFileId: null } },
    { returnDocument: 'before', projection: { photoFileId: 1 } },
  ).lean();
  if (!before) throw notFound();
  if (before.photoFileId) {
    await deleteFile(String(before.photoFileId), PHOTO_BUCKET);
    await afterChange(actor, personId, 'person.photo.remove', req);
  }
  return presentPhoto(personId, null, actor);
}

/** The person's current photo, authorised against the person (not just the file id). */
export async function openPhoto(viewer: CurrentUser, personId: string) {
  if (!canViewPhoto(viewer, { id: personId })) throw forbidden();
  const person = await PersonModel.findById(personId).select({ photoFileId: 1 }).lean();
  if (!person?.photoFileId) throw notFound('No photo.');
  const download = await openDownload(String(person.photoFileId), PHOTO_BUCKET);
  if (!download) throw notFound('No photo.');
  return download;
}

import type { Request } from 'express';
import sharp from 'sharp';
import { PHOTO_FIELD, PHOTO_SIZE, PHOTO_TYPES, type PhotoDTO } from '@shared/people/photo';
import { PersonModel } from './person.model';
import type { CurrentUser } from '../auth/current-user';
import { canChangePhoto, canViewPhoto } from './photo.policy';
import { presentPhoto } from './photo.presenter';
import { audit } from '../audit/audit.service';
import { events } from '../../lib/events';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors';
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
 * Points the person at `next` and returns the id it replaced, as a compare-and-swap on the
 * previous value: concurrent changes never both "replace" the same photo, so none is orphaned
 * and the photo in use is never deleted. (Not findOneAndUpdate: FerretDB 1.x rejects the
 * projection Mongoose adds for the `select: false` password hash.) Null when there is no person.
 */
async function swapPhotoId(
  personId: string,
  next: string | null,
): Promise<{ previous: string | null } | null> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const person = await PersonModel.findById(personId).select({ photoFileId: 1 }).lean();
    if (!person) return null;
    const current = person.photoFileId ?? null;
    const res = await PersonModel.updateOne(
      { _id: personId, photoFileId: current },
      { $set: { photoFileId: next } },
    );
    if (res.matchedCount === 1) return { previous: current ? String(current) : null };
  }
  throw conflict('The photo was changed at the same time. Please try again.');
}

/**
 * Stores a new photo for the person, then points the person at it and deletes the photo it
 * replaced (compare-and-swap, so concurrent uploads never leave an orphan or delete the photo in
 * use). `uploadId` makes a retry idempotent: the first attempt's file is reused.
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
  const discard = () => (stored.created ? deleteFile(stored.id, PHOTO_BUCKET) : false);
  const swapped = await swapPhotoId(personId, stored.id).catch(async (err: unknown) => {
    await discard();
    throw err;
  });
  if (!swapped) {
    await discard();
    throw notFound();
  }
  const { previous } = swapped;
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
  const swapped = await swapPhotoId(personId, null);
  if (!swapped) throw notFound();
  if (swapped.previous) {
    await deleteFile(swapped.previous, PHOTO_BUCKET);
    await afterChange(actor, personId, 'person.photo.remove', req);
  }
  return presentPhoto(personId, null, actor);
}

/** The person's current photo, authorised against the person (not just the file id). */
export async function openPhoto(viewer: CurrentUser, personId: string) {
  const person = await PersonModel.findById(personId).select({ photoFileId: 1, active: 1 }).lean();
  // 404, not 403, for hidden people: the answer must not reveal that they exist.
  if (!person || !canViewPhoto(viewer, { id: personId, active: person.active })) throw notFound();
  if (!person.photoFileId) throw notFound('No photo.');
  const download = await openDownload(String(person.photoFileId), PHOTO_BUCKET);
  if (!download) throw notFound('No photo.');
  return download;
}

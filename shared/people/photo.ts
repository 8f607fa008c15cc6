import { z } from 'zod';
import { objectId } from '../http/fields';

/** Profile photo upload rules, shared by the upload form and the server. */
export const PHOTO_FIELD = 'photo';
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Edge length of the stored square WebP. */
export const PHOTO_SIZE = 512;

export interface PhotoAbilities {
  change: boolean;
  remove: boolean;
}

export interface PhotoDTO {
  personId: string;
  /** Versioned by the file id, so a changed photo is never served from an old cache entry. */
  photoUrl: string | null;
  abilities: PhotoAbilities;
}

export const photoParamsSchema = z.object({ id: objectId }).strict();
/** Text fields sent with the photo: an optional client-generated id makes retries idempotent. */
export const photoUploadFieldsSchema = z
  .object({ uploadId: z.string().uuid({ message: 'invalid_id' }).optional() })
  .strict();

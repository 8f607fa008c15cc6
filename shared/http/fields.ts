import { z } from 'zod';

/** A MongoDB ObjectId as 24 hex characters: never an object, so operator injection cannot pass. */
export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, { message: 'invalid_id' });

/** Trimmed single-line text with limits; rejects control characters. */
export const line = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    // eslint-disable-next-line no-control-regex -- reject control characters in single-line fields
    .regex(/^[^\u0000-\u001f\u007f]*$/, { message: 'invalid_characters' });

/** Opaque pagination cursor. */
export const cursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/);

export const pageLimit = z.coerce.number().int().min(1).max(100).default(25);

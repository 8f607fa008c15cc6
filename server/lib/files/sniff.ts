import { fileTypeFromBuffer } from 'file-type';
import { badRequest } from '../errors';

export interface SniffedType {
  mime: string;
  ext: string;
}

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * The file's real type from its magic bytes (the declared type and file name are never trusted).
 * 400 (`validation.file_type` on `field`) when it is not one of `allowed`.
 */
export async function sniffType(
  buffer: Uint8Array,
  allowed: readonly string[],
  field = 'file',
): Promise<SniffedType> {
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !allowed.includes(type.mime)) {
    throw badRequest('This file type is not allowed.', [
      { path: field, code: 'file_type', message: `Allowed: ${allowed.join(', ')}` },
    ]);
  }
  return { mime: type.mime, ext: type.ext };
}

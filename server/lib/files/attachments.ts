import path from 'node:path';
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest } from '../errors';
import { safeFilename } from './headers';
import { sniffType } from './sniff';

/**
 * Attachments people share (chat messages, wiki pages): images, office documents, PDFs, media
 * and plain text, classified by their bytes, never by the name they came with.
 */
export const ATTACHMENT_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const DOCUMENT_TYPES = [
  'application/pdf',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'audio/mpeg',
  'video/mp4',
];
const TEXT_EXTENSIONS = new Set(['txt', 'csv', 'md', 'log', 'json']);
const MAX_INPUT_PIXELS = 60_000_000;

/** Text without magic bytes: valid UTF-8 and no NUL (CSV, notes, logs). */
function isPlainText(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

/**
 * The real type (magic bytes, or plain UTF-8 text) and a clean name whose extension matches it,
 * so a `.html` or `.svg` never comes back as what its name claims. `field` names the form field
 * in a 400.
 */
export async function classifyAttachment(buffer: Buffer, originalName: string, field: string) {
  const parsed = path.parse(safeFilename(originalName, 'datei'));
  const base = parsed.name || 'datei';
  const ext = parsed.ext.slice(1).toLowerCase();
  if (!(await fileTypeFromBuffer(buffer)) && buffer.length > 0 && isPlainText(buffer)) {
    return {
      contentType: 'text/plain; charset=utf-8',
      name: TEXT_EXTENSIONS.has(ext) ? `${base}.${ext}` : `${base}${parsed.ext}.txt`,
    };
  }
  const type = await sniffType(buffer, [...ATTACHMENT_IMAGE_TYPES, ...DOCUMENT_TYPES], field);
  return { contentType: type.mime, name: `${base}.${type.ext}` };
}

/**
 * The stored original without metadata (EXIF with GPS position, camera serials): photos from
 * phones carry where they were taken. sharp drops metadata on re-encoding; orientation is applied
 * first so the picture still stands upright. GIFs carry no EXIF and stay as they are (animation).
 */
export async function withoutMetadata(
  buffer: Buffer,
  contentType: string,
  field: string,
): Promise<Buffer> {
  const image = () => sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  try {
    if (contentType === 'image/jpeg')
      return await image().rotate().jpeg({ quality: 90 }).toBuffer();
    if (contentType === 'image/png') return await image().png().toBuffer();
    if (contentType === 'image/webp')
      return await image().rotate().webp({ quality: 90 }).toBuffer();
    return buffer;
  } catch {
    throw badRequest('The image could not be read.', [
      { path: field, code: 'image_invalid', message: 'image_invalid' },
    ]);
  }
}

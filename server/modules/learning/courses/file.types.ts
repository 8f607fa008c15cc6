import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { HttpError, badRequest } from '../../../lib/errors';
import { safeFilename } from '../../../lib/files';

/**
 * What may be uploaded to a course, by purpose: the type comes from the bytes (magic numbers) and
 * the name's extension must fit that type; the stored name gets the sniffed extension.
 */
export type FilePurpose = 'media' | 'captions' | 'document' | 'image';

const MB = 1024 * 1024;
export const MAX_BYTES: Record<FilePurpose, number> = {
  media: 200 * MB,
  document: 25 * MB,
  captions: 1 * MB,
  image: 5 * MB,
};
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(MAX_BYTES));

// mime → extensions a name may carry for it.
const TYPES: Record<Exclude<FilePurpose, 'captions'>, Record<string, string[]>> = {
  media: {
    'video/mp4': ['mp4', 'm4v'],
    'video/webm': ['webm'],
    'audio/webm': ['webm'],
    'audio/mpeg': ['mp3'],
    'audio/ogg': ['ogg', 'oga'],
    'video/ogg': ['ogg', 'ogv'],
    'audio/opus': ['ogg', 'opus'],
    'audio/x-m4a': ['m4a'],
    'audio/mp4': ['m4a', 'mp4'],
    'audio/wav': ['wav'],
    'audio/vnd.wave': ['wav'],
    'audio/x-wav': ['wav'],
  },
  document: {
    'application/pdf': ['pdf'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
    'application/vnd.oasis.opendocument.text': ['odt'],
    'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
    'application/vnd.oasis.opendocument.presentation': ['odp'],
  },
  image: {
    'image/jpeg': ['jpg', 'jpeg'],
    'image/png': ['png'],
    'image/webp': ['webp'],
  },
};

const typeError = (field: string) =>
  badRequest('This file type is not allowed.', [
    { path: field, code: 'file_type', message: 'file_type' },
  ]);

export interface Classified {
  contentType: string;
  name: string;
}

/** 413 past the purpose's limit, 400 for a wrong type or extension. */
export async function classifyCourseFile(
  buffer: Buffer,
  originalName: string,
  purpose: FilePurpose,
  field = 'file',
): Promise<Classified> {
  if (buffer.length > MAX_BYTES[purpose]) {
    throw new HttpError(413, 'payload_too_large', 'The file is too large.', [
      { path: field, code: 'file_too_large', message: String(MAX_BYTES[purpose]) },
    ]);
  }
  const parsed = path.parse(safeFilename(originalName, 'datei'));
  const base = parsed.name || 'datei';
  const ext = parsed.ext.slice(1).toLowerCase();
  if (purpose === 'captions') {
    const head = buffer
      .subarray(0, 16)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    if (ext !== 'vtt' || !/^WEBVTT(\s|$)/.test(head) || buffer.includes(0)) {
      throw badRequest('Captions must be a WebVTT file.', [
        { path: field, code: 'webvtt_required', message: 'webvtt_required' },
      ]);
    }
    return { contentType: 'text/vtt; charset=utf-8', name: `${base}.vtt` };
  }
  const sniffed = await fileTypeFromBuffer(buffer);
  const allowed = sniffed ? TYPES[purpose][sniffed.mime] : undefined;
  if (!sniffed || !allowed || !allowed.includes(ext)) throw typeError(field);
  return { contentType: sniffed.mime, name: `${base}.${ext}` };
}

/** Shown in the browser (with the sandboxing CSP); everything else is a download. */
export const servedInline = (contentType: string): boolean =>
  /^(video|audio|image)\//.test(contentType) ||
  contentType === 'application/pdf' ||
  contentType.startsWith('text/vtt');

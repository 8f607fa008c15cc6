import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { parseOrThrow } from '../../middleware/validate';
import { HttpError, badRequest } from '../errors';

export interface UploadLimits {
  /** Multipart field that carries the file(s). */
  field: string;
  /** Per file, in bytes. Larger files answer 413. */
  maxBytes: number;
  /** Files in this field; more answer 400. Default 1. */
  maxFiles?: number;
  /** Plain text fields (e.g. `uploadId`); default 5, each at most 1 KiB. */
  maxFields?: number;
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function toHttpError(err: unknown, limits: UploadLimits): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof multer.MulterError) {
    const path = err.field ?? limits.field;
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return new HttpError(
          413,
          'payload_too_large',
          `The file is larger than ${megabytes(limits.maxBytes)} MB.`,
          [{ path, code: 'file_too_large', message: String(limits.maxBytes) }],
        );
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return badRequest('Unexpected or too many files.', [
          { path, code: 'too_many_files', message: String(limits.maxFiles ?? 1) },
        ]);
      default:
        return badRequest('The upload is not valid.');
    }
  }
  // Malformed multipart bodies (busboy) and aborted requests.
  return badRequest('The upload could not be read.');
}

/**
 * Multipart parser for one field with size and count limits; files stay in memory (the limits
 * bound it). Errors become HttpErrors: 413 for a file too large, 400 for everything else. Mount
 * it after authentication (RouteDef `before` does that for `user` routes): the body is read here.
 */
export function uploadMiddleware(limits: UploadLimits): RequestHandler {
  const maxFiles = limits.maxFiles ?? 1;
  const maxFields = limits.maxFields ?? 5;
  const parser = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: limits.maxBytes,
      files: maxFiles,
      fields: maxFields,
      fieldSize: 1024,
      fieldNameSize: 100,
      parts: maxFiles + maxFields,
      headerPairs: 100,
    },
  }).array(limits.field, maxFiles);
  return (req, res, next) => {
    parser(req, res, (err?: unknown) => next(err ? toHttpError(err, limits) : undefined));
  };
}

/** The uploaded files of `field` (after `uploadMiddleware`); 400 `validation.required` if none. */
export function uploadedFiles(req: Request, field: string): Express.Multer.File[] {
  const files = Array.isArray(req.files) ? req.files.filter((f) => f.fieldname === field) : [];
  if (!files.length) {
    throw badRequest('Please choose a file.', [
      { path: field, code: 'required', message: 'required' },
    ]);
  }
  return files;
}

/** The single uploaded file of `field`. */
export function uploadedFile(req: Request, field: string): Express.Multer.File {
  return uploadedFiles(req, field)[0] as Express.Multer.File;
}

/** A text field sent along with the upload (multipart fields land in `req.body`). */
export function uploadField(req: Request, name: string): string | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  const value = body?.[name];
  return typeof value === 'string' ? value : undefined;
}

const uploadIdFields = z
  .object({ uploadId: z.string().uuid({ message: 'invalid_id' }).optional() })
  .strict();

export interface UploadInput {
  buffer: Buffer;
  originalName: string;
  /** The client's id for this upload: a retry with it is stored once. */
  uploadId?: string;
}

/** The single file of `field` with its optional `uploadId` field (400 when that is no UUID). */
export function uploadInput(req: Request, field: string): UploadInput {
  const file = uploadedFile(req, field);
  const { uploadId } = parseOrThrow(uploadIdFields, { uploadId: uploadField(req, 'uploadId') });
  return { buffer: file.buffer, originalName: file.originalname, uploadId };
}

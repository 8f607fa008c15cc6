import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import type { ApiErrorBody } from '@shared/http/errors';
import { HttpError, notFound } from '../lib/errors';
import { logger } from '../lib/logger';

function isDatabaseDown(err: unknown): boolean {
  return (
    err instanceof mongoose.mongo.MongoServerSelectionError ||
    err instanceof mongoose.mongo.MongoNetworkError ||
    err instanceof mongoose.mongo.MongoNotConnectedError ||
    (err instanceof Error &&
      /buffering timed out|client must be connected|Topology is closed/i.test(err.message))
  );
}

/** A 4xx status that an Express/body-parser error marks as safe to expose, else null. */
function clientErrorStatus(err: unknown): number | null {
  if (typeof err !== 'object' || !err) return null;
  const { status, expose } = err as { status?: unknown; expose?: unknown };
  // The router marks a malformed %-escape in a path as a URIError with status 400 (no `expose`).
  const safe = expose === true || err instanceof URIError;
  return typeof status === 'number' && status >= 400 && status < 500 && safe ? status : null;
}

export const apiNotFound: RequestHandler = (_req, _res, next) =>
  next(notFound('No such API route.'));

/** One place turns errors into responses: safe messages only, a correlation id, no stack traces. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const correlationId = String(req.id ?? '');
  let httpError: HttpError;
  if (err instanceof HttpError) {
    httpError = err;
  } else if (isDatabaseDown(err)) {
    httpError = new HttpError(
      503,
      'service_unavailable',
      'The service is temporarily unavailable.',
    );
    logger.warn({ err, correlationId }, 'database unavailable');
  } else if (
    typeof err === 'object' &&
    err &&
    'type' in err &&
    (err as { type: string }).type === 'entity.too.large'
  ) {
    httpError = new HttpError(413, 'payload_too_large', 'The request is too large.');
  } else if (
    typeof err === 'object' &&
    err &&
    'type' in err &&
    (err as { type: string }).type === 'entity.parse.failed'
  ) {
    httpError = new HttpError(400, 'bad_request', 'The request body is not valid JSON.');
  } else if (err instanceof mongoose.mongo.MongoServerError && err.code === 11000) {
    httpError = new HttpError(409, 'conflict', 'This already exists.');
  } else if (clientErrorStatus(err)) {
    // Body-parser and router errors for malformed requests (bad charset, encoding, URI escapes).
    const status = clientErrorStatus(err) as number;
    httpError = new HttpError(
      status,
      status === 413 ? 'payload_too_large' : 'bad_request',
      'The request is not valid.',
    );
  } else {
    logger.error({ err, correlationId }, 'unhandled error');
    httpError = new HttpError(500, 'internal', 'Something went wrong. Please try again.');
  }
  if (res.headersSent) return;
  const body: ApiErrorBody = {
    error: { code: httpError.code, message: httpError.message, correlationId },
  };
  if (httpError.details) body.error.details = httpError.details;
  res.status(httpError.status).json(body);
};

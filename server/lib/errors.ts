import type { ErrorCode, FieldIssue } from '@shared/http/errors';

/** An error meant for the client: its status, code and message are safe to show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
  }
}

export const badRequest = (message = 'Bad request', details?: FieldIssue[]) =>
  new HttpError(400, details ? 'validation_failed' : 'bad_request', message, details);
export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Please sign in.');
export const forbidden = (message = 'You are not allowed to do this.') =>
  new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);
export const conflict = (message = 'Conflict.') => new HttpError(409, 'conflict', message);
export const unavailable = () =>
  new HttpError(503, 'service_unavailable', 'The service is temporarily unavailable.');

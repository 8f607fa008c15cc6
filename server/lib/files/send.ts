import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { setDownloadHeaders, type DownloadHeaders } from './headers';

export interface SendFileOptions extends DownloadHeaders {
  /** Each route says how long a browser may keep the file (e.g. `private, max-age=3600`). */
  cacheControl: string;
  /** Set after the download headers, so a route may replace one (e.g. a preview's CSP). */
  headers?: Record<string, string>;
}

/** Pipes a stored file's stream into the response; a client that went away is not an error. */
export async function streamFile(res: Response, stream: Readable): Promise<undefined> {
  try {
    await pipeline(stream, res);
  } catch (err) {
    if (!res.destroyed) throw err;
  }
  return undefined;
}

/**
 * Serves a stored file: caching as the route says, then the safe download headers (type,
 * attachment unless `inline`, nosniff, sandboxing CSP), then the bytes. Returns undefined, as a
 * raw route's handler does once it answered itself.
 */
export function sendFile(res: Response, stream: Readable, o: SendFileOptions): Promise<undefined> {
  res.setHeader('Cache-Control', o.cacheControl);
  setDownloadHeaders(res, o);
  for (const [name, value] of Object.entries(o.headers ?? {})) res.setHeader(name, value);
  return streamFile(res, stream);
}

const etagMatches = (header: string | undefined, etag: string) =>
  !!header && header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

/**
 * Sets `ETag` and `Cache-Control`; when the browser's copy carries that ETag, answers 304, closes
 * the unread stream and returns true (the route is done).
 */
export function answeredNotModified(
  req: Request,
  res: Response,
  stream: Readable,
  etag: string,
  cacheControl: string,
): boolean {
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', etag);
  if (!etagMatches(req.headers['if-none-match'], etag)) return false;
  stream.destroy();
  res.status(304).end();
  return true;
}

import type { Response } from 'express';

const MAX_NAME = 200;

/** Strips what must never reach a header or a file system: paths, control characters, bidi tricks. */
export function safeFilename(name: string, fallback = 'download'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters must not reach a header
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
    .trim()
    .replace(/^\.+/, '');
  return [...cleaned].slice(0, MAX_NAME).join('') || fallback;
}

/** RFC 5987 `value-chars`: encodeURIComponent leaves ' ( ) * unescaped, which 5987 forbids. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A quoted-string fallback for old clients: ASCII only, no quote or backslash. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // Ü → U, é → e
    .replace(/ß/g, 'ss')
    .replace(/[^\x20-\x7e]/gu, '_')
    .replace(/["\\%]/g, '_');
}

/**
 * `Content-Disposition` with an ASCII `filename` and, when the name is not plain ASCII, an
 * RFC 5987/6266 `filename*=UTF-8''…` that modern browsers prefer.
 */
export function contentDisposition(
  filename: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const name = safeFilename(filename);
  const ascii = asciiFallback(name);
  const header = `${type}; filename="${ascii}"`;
  return ascii === name ? header : `${header}; filename*=UTF-8''${encodeRfc5987(name)}`;
}

export interface DownloadHeaders {
  filename: string;
  contentType: string;
  length?: number;
  /** Only for types the portal produced itself (e.g. re-encoded images); default attachment. */
  inline?: boolean;
}

/**
 * Headers for serving a stored file: attachment by default, no MIME sniffing, and a sandboxing
 * CSP so that even a file opened directly cannot run script in the portal's origin.
 */
export function setDownloadHeaders(res: Response, h: DownloadHeaders): void {
  res.setHeader('Content-Type', h.contentType);
  res.setHeader(
    'Content-Disposition',
    contentDisposition(h.filename, h.inline ? 'inline' : 'attachment'),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  if (h.length !== undefined) res.setHeader('Content-Length', String(h.length));
}

import type { ApiErrorBody } from '@shared/http/errors';
import { ApiError, currentCsrfToken, resetCsrf } from './api';

function errorFrom(xhr: XMLHttpRequest): ApiError {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = JSON.parse(xhr.responseText) as Partial<ApiErrorBody>;
  } catch {
    // Not JSON (a proxy's error page): fall back to the status.
  }
  const err = body?.error;
  const status = xhr.status;
  return new ApiError(
    status,
    err?.code ??
      (status === 413 ? 'payload_too_large' : status >= 500 ? 'internal' : 'bad_request'),
    err?.message ?? (xhr.statusText || 'Upload failed'),
    err?.details ?? [],
    err?.correlationId,
  );
}

function send(
  url: string,
  form: FormData,
  token: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => resolve(xhr);
    // Same shape as a failed fetch, so ErrorMessage shows "no connection".
    xhr.onerror = () => reject(new TypeError('Failed to fetch'));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    if (signal) {
      // Before send() an abort fires no event: reject here.
      if (signal.aborted) {
        reject(new DOMException('Upload aborted', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}

export interface UploadOptions {
  signal?: AbortSignal;
  /** Form fields sent before the file, so the server has them when the file arrives. */
  fields?: Record<string, string>;
  /** Send once more after a lost connection (only with an idempotency id among the fields). */
  retryLostConnection?: boolean;
}

/**
 * POSTs one file (multipart `file`) with progress (0…1) and returns the answer's `data`.
 * XMLHttpRequest because fetch cannot report upload progress; the CSRF handling matches `api()`
 * (one retry with a fresh token). Every feature's uploads go through here.
 */
export async function uploadWithProgress<T>(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
  opts: UploadOptions = {},
): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(opts.fields ?? {})) form.append(name, value);
  form.append('file', file, file.name);
  let csrfRetried = false;
  let connectionRetried = false;
  for (;;) {
    let xhr: XMLHttpRequest;
    try {
      xhr = await send(url, form, await currentCsrfToken(), onProgress, opts.signal);
    } catch (err) {
      if (opts.retryLostConnection && !connectionRetried && err instanceof TypeError) {
        connectionRetried = true;
        continue;
      }
      throw err;
    }
    if (xhr.status >= 200 && xhr.status < 300) {
      onProgress(1);
      return (JSON.parse(xhr.responseText) as { data: T }).data;
    }
    const error = errorFrom(xhr);
    if (xhr.status === 403 && error.code === 'csrf_invalid' && !csrfRetried) {
      csrfRetried = true;
      resetCsrf();
      continue;
    }
    throw error;
  }
}

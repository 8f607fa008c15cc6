import type { ApiErrorBody } from '@shared/http/errors';
import type { AttachmentDTO } from '@shared/chat/types';
import { ApiError, currentCsrfToken, resetCsrf } from '../../lib/api';

/** What `POST /api/conversations/:id/files` answers (the file before it is sent in a message). */
export type UploadedFile = Pick<AttachmentDTO, 'id' | 'name' | 'size' | 'contentType' | 'image'> &
  Partial<Pick<AttachmentDTO, 'url'>>;

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
  file: File,
  token: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ status: number; xhr: XMLHttpRequest }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => resolve({ status: xhr.status, xhr });
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
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * POSTs one file (multipart `file`) with progress (0…1) and returns the answer's `data`.
 * XMLHttpRequest because fetch cannot report upload progress; the CSRF handling matches `api()`
 * (one retry with a fresh token). Shared with other features' uploads (e.g. room posts).
 */
export async function uploadWithProgress<T>(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const { status, xhr } = await send(url, file, await currentCsrfToken(), onProgress, signal);
    if (status >= 200 && status < 300) {
      onProgress(1);
      return (JSON.parse(xhr.responseText) as { data: T }).data;
    }
    const error = errorFrom(xhr);
    if (status === 403 && error.code === 'csrf_invalid' && attempt === 0) {
      resetCsrf();
      continue;
    }
    throw error;
  }
}

/** Uploads one file to a conversation with progress (0…1). */
export function uploadChatFile(
  conversationId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  const url = `/api/conversations/${encodeURIComponent(conversationId)}/files`;
  return uploadWithProgress<UploadedFile>(url, file, onProgress, signal);
}

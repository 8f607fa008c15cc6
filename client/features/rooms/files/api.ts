import type { ApiErrorBody } from '@shared/http/errors';
import type { RoomFileDTO, RoomFilesDTO, RoomFolderDTO } from '@shared/rooms/types';
import { ApiError, api, currentCsrfToken, resetCsrf } from '../../../lib/api';

const R = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;

export const getFiles = (roomId: string, folderId: string | null, signal?: AbortSignal) =>
  api<{ data: RoomFilesDTO }>(`${R(roomId)}/files`, { query: { folderId }, signal }).then(
    (r) => r.data,
  );

export const getFolders = (roomId: string, signal?: AbortSignal) =>
  api<{ data: RoomFolderDTO[] }>(`${R(roomId)}/folders`, { signal }).then((r) => r.data);

export const createFolder = (roomId: string, body: { name: string; parentId: string | null }) =>
  api<{ data: RoomFolderDTO }>(`${R(roomId)}/folders`, { method: 'POST', body }).then(
    (r) => r.data,
  );

export const updateFolder = (
  roomId: string,
  folderId: string,
  body: { name?: string; parentId?: string | null },
) =>
  api<{ data: RoomFolderDTO }>(`${R(roomId)}/folders/${folderId}`, { method: 'PATCH', body }).then(
    (r) => r.data,
  );

export const deleteFolder = (roomId: string, folderId: string) =>
  api<{ data: { folders: number; files: number } }>(`${R(roomId)}/folders/${folderId}`, {
    method: 'DELETE',
    query: { recursive: true },
  }).then((r) => r.data);

export const updateFile = (
  roomId: string,
  fileId: string,
  body: { name?: string; folderId?: string | null },
) =>
  api<{ data: RoomFileDTO }>(`${R(roomId)}/files/${fileId}`, { method: 'PATCH', body }).then(
    (r) => r.data,
  );

export const deleteFile = (roomId: string, fileId: string) =>
  api<{ data: { ok: true } }>(`${R(roomId)}/files/${fileId}`, { method: 'DELETE' });

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

export interface UploadTarget {
  folderId?: string | null;
  /** A new version of this file. */
  fileId?: string;
}

function post(url: string, form: FormData, token: string, onProgress: (f: number) => void) {
  return new Promise<XMLHttpRequest>((resolve, reject) => {
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
    xhr.send(form);
  });
}

/**
 * Uploads with progress (0…1): XMLHttpRequest, since fetch cannot report upload progress. The
 * fields go before the file so the server has them when the file arrives.
 */
export async function uploadRoomFile(
  roomId: string,
  file: File,
  target: UploadTarget,
  onProgress: (fraction: number) => void,
): Promise<RoomFileDTO> {
  const form = new FormData();
  // One id for every attempt: a retry after a lost answer is stored once, not twice.
  form.append('uploadId', crypto.randomUUID());
  if (target.fileId) form.append('fileId', target.fileId);
  else if (target.folderId) form.append('folderId', target.folderId);
  form.append('file', file, file.name);
  for (let attempt = 0; ; attempt++) {
    let xhr: XMLHttpRequest;
    try {
      xhr = await post(`${R(roomId)}/files`, form, await currentCsrfToken(), onProgress);
    } catch (err) {
      if (attempt === 0) continue; // connection lost: once more with the same uploadId
      throw err;
    }
    if (xhr.status >= 200 && xhr.status < 300) {
      onProgress(1);
      return (JSON.parse(xhr.responseText) as { data: RoomFileDTO }).data;
    }
    const error = errorFrom(xhr);
    if (xhr.status === 403 && error.code === 'csrf_invalid' && attempt === 0) {
      resetCsrf();
      continue;
    }
    throw error;
  }
}

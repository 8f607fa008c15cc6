import type { RoomFileDTO, RoomFilesDTO, RoomFolderDTO } from '@shared/rooms/types';
import { api } from '../../../lib/api';
import { uploadWithProgress } from '../../../lib/upload';

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

export interface UploadTarget {
  folderId?: string | null;
  /** A new version of this file. */
  fileId?: string;
}

/**
 * Uploads a file or a new version with progress (0…1); the target goes in fields before the
 * file, so the server has it when the file arrives.
 */
export function uploadRoomFile(
  roomId: string,
  file: File,
  target: UploadTarget,
  onProgress: (fraction: number) => void,
): Promise<RoomFileDTO> {
  // One id for every attempt: a retry after a lost answer is stored once, not twice.
  const fields: Record<string, string> = { uploadId: crypto.randomUUID() };
  if (target.fileId) fields.fileId = target.fileId;
  else if (target.folderId) fields.folderId = target.folderId;
  return uploadWithProgress<RoomFileDTO>(`${R(roomId)}/files`, file, onProgress, {
    fields,
    retryLostConnection: true,
  });
}

import { useCallback, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roomKeys } from '../keys';
import {
  createFolder,
  deleteFile,
  deleteFolder,
  getFiles,
  getFolders,
  updateFile,
  updateFolder,
  uploadRoomFile,
  type UploadTarget,
} from './api';

// C1's socket handler invalidates `roomKeys.allFiles(roomId)` on `rooms:content` (file/folder),
// which holds every folder listing and the folder list below.

export const useRoomFiles = (roomId: string, folderId: string | null) =>
  useQuery({
    queryKey: roomKeys.files(roomId, folderId),
    queryFn: ({ signal }) => getFiles(roomId, folderId, signal),
    placeholderData: keepPreviousData,
  });

export const useRoomFolders = (roomId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...roomKeys.allFiles(roomId), 'folders'] as const,
    queryFn: ({ signal }) => getFolders(roomId, signal),
    enabled,
  });

function useInvalidateFiles(roomId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: roomKeys.allFiles(roomId) });
}

export function useCreateFolder(roomId: string) {
  const invalidate = useInvalidateFiles(roomId);
  return useMutation({
    mutationFn: (body: { name: string; parentId: string | null }) => createFolder(roomId, body),
    onSuccess: invalidate,
  });
}

export function useUpdateFolder(roomId: string) {
  const invalidate = useInvalidateFiles(roomId);
  return useMutation({
    mutationFn: (v: { id: string; name?: string; parentId?: string | null }) =>
      updateFolder(roomId, v.id, { name: v.name, parentId: v.parentId }),
    onSuccess: invalidate,
  });
}

export function useDeleteFolder(roomId: string) {
  const invalidate = useInvalidateFiles(roomId);
  return useMutation({
    mutationFn: (id: string) => deleteFolder(roomId, id),
    onSuccess: invalidate,
  });
}

export function useUpdateFile(roomId: string) {
  const invalidate = useInvalidateFiles(roomId);
  return useMutation({
    mutationFn: (v: { id: string; name?: string; folderId?: string | null }) =>
      updateFile(roomId, v.id, { name: v.name, folderId: v.folderId }),
    onSuccess: invalidate,
  });
}

export function useDeleteFile(roomId: string) {
  const invalidate = useInvalidateFiles(roomId);
  return useMutation({
    mutationFn: (id: string) => deleteFile(roomId, id),
    onSuccess: invalidate,
  });
}

export interface UploadItem {
  key: number;
  name: string;
  progress: number;
  error: unknown;
  done: boolean;
  /** A new version of an existing file (its errors read differently). */
  version: boolean;
}

let nextKey = 1;

/**
 * Uploads one after another with progress per file; finished ones leave the list, failed ones
 * stay with their error until dismissed. Resolves with the number stored.
 */
export function useUploads(roomId: string) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const invalidate = useInvalidateFiles(roomId);
  const patch = (key: number, p: Partial<UploadItem>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));

  const start = async (files: File[], target: UploadTarget): Promise<number> => {
    const queued = files.map((f) => ({ file: f, key: nextKey++ }));
    setItems((list) => [
      ...list,
      ...queued.map(({ file, key }) => ({
        key,
        name: file.name,
        progress: 0,
        error: null,
        done: false,
        version: Boolean(target.fileId),
      })),
    ]);
    let stored = 0;
    for (const { file, key } of queued) {
      try {
        await uploadRoomFile(roomId, file, target, (progress) => patch(key, { progress }));
        stored++;
        setItems((list) => list.filter((i) => i.key !== key));
      } catch (error) {
        patch(key, { error, done: true });
      }
    }
    if (stored) await invalidate();
    return stored;
  };
  const dismiss = useCallback(
    (key: number) => setItems((list) => list.filter((i) => i.key !== key)),
    [],
  );
  return { items, start, dismiss };
}

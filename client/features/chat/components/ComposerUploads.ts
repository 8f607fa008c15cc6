import { useCallback, useEffect, useRef, useState } from 'react';
import { CHAT_FILE_MAX_BYTES, MESSAGE_MAX_ATTACHMENTS } from '@shared/chat/schemas';
import { ApiError } from '../../../lib/api';
import { uploadChatFile, type UploadedFile } from '../upload';

export interface PendingUpload<R = UploadedFile> {
  key: string;
  name: string;
  size: number;
  /** 0…1 */
  progress: number;
  status: 'uploading' | 'done' | 'error';
  error: unknown;
  result: R | null;
}

export type UploadFn<R = UploadedFile> = (
  scopeId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) => Promise<R>;

let nextKey = 0;

/**
 * Files the composer is uploading or has uploaded for the next message. Generic over the upload's
 * answer, so other features (room posts) reuse it with their own upload function.
 */
export function useUploads<R extends { id: string } = UploadedFile>(
  conversationId: string,
  upload: UploadFn<R> = uploadChatFile as unknown as UploadFn<R>,
  maxBytes: number = CHAT_FILE_MAX_BYTES,
) {
  const [items, setItems] = useState<PendingUpload<R>[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const patch = useCallback((key: string, change: Partial<PendingUpload<R>>) => {
    setItems((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = useCallback(
    (files: File[], existing: number) => {
      const room = Math.max(0, MESSAGE_MAX_ATTACHMENTS - existing);
      const accepted = files.slice(0, room);
      const fresh: PendingUpload<R>[] = [];
      for (const file of accepted) {
        const key = `u${++nextKey}`;
        const base = { key, name: file.name, size: file.size, progress: 0, result: null };
        if (file.size > maxBytes) {
          fresh.push({
            ...base,
            status: 'error',
            error: new ApiError(413, 'payload_too_large', 'File too large'),
          });
          continue;
        }
        fresh.push({ ...base, status: 'uploading', error: null });
        const controller = new AbortController();
        controllers.current.set(key, controller);
        upload(conversationId, file, (progress) => patch(key, { progress }), controller.signal)
          .then((result) => patch(key, { status: 'done', progress: 1, result }))
          .catch((error: unknown) => {
            if (controller.signal.aborted) return;
            patch(key, { status: 'error', error });
          })
          .finally(() => controllers.current.delete(key));
      }
      setItems((list) => [...list, ...fresh]);
      return files.length - accepted.length;
    },
    [conversationId, patch, upload, maxBytes],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setItems((list) => list.filter((u) => u.key !== key));
  }, []);

  const clear = useCallback(() => {
    // Sent files are part of the message now: only running uploads are cancelled.
    for (const c of controllers.current.values()) c.abort();
    controllers.current.clear();
    setItems([]);
  }, []);

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const c of running.values()) c.abort();
    };
  }, []);

  return {
    items,
    add,
    remove,
    clear,
    busy: items.some((u) => u.status === 'uploading'),
    doneIds: items.flatMap((u) => (u.status === 'done' && u.result ? [u.result.id] : [])),
  };
}

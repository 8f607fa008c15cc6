import type { AttachmentDTO } from '@shared/chat/types';
import { uploadWithProgress } from '../../lib/upload';

/** What `POST /api/conversations/:id/files` answers (the file before it is sent in a message). */
export type UploadedFile = Pick<AttachmentDTO, 'id' | 'name' | 'size' | 'contentType' | 'image'> &
  Partial<Pick<AttachmentDTO, 'url'>>;

/** Uploads one file to a conversation with progress (0…1). */
export function uploadChatFile(
  conversationId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  const url = `/api/conversations/${encodeURIComponent(conversationId)}/files`;
  return uploadWithProgress<UploadedFile>(url, file, onProgress, { signal });
}

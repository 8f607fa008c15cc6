import { api } from '../../../lib/api';
import type { ApiData } from '@shared/http/errors';
import type { PostReaction } from '@shared/rooms/schemas';
import type { FeedPageDTO, PostCommentDTO, PostDTO, RoomFileRefDTO } from '@shared/rooms/types';
import { uploadWithProgress } from '../../../lib/upload';
import { roomPath } from '../api';

/** REST calls of a room's feed (`/api/rooms/:roomId/feed|posts|post-files`), unwrapped. */
const enc = encodeURIComponent;
const postPath = (roomId: string, postId: string) => `${roomPath(roomId)}/posts/${enc(postId)}`;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

/** A post as the composer sends it: `id` is the client's UUID, kept across retries. */
export interface NewPost {
  id: string;
  body: string;
  announcement: boolean;
  fileIds: string[];
}

export const getFeed = (roomId: string, before: string | null, signal?: AbortSignal) =>
  data(
    api<ApiData<FeedPageDTO>>(`${roomPath(roomId)}/feed`, {
      query: { before: before ?? undefined },
      signal,
    }),
  );
export const getPost = (roomId: string, postId: string, signal?: AbortSignal) =>
  data(api<ApiData<PostDTO>>(postPath(roomId, postId), { signal }));
export const createPost = (roomId: string, post: NewPost) =>
  data(
    api<ApiData<PostDTO>>(`${roomPath(roomId)}/posts`, {
      method: 'POST',
      body: { ...post, fileIds: [...post.fileIds] },
    }),
  );
export const updatePost = (roomId: string, postId: string, input: { rev: number; body: string }) =>
  data(api<ApiData<PostDTO>>(postPath(roomId, postId), { method: 'PATCH', body: { ...input } }));
export const deletePost = (roomId: string, postId: string) =>
  api<unknown>(postPath(roomId, postId), { method: 'DELETE' });
export const pinPost = (roomId: string, postId: string, pinned: boolean) =>
  api<ApiData<PostDTO | null>>(`${postPath(roomId, postId)}/pin`, {
    method: 'PUT',
    body: { pinned },
  });
export const reactToPost = (roomId: string, postId: string, reaction: PostReaction, on: boolean) =>
  api<ApiData<PostDTO | null>>(`${postPath(roomId, postId)}/reactions`, {
    method: 'PUT',
    body: { reaction, on },
  });
export const addComment = (roomId: string, postId: string, input: { id: string; body: string }) =>
  api<ApiData<PostCommentDTO | PostDTO | null>>(`${postPath(roomId, postId)}/comments`, {
    method: 'POST',
    body: { ...input },
  });
export const deleteComment = (roomId: string, postId: string, commentId: string) =>
  api<unknown>(`${postPath(roomId, postId)}/comments/${enc(commentId)}`, { method: 'DELETE' });

/** Uploads a file for the next post (multipart `file`), with progress 0…1. */
export const uploadPostFile = (
  roomId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) =>
  uploadWithProgress<RoomFileRefDTO>(`${roomPath(roomId)}/post-files`, file, onProgress, {
    signal,
  });

/** The answer is a whole post (some routes may answer with less: then the feed is refetched). */
export const isPost = (v: unknown): v is PostDTO =>
  typeof v === 'object' && v !== null && 'reactions' in v && 'comments' in v && 'rev' in v;

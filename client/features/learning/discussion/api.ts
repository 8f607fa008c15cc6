import type { ApiData, ApiPage } from '@shared/http/errors';
import type { AnnouncementDTO, ReplyDTO, ThreadDTO } from '@shared/learning/types';
import { api } from '../../../lib/api';

/** REST calls of the course discussion and announcements, unwrapped from `{ data }`. */
const enc = encodeURIComponent;
const coursePath = (courseId: string) => `/api/learning/courses/${enc(courseId)}`;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export interface ThreadInput {
  clientId: string;
  title: string;
  body: string;
}
export interface ReplyInput {
  clientId: string;
  body: string;
}

export const listThreads = (courseId: string, cursor: string | null, signal?: AbortSignal) =>
  api<ApiPage<ThreadDTO>>(`${coursePath(courseId)}/threads`, {
    query: { cursor: cursor ?? undefined },
    signal,
  });

export const createThread = (courseId: string, input: ThreadInput) =>
  data(
    api<ApiData<ThreadDTO>>(`${coursePath(courseId)}/threads`, {
      method: 'POST',
      body: { ...input },
    }),
  );

export const createReply = (courseId: string, threadId: string, input: ReplyInput) =>
  data(
    api<ApiData<ReplyDTO>>(`${coursePath(courseId)}/threads/${enc(threadId)}/replies`, {
      method: 'POST',
      body: { ...input },
    }),
  );

export const deleteThread = (courseId: string, threadId: string) =>
  api<void>(`${coursePath(courseId)}/threads/${enc(threadId)}`, { method: 'DELETE' });

export const deleteReply = (courseId: string, threadId: string, replyId: string) =>
  api<void>(`${coursePath(courseId)}/threads/${enc(threadId)}/replies/${enc(replyId)}`, {
    method: 'DELETE',
  });

export const listAnnouncements = (courseId: string, signal?: AbortSignal) =>
  data(api<ApiData<AnnouncementDTO[]>>(`${coursePath(courseId)}/announcements`, { signal }));

export const createAnnouncement = (courseId: string, input: ThreadInput) =>
  data(
    api<ApiData<AnnouncementDTO>>(`${coursePath(courseId)}/announcements`, {
      method: 'POST',
      body: { ...input },
    }),
  );

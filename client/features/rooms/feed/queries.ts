import { useCallback, useSyncExternalStore } from 'react';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { PostReaction } from '@shared/rooms/schemas';
import type { PostDTO } from '@shared/rooms/types';
import { listMembers } from '../api';
import { roomKeys } from '../keys';
import {
  addComment,
  createPost,
  deleteComment,
  deletePost,
  getFeed,
  getPost,
  isPost,
  pinPost,
  reactToPost,
  updatePost,
} from './api';
import { insertPost, patchPost, toggleReaction } from './cache';
import { PostOutbox, type PendingPost } from './pending';

// --- Queries (C1's socket handler invalidates `roomKeys.feed(roomId)`, which holds `post`) ---

/** The feed, newest first; "Mehr laden" fetches older pages with the `before` cursor. */
export const useFeed = (roomId: string, enabled = true) =>
  useInfiniteQuery({
    queryKey: roomKeys.feed(roomId),
    queryFn: ({ pageParam, signal }) => getFeed(roomId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });

/** One post with all its comments ("alle N Kommentare"). */
export const usePost = (roomId: string, postId: string, enabled = true) =>
  useQuery({
    queryKey: roomKeys.post(roomId, postId),
    queryFn: ({ signal }) => getPost(roomId, postId, signal),
    enabled,
  });

/** Members for the `@` autocomplete, searched on the server (`?q=`). */
export const useMentionCandidates = (roomId: string, q: string | null) =>
  useQuery({
    queryKey: [...roomKeys.members(roomId), 'mention', q ?? ''] as const,
    queryFn: ({ signal }) => listMembers(roomId, { q: q ?? '' }, signal),
    select: (page) =>
      page.data.map((m) => ({
        id: m.person.id,
        displayName: m.person.displayName,
        username: m.username,
      })),
    enabled: q !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

// --- Sending (optimistic, idempotent by the client's UUID) ---

const outboxes = new WeakMap<QueryClient, PostOutbox>();

/** One outbox per query client (one per app; tests get their own). */
export function getPostOutbox(qc: QueryClient): PostOutbox {
  let box = outboxes.get(qc);
  if (!box) {
    box = new PostOutbox({
      send: createPost,
      onSent: (post) => insertPost(qc, post.roomId, post),
    });
    outboxes.set(qc, box);
  }
  return box;
}

const none: PendingPost[] = [];

/** My unconfirmed posts of this room, newest first. */
export function usePendingPosts(roomId: string): { outbox: PostOutbox; pending: PendingPost[] } {
  const outbox = getPostOutbox(useQueryClient());
  const subscribe = useCallback((fn: () => void) => outbox.subscribe(fn), [outbox]);
  const pending = useSyncExternalStore(
    subscribe,
    () => outbox.list(roomId),
    () => none,
  );
  return { outbox, pending };
}

// --- Mutations ---

/** After a change whose answer is not a whole post: the feed (and the post) load again. */
const refresh = (qc: QueryClient, roomId: string) =>
  qc.invalidateQueries({ queryKey: roomKeys.feed(roomId) });

export function useEditPost(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ post, body }: { post: PostDTO; body: string }) =>
      updatePost(roomId, post.id, { rev: post.rev, body }),
    onSuccess: (post) => patchPost(qc, roomId, post.id, () => post),
  });
}

export function useDeletePost(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (postId: string) => deletePost(roomId, postId),
    onSuccess: (_r, postId) => patchPost(qc, roomId, postId, () => null),
  });
}

export function usePinPost(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, pinned }: { postId: string; pinned: boolean }) =>
      pinPost(roomId, postId, pinned),
    // Pinning moves the post between sections: the first page decides where.
    onSettled: () => refresh(qc, roomId),
  });
}

export function useReactToPost(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { postId: string; reaction: PostReaction; on: boolean }) =>
      reactToPost(roomId, v.postId, v.reaction, v.on),
    onMutate: (v) => patchPost(qc, roomId, v.postId, (p) => toggleReaction(p, v.reaction, v.on)),
    onSuccess: (answer) => {
      if (isPost(answer.data)) patchPost(qc, roomId, answer.data.id, () => answer.data as PostDTO);
    },
    onError: () => refresh(qc, roomId),
  });
}

export function useAddComment(roomId: string, postId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: string }) => addComment(roomId, postId, input),
    onSuccess: (answer) => {
      if (isPost(answer.data)) patchPost(qc, roomId, postId, () => answer.data as PostDTO);
      return refresh(qc, roomId);
    },
  });
}

export function useDeleteComment(roomId: string, postId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => deleteComment(roomId, postId, commentId),
    onSuccess: (_r, commentId) => {
      patchPost(qc, roomId, postId, (p) => ({
        ...p,
        comments: p.comments.filter((c) => c.id !== commentId),
        commentCount: Math.max(0, p.commentCount - 1),
      }));
      return refresh(qc, roomId);
    },
  });
}

import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { FeedPageDTO, PostDTO } from '@shared/rooms/types';
import { roomKeys } from '../keys';

export type FeedPages = InfiniteData<FeedPageDTO, unknown>;

/** Pinned posts first (first page), then the timeline without duplicates or pinned repeats. */
export function flattenFeed(data: FeedPages | undefined): { pinned: PostDTO[]; posts: PostDTO[] } {
  if (!data) return { pinned: [], posts: [] };
  const pinned = data.pages[0]?.pinned ?? [];
  const seen = new Set(pinned.map((p) => p.id));
  const posts: PostDTO[] = [];
  for (const page of data.pages) {
    for (const p of page.posts) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      posts.push(p);
    }
  }
  return { pinned, posts };
}

/** Replaces (or with `null` removes) one post wherever the feed and its detail query hold it. */
export function patchPost(
  qc: QueryClient,
  roomId: string,
  postId: string,
  fn: (post: PostDTO) => PostDTO | null,
): void {
  const apply = (list: PostDTO[]) =>
    list.flatMap((p) => {
      if (p.id !== postId) return [p];
      const next = fn(p);
      return next ? [next] : [];
    });
  qc.setQueryData<FeedPages>(roomKeys.feed(roomId), (old) =>
    old
      ? {
          ...old,
          pages: old.pages.map((page) => ({
            ...page,
            pinned: apply(page.pinned),
            posts: apply(page.posts),
          })),
        }
      : old,
  );
  const detail = roomKeys.post(roomId, postId);
  const current = qc.getQueryData<PostDTO>(detail);
  if (current) {
    const next = fn(current);
    if (next) qc.setQueryData(detail, next);
    else qc.removeQueries({ queryKey: detail, exact: true });
  }
}

/** A post the server confirmed: on top of the first page unless the feed has it already. */
export function insertPost(qc: QueryClient, roomId: string, post: PostDTO): void {
  qc.setQueryData<FeedPages>(roomKeys.feed(roomId), (old) => {
    if (!old || old.pages.length === 0) return old;
    const has = old.pages.some(
      (p) => p.posts.some((x) => x.id === post.id) || p.pinned.some((x) => x.id === post.id),
    );
    if (has) return old;
    const [first, ...rest] = old.pages;
    return { ...old, pages: [{ ...first!, posts: [post, ...first!.posts] }, ...rest] };
  });
}

/** My reaction toggled, before the server answers. */
export function toggleReaction(
  post: PostDTO,
  reaction: PostDTO['reactions'][number]['reaction'],
  on: boolean,
): PostDTO {
  const found = post.reactions.some((r) => r.reaction === reaction);
  const reactions = found
    ? post.reactions.map((r) =>
        r.reaction !== reaction || r.mine === on
          ? r
          : { ...r, mine: on, count: Math.max(0, r.count + (on ? 1 : -1)) },
      )
    : on
      ? [...post.reactions, { reaction, count: 1, mine: true }]
      : post.reactions;
  return { ...post, reactions };
}

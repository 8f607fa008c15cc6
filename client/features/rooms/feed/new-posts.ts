import type { PostDTO } from '@shared/rooms/types';

/**
 * Posts by others newer than the newest one seen so far (`since`: null before the first load,
 * when nothing counts as new; '' after an empty first load). Older pages ("Mehr laden") and newly pinned old posts are not new; my
 * own and my pending posts never count. Returns the count and the new `since`.
 */
export function newPostsOf(
  since: string | null,
  posts: readonly Pick<PostDTO, 'id' | 'author' | 'createdAt'>[],
  myId: string,
  pendingIds: ReadonlySet<string>,
): { count: number; since: string } {
  let newest = since ?? '';
  for (const p of posts) if (p.createdAt > newest) newest = p.createdAt;
  if (since === null) return { count: 0, since: newest };
  const count = posts.filter(
    (p) => p.createdAt > since && p.author.id !== myId && !pendingIds.has(p.id),
  ).length;
  return { count, since: newest };
}

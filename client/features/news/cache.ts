import type { InfiniteData } from '@tanstack/react-query';
import type { ApiPage } from '@shared/http/errors';
import type { NewsCommentDTO, NewsSummaryDTO } from '@shared/news/types';
import type { NewsFilters } from './api';

/** Pure cache transformations, shared by socket events and optimistic mutations. */

export type NewsPages = InfiniteData<ApiPage<NewsSummaryDTO>, string | null>;

/** Whether an article belongs in a list with these filters (as the server filters it). */
export function matchesFilters(article: NewsSummaryDTO, f: NewsFilters): boolean {
  if (f.channelId && article.channel.id !== f.channelId) return false;
  if (f.unread && article.viewer.read) return false;
  if (f.mandatory && !article.mandatory) return false;
  return true;
}

const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);

/** The feed's order: pinned first, then newest published first, then id (stable). */
export function compareNews(a: NewsSummaryDTO, b: NewsSummaryDTO): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  const ta = time(a.publishedAt);
  const tb = time(b.publishedAt);
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Live copies carry no personal state (the server sends one copy to the whole audience): keep
 * what this client knew about the viewer (read, reaction, confirmation — the latter only while the
 * acknowledgement round is the same).
 */
export function keepViewerState(
  previous: NewsSummaryDTO | undefined,
  incoming: NewsSummaryDTO,
): NewsSummaryDTO {
  if (!previous) return incoming;
  const sameRound = previous.mandatory?.round === incoming.mandatory?.round;
  return {
    ...incoming,
    viewer: {
      read: incoming.viewer.read || previous.viewer.read,
      reaction: incoming.viewer.reaction ?? previous.viewer.reaction,
      acknowledgedAt:
        incoming.viewer.acknowledgedAt ?? (sameRound ? previous.viewer.acknowledgedAt : null),
    },
  };
}

/** Finds an article in paged data. */
export function findInPages(data: NewsPages | undefined, id: string): NewsSummaryDTO | undefined {
  for (const page of data?.pages ?? []) {
    const hit = page.data.find((a) => a.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/** Removes an article from every page; the same object when it was not there. */
export function removeFromPages(data: NewsPages | undefined, id: string): NewsPages | undefined {
  if (!data || !findInPages(data, id)) return data;
  return {
    ...data,
    pages: data.pages.map((p) =>
      p.data.some((a) => a.id === id) ? { ...p, data: p.data.filter((a) => a.id !== id) } : p,
    ),
  };
}

/**
 * Puts an article where it belongs in a loaded list: replaces an older copy, moves it when its
 * place changed (pinned), drops it when it no longer matches the filters. An article that sorts
 * after everything loaded while more pages exist is left for "load more" to bring.
 */
export function upsertInPages(
  data: NewsPages | undefined,
  article: NewsSummaryDTO,
  filters: NewsFilters,
): NewsPages | undefined {
  if (!data || data.pages.length === 0) return data;
  article = keepViewerState(findInPages(data, article.id), article);
  const without = removeFromPages(data, article.id) as NewsPages;
  if (!matchesFilters(article, filters)) return without;
  const pages = without.pages.map((p) => ({ ...p, data: [...p.data] }));
  for (let i = 0; i < pages.length; i += 1) {
    const page = pages[i] as ApiPage<NewsSummaryDTO>;
    const at = page.data.findIndex((a) => compareNews(article, a) < 0);
    if (at >= 0) {
      page.data.splice(at, 0, article);
      return { ...without, pages };
    }
    // Past the end of this page: it belongs here only when no later page starts before it.
    const next = pages[i + 1];
    const isLast = i === pages.length - 1;
    if (isLast) {
      if (page.nextCursor) return without;
      page.data.push(article);
      return { ...without, pages };
    }
    if (next && next.data.length > 0 && compareNews(article, next.data[0] as NewsSummaryDTO) < 0) {
      page.data.push(article);
      return { ...without, pages };
    }
  }
  return without;
}

/** Applies a change to one article wherever it is (lists keep their order). */
export function patchInPages(
  data: NewsPages | undefined,
  id: string,
  patch: (a: NewsSummaryDTO) => NewsSummaryDTO,
): NewsPages | undefined {
  if (!data || !findInPages(data, id)) return data;
  return {
    ...data,
    pages: data.pages.map((p) =>
      p.data.some((a) => a.id === id)
        ? { ...p, data: p.data.map((a) => (a.id === id ? patch(a) : a)) }
        : p,
    ),
  };
}

/** Adds a comment or replaces the stored copy (comments are oldest first). */
export function upsertComment(
  list: NewsCommentDTO[] | undefined,
  comment: NewsCommentDTO,
): NewsCommentDTO[] | undefined {
  if (!list) return list;
  const i = list.findIndex((c) => c.id === comment.id);
  if (i < 0) return [...list, comment];
  const next = [...list];
  next[i] = comment;
  return next;
}

import type { HomeBoardDTO } from '@shared/home/types';
import type { NewsSummaryDTO } from '@shared/news/types';

/** How many articles "News for me" shows (the server's `HOME_NEWS_LIMIT`). */
export const HOME_NEWS_LIMIT = 6;

const time = (iso: string | null) => (iso ? Date.parse(iso) : 0);

/** "News for me" order: pinned first, then newest. */
const feedOrder = (a: NewsSummaryDTO, b: NewsSummaryDTO) =>
  Number(b.pinned) - Number(a.pinned) || time(b.publishedAt) - time(a.publishedAt);

/** "To acknowledge" order: earliest deadline first. */
const ackOrder = (a: NewsSummaryDTO, b: NewsSummaryDTO) =>
  time(a.mandatory?.deadline ?? null) - time(b.mandatory?.deadline ?? null) ||
  (a.id < b.id ? -1 : 1);

const isLive = (a: NewsSummaryDTO) => a.status === 'published';
const isDue = (a: NewsSummaryDTO) => isLive(a) && a.mandatory !== null && !a.viewer.acknowledgedAt;

export interface BoardPatch {
  board: HomeBoardDTO;
  /** The news list lost an article and may have a 7th to show: ask the server. */
  refetch: boolean;
}

/** `news:upsert`: the article takes its place in both news widgets, or leaves them. */
export function upsertNewsInBoard(board: HomeBoardDTO, article: NewsSummaryDTO): BoardPatch {
  const without = board.data.news.filter((n) => n.id !== article.id);
  const wasThere = without.length !== board.data.news.length;
  const news = isLive(article)
    ? [...without, article].sort(feedOrder).slice(0, HOME_NEWS_LIMIT)
    : without;
  const ackRest = board.data.acknowledge.filter((n) => n.id !== article.id);
  const acknowledge = isDue(article) ? [...ackRest, article].sort(ackOrder) : ackRest;
  return {
    board: { ...board, data: { ...board.data, news, acknowledge } },
    refetch: wasThere && !isLive(article) && board.data.news.length >= HOME_NEWS_LIMIT,
  };
}

/** `news:removed`: gone from both widgets. */
export function removeNewsFromBoard(board: HomeBoardDTO, id: string): BoardPatch {
  const news = board.data.news.filter((n) => n.id !== id);
  const acknowledge = board.data.acknowledge.filter((n) => n.id !== id);
  const changed =
    news.length !== board.data.news.length || acknowledge.length !== board.data.acknowledge.length;
  return {
    board: changed ? { ...board, data: { ...board.data, news, acknowledge } } : board,
    refetch: news.length !== board.data.news.length && board.data.news.length >= HOME_NEWS_LIMIT,
  };
}

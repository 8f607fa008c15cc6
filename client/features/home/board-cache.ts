import type { HomeBoardDTO } from '@shared/home/types';
import type { NewsSummaryDTO } from '@shared/news/types';
import { keepViewerState } from '../news/cache';

/** How many articles "News for me" shows (the server's `HOME_NEWS_LIMIT`). */
export const HOME_NEWS_LIMIT = 6;
/** How many open confirmations "To acknowledge" shows (the server's `HOME_ACK_LIMIT`). */
export const HOME_ACK_LIMIT = 5;
/** A live article published this recently cannot have been confirmed by the viewer yet. */
const FRESH_MS = 15 * 60_000;

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
export function upsertNewsInBoard(
  board: HomeBoardDTO,
  incoming: NewsSummaryDTO,
  now = Date.now(),
): BoardPatch {
  const { items, total } = board.data.acknowledge;
  const shown = items.find((n) => n.id === incoming.id);
  const article = keepViewerState(
    board.data.news.find((n) => n.id === incoming.id) ?? shown,
    incoming,
  );
  const without = board.data.news.filter((n) => n.id !== article.id);
  const wasThere = without.length !== board.data.news.length;
  const news = isLive(article)
    ? [...without, article].sort(feedOrder).slice(0, HOME_NEWS_LIMIT)
    : without;
  const due = isDue(article);
  const fresh = now - time(article.publishedAt) < FRESH_MS;
  // Whether an older article not shown here was open is known only to the server: ask it.
  const unknown = !shown && ((due && !fresh) || (!due && items.length < total));
  const rest = items.filter((n) => n.id !== article.id);
  const acknowledge = unknown
    ? board.data.acknowledge
    : {
        items: (due ? [...rest, article].sort(ackOrder) : rest).slice(0, HOME_ACK_LIMIT),
        total: total - (shown ? 1 : 0) + (due ? 1 : 0),
      };
  const refillAck = !unknown && shown !== undefined && !due && total > items.length;
  return {
    board: { ...board, data: { ...board.data, news, acknowledge } },
    refetch:
      unknown ||
      refillAck ||
      (wasThere && !isLive(article) && board.data.news.length >= HOME_NEWS_LIMIT),
  };
}

/** `news:removed`: gone from both widgets. */
export function removeNewsFromBoard(board: HomeBoardDTO, id: string): BoardPatch {
  const { items, total } = board.data.acknowledge;
  const news = board.data.news.filter((n) => n.id !== id);
  const rest = items.filter((n) => n.id !== id);
  const shown = rest.length !== items.length;
  const changed = news.length !== board.data.news.length || shown;
  const acknowledge = shown ? { items: rest, total: total - 1 } : board.data.acknowledge;
  return {
    board: changed ? { ...board, data: { ...board.data, news, acknowledge } } : board,
    refetch:
      (news.length !== board.data.news.length && board.data.news.length >= HOME_NEWS_LIMIT) ||
      // A hidden open one may have gone, or a hidden one can move up.
      items.length < total,
  };
}

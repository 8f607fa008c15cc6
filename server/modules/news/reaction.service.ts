import type { Request } from 'express';
import type { NewsReaction } from '@shared/news/schemas';
import type { CurrentUser } from '../auth/current-user';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { deny } from '../audit/deny';
import { loadReadableArticle } from './news.access';
import { newsAbilities } from './news.policy';
import { articleStats, bumpReaction } from './news.stats';
import { recordReaction } from './reader-state';

/**
 * Serialises this module's counter updates per article (`news_stats` `$inc`s are lost when they
 * run concurrently on the embedded engine). Not the key `news.stats` may use itself: no nesting.
 */
export const countersLock = (articleId: string) => `news-counters:${articleId}`;

export interface ReactionResultDTO {
  reaction: NewsReaction | null;
  reactions: Partial<Record<NewsReaction, number>>;
}

/**
 * Sets (or with null removes) the viewer's one reaction. The totals change only when the
 * person's reaction did, so repeating a request changes nothing.
 */
export async function setReaction(
  user: CurrentUser,
  articleId: string,
  reaction: NewsReaction | null,
  req?: Request,
): Promise<ReactionResultDTO> {
  const { article, channel, viewer } = await loadReadableArticle(user, articleId, req);
  if (!newsAbilities(viewer, article, channel).react) {
    throw await deny(user, 'news.react', { type: 'news_article', id: articleId }, req);
  }
  const totals = await withKeyLock(countersLock(articleId), async () => {
    const { previous } = await recordReaction(user.id, articleId, reaction);
    if (previous === reaction) return null;
    return (await bumpReaction(articleId, previous, reaction)).reactions;
  });
  if (totals) {
    events.publish('news.reactions', { articleId, reactions: totals });
    return { reaction, reactions: totals };
  }
  const current = (await articleStats([articleId])).get(articleId);
  return { reaction, reactions: current?.reactions ?? {} };
}

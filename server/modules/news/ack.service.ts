import type { Request } from 'express';
import type { CurrentUser } from '../auth/current-user';
import { events } from '../../lib/events';
import { deny } from '../audit/deny';
import { storeAck } from './ack.store';
import { loadReadableArticle } from './news.access';
import { newsAbilities } from './news.policy';
import { recordAcknowledgement } from './reader-state';

export interface AcknowledgeResultDTO {
  articleId: string;
  round: number;
  acknowledgedAt: string;
}

/**
 * Confirms the current round of a live mandatory article. The bucket (what the dashboard counts)
 * is written first, then the reader's own state; a repeat answers with the first time.
 */
export async function acknowledge(
  user: CurrentUser,
  articleId: string,
  req?: Request,
): Promise<AcknowledgeResultDTO> {
  const { article, channel, viewer } = await loadReadableArticle(user, articleId, req);
  const { mandatory } = article;
  if (!mandatory || !newsAbilities(viewer, article, channel).acknowledge) {
    throw await deny(user, 'news.acknowledge', { type: 'news_article', id: articleId }, req);
  }
  const { round } = mandatory;
  const first = await storeAck(articleId, round, user.id, new Date());
  const state = await recordAcknowledgement(user.id, articleId, round, first);
  if (state.first) {
    events.publish('news.acknowledged', { articleId, round, personId: user.id, at: first });
  }
  return { articleId, round, acknowledgedAt: state.at.toISOString() };
}

import type { Request } from 'express';
import { Types } from 'mongoose';
import type { CurrentUser } from '../auth/current-user';
import { notFound } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { subjectOfUser } from '../org/audience';
import type { Article } from './article.model';
import type { Channel } from './channel.model';
import { channelById, editorChannelsOf } from './channel.service';
import { articleById } from './news.read-model';
import { canReadArticle, type NewsViewer } from './news.policy';

/** The policy context of the signed-in person: audience subject and office-editor channels. */
export async function newsViewer(user: CurrentUser): Promise<NewsViewer> {
  const [subject, editorOf] = await Promise.all([subjectOfUser(user), editorChannelsOf(user.id)]);
  return { user, subject, editorOf };
}

export interface ReadableArticle {
  article: Article;
  channel: Channel | null;
  viewer: NewsViewer;
}

/**
 * An article the user may read, or 404: an article outside the viewer's audience does not exist
 * for them (no 403 that would confirm it). Such attempts are audited as denied.
 */
export async function loadReadableArticle(
  user: CurrentUser,
  id: string,
  req?: Request,
  viewer?: NewsViewer,
): Promise<ReadableArticle> {
  if (!Types.ObjectId.isValid(id)) throw notFound();
  const [article, v] = await Promise.all([articleById(id), viewer ?? newsViewer(user)]);
  if (!article) throw notFound();
  if (!canReadArticle(v, article)) {
    await audit({
      action: 'news.read',
      actorId: user.id,
      subjectType: 'news_article',
      subjectId: id,
      outcome: 'denied',
      req,
    });
    throw notFound();
  }
  return { article, channel: await channelById(String(article.channelId)), viewer: v };
}

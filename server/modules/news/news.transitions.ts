import type { Request } from 'express';
import { Types } from 'mongoose';
import { transitionSchema, type TransitionInput } from '@shared/news/schemas';
import type { NewsArticleDTO } from '@shared/news/types';
import type { CurrentUser } from '../auth/current-user';
import { conflict } from '../../lib/errors';
import { deny } from '../audit/deny';
import { audit } from '../audit/audit.service';
import { ArticleModel, type Article } from './article.model';
import { ArticleBodyModel } from './article-body.model';
import { loadReadableArticle } from './news.access';
import { newsAbilities } from './news.policy';
import type { NewsAction } from './news.events';
import { getArticle } from './news.service';
import { noteArticleWritten } from './news.read-model';
import {
  articleBody,
  articleLock,
  guardedUpdate,
  publishChange,
  withHistory,
  writeRevision,
} from './news.write';

export type Transition = 'submit' | 'approve' | 'reject' | 'publish' | 'unpublish';

/** Published now, or scheduled when `publishAt` lies ahead. */
function goLive(
  a: Article,
  now: Date,
  forceNow: boolean,
): Pick<Article, 'status' | 'publishedAt' | 'publishAt'> {
  if (!forceNow && a.publishAt && a.publishAt.getTime() > now.getTime()) {
    return { status: 'scheduled', publishedAt: null, publishAt: a.publishAt };
  }
  return { status: 'published', publishedAt: now, publishAt: a.publishAt };
}

function plan(
  t: Transition,
  a: Article,
  userId: string,
  now: Date,
): { set: Partial<Article>; action: NewsAction } {
  switch (t) {
    case 'submit':
      return {
        set: {
          status: 'review',
          approval: { requestedById: new Types.ObjectId(userId), requestedAt: now },
        },
        action: 'submitted',
      };
    case 'approve': {
      const live = goLive(a, now, false);
      return {
        set: { ...live, approval: null },
        action: live.status === 'scheduled' ? 'scheduled' : 'approved',
      };
    }
    case 'reject':
      return { set: { status: 'draft', approval: null }, action: 'rejected' };
    case 'publish': {
      // Publishing a scheduled article means "now".
      const live = goLive(a, now, a.status === 'scheduled');
      return {
        set: { ...live, approval: null },
        action: live.status === 'scheduled' ? 'scheduled' : 'published',
      };
    }
    case 'unpublish':
      return { set: { status: 'archived' }, action: 'unpublished' };
  }
}

const abilityOf: Record<Transition, 'submit' | 'approve' | 'publish' | 'unpublish'> = {
  submit: 'submit',
  approve: 'approve',
  reject: 'approve',
  publish: 'publish',
  unpublish: 'unpublish',
};

/**
 * One editorial step, guarded by the state and revision the editor saw: of two concurrent
 * publishes exactly one wins, the other gets 409.
 */
export async function transition(
  user: CurrentUser,
  id: string,
  t: Transition,
  raw: TransitionInput,
  req?: Request,
): Promise<NewsArticleDTO> {
  const { rev, comment } = transitionSchema.parse(raw);
  const { article, channel, viewer } = await loadReadableArticle(user, id, req);
  if (article.rev !== rev) throw conflict('The article was changed in the meantime.');
  if (!newsAbilities(viewer, article, channel)[abilityOf[t]]) {
    throw await deny(user, `news.${t}`, { type: 'news_article', id }, req);
  }
  const now = new Date();
  const { set, action } = plan(t, article, user.id, now);
  const next = {
    ...set,
    rev: rev + 1,
    history: withHistory(article, {
      rev: rev + 1,
      at: now,
      byId: user.id,
      action,
      material: false,
      note: comment,
    }),
  };
  const after = await guardedUpdate(article, { status: article.status, rev }, next);
  if (!after) throw conflict('The article was changed in the meantime.');
  await writeRevision(after, await articleBody(after), action, user.id);
  await audit({
    action: `news.${t}`,
    actorId: user.id,
    subjectType: 'news_article',
    subjectId: id,
    req,
  });
  publishChange(action, user.id, article, after);
  return getArticle(user, id, req);
}

/** Deletes a draft (nothing else: published articles are unpublished, keeping their history). */
export async function deleteArticle(user: CurrentUser, id: string, req?: Request): Promise<void> {
  const { article, channel, viewer } = await loadReadableArticle(user, id, req);
  if (!newsAbilities(viewer, article, channel).delete) {
    throw await deny(user, 'news.delete', { type: 'news_article', id }, req);
  }
  const deleted = await articleLock(id, async () => {
    const res = await ArticleModel.deleteOne({
      _id: article._id,
      status: 'draft',
      rev: article.rev,
    });
    if (res.deletedCount !== 1) return false;
    await ArticleBodyModel.deleteOne({ _id: article._id });
    await noteArticleWritten(id, null);
    return true;
  });
  if (!deleted) throw conflict('The article was changed in the meantime.');
  await audit({
    action: 'news.delete',
    actorId: user.id,
    subjectType: 'news_article',
    subjectId: id,
    req,
  });
  publishChange('deleted', user.id, article, null);
}

import { z } from 'zod';
import {
  articleIdParams,
  createArticleSchema,
  newsListQuerySchema,
  transitionSchema,
  updateArticleSchema,
} from '@shared/news/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { deny } from '../audit/deny';
import { channelRoutes } from './channel.routes';
import { loadReadableArticle } from './news.access';
import { listNews, unreadCount } from './news.feed';
import { canReadAsReader, newsAbilities } from './news.policy';
import { presentContext, presentHistory } from './news.presenter';
import { createArticle, getArticle, updateArticle } from './news.service';
import { bumpReads } from './news.stats';
import { deleteArticle, transition, type Transition } from './news.transitions';
import { markRead } from './reader-state';

const transitionRoute = (t: Transition, summary: string) =>
  defineRoute({
    method: 'post',
    path: `/api/news/:id/${t}`,
    tag: 'news',
    summary,
    access: 'user',
    params: articleIdParams,
    body: transitionSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await transition(user, params.id, t, body, req),
    }),
  });

export const newsRoutes: RouteDef[] = [
  // Before `/api/news/:id`, so `channels` is not taken for an id.
  ...channelRoutes,
  defineRoute({
    method: 'get',
    path: '/api/news',
    tag: 'news',
    summary:
      'Articles for the viewer (pinned first, newest; cursor; filters; editors: status, previewAs)',
    access: 'user',
    query: newsListQuerySchema,
    handler: ({ user, query, req }) => listNews(user, query, req),
  }),
  defineRoute({
    method: 'get',
    path: '/api/news/unread-count',
    tag: 'news',
    summary: 'Number of live articles in the viewer’s audience they have not read',
    access: 'user',
    response: z.object({ count: z.number().int() }),
    handler: async ({ user }) => ({ data: { count: await unreadCount(user) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/news',
    tag: 'news',
    summary: 'Create a draft (client-generated id: a retried create returns the stored article)',
    access: 'user',
    body: createArticleSchema,
    handler: async ({ user, body, req, res }) => {
      const data = await createArticle(user, body, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/news/:id',
    tag: 'news',
    summary: 'One article with its bodies (404 outside the audience)',
    access: 'user',
    params: articleIdParams,
    handler: async ({ user, params, req }) => ({ data: await getArticle(user, params.id, req) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/news/:id',
    tag: 'news',
    summary: 'Save an article (whole editable state; 409 when `rev` is stale)',
    access: 'user',
    params: articleIdParams,
    body: updateArticleSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await updateArticle(user, params.id, body, req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/news/:id',
    tag: 'news',
    summary: 'Delete a draft',
    access: 'user',
    params: articleIdParams,
    handler: async ({ user, params, req, res }) => {
      await deleteArticle(user, params.id, req);
      res.status(204).end();
      return undefined;
    },
  }),
  transitionRoute('submit', 'Ask for approval (channels that require it)'),
  transitionRoute('approve', 'Approve (another person): publish or schedule'),
  transitionRoute('reject', 'Send back to draft'),
  transitionRoute('publish', 'Publish now, or schedule when `publishAt` lies ahead'),
  transitionRoute('unpublish', 'Take down (archived)'),
  defineRoute({
    method: 'get',
    path: '/api/news/:id/history',
    tag: 'news',
    summary: 'Edit history (authors and editors of the channel)',
    access: 'user',
    params: articleIdParams,
    handler: async ({ user, params, req }) => {
      const { article, channel, viewer } = await loadReadableArticle(user, params.id, req);
      if (!newsAbilities(viewer, article, channel).viewHistory) {
        throw await deny(user, 'news.history', { type: 'news_article', id: params.id }, req);
      }
      const ctx = await presentContext(viewer, [article], null);
      return { data: presentHistory(article, ctx) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/news/:id/read',
    tag: 'news',
    summary: 'Mark a live article read (idempotent)',
    access: 'user',
    params: articleIdParams,
    response: z.object({ read: z.boolean() }),
    handler: async ({ user, params, req }) => {
      const { article, viewer } = await loadReadableArticle(user, params.id, req);
      // Only readers count (editors opening a draft do not).
      if (canReadAsReader(viewer, article) && (await markRead(user.id, params.id))) {
        await bumpReads(params.id);
      }
      return { data: { read: true } };
    },
  }),
];

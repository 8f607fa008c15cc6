import { articleIdParams, reactionSchema } from '@shared/news/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { setReaction } from './reaction.service';

export const reactionRoutes: RouteDef[] = [
  defineRoute({
    method: 'put',
    path: '/api/news/:id/reaction',
    tag: 'news',
    summary: 'Set own reaction (one per person); answers the new totals',
    access: 'user',
    params: articleIdParams,
    body: reactionSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await setReaction(user, params.id, body.reaction, req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/news/:id/reaction',
    tag: 'news',
    summary: 'Remove own reaction',
    access: 'user',
    params: articleIdParams,
    handler: async ({ req, user, params }) => ({
      data: await setReaction(user, params.id, null, req),
    }),
  }),
];

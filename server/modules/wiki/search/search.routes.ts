import { wikiSearchQuerySchema } from '@shared/wiki/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { searchWiki } from './search.service';

export const wikiSearchRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/wiki/search',
    tag: 'wiki',
    summary:
      'Search pages I may read by title and text (title hits first, plain-text excerpt); also the link-to-page autocomplete',
    access: 'user',
    query: wikiSearchQuerySchema,
    handler: async ({ user, query }) => ({ data: await searchWiki(user, query) }),
  }),
];

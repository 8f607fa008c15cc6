import { audienceSchema } from '@shared/org/audience';
import { defineRoute, type RouteDef } from '../../lib/route';
import { previewAudience } from './audience';

export const audienceRoutes: RouteDef[] = [
  defineRoute({
    method: 'post',
    path: '/api/audience/preview',
    tag: 'org',
    summary: 'How many active people an audience reaches, in total and per office',
    // Head counts per office are public inside the organisation (the org tree shows them too).
    access: 'user',
    body: audienceSchema,
    handler: async ({ body }) => ({ data: await previewAudience(body) }),
  }),
];

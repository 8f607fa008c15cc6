import { articleIdParams } from '@shared/news/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { setDownloadHeaders } from '../../lib/files';
import { acknowledge } from './ack.service';
import { acknowledgementCsv, acknowledgementDashboard } from './dashboard.service';

export const ackRoutes: RouteDef[] = [
  defineRoute({
    method: 'post',
    path: '/api/news/:id/acknowledge',
    tag: 'news',
    summary: 'Confirm a mandatory article ("Kenntnisnahme"); a repeat answers the first time',
    access: 'user',
    params: articleIdParams,
    handler: async ({ req, user, params }) => ({ data: await acknowledge(user, params.id, req) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/news/:id/acknowledgements',
    tag: 'news',
    summary: 'Completion per office and the people still missing (editors; audited)',
    access: 'user',
    params: articleIdParams,
    handler: async ({ req, user, params }) => ({
      data: await acknowledgementDashboard(user, params.id, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/news/:id/acknowledgements.csv',
    tag: 'news',
    summary: 'The audience with confirmation times as CSV (editors; audited)',
    access: 'user',
    params: articleIdParams,
    raw: true,
    handler: async ({ req, res, user, params }) => {
      const { filename, csv } = await acknowledgementCsv(user, params.id, req);
      const body = Buffer.from(csv, 'utf8');
      setDownloadHeaders(res, {
        filename,
        contentType: 'text/csv; charset=utf-8',
        length: body.length,
      });
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
      return undefined;
    },
  }),
];

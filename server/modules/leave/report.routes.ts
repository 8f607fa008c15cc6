import { z } from 'zod';
import { leaveYear, reportQuerySchema } from '@shared/leave/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { setDownloadHeaders } from '../../lib/files';
import { leaveReport, leaveReportCsv } from './report.service';

export const leaveReportRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/leave/reports',
    tag: 'leave',
    summary:
      'HR: leave per office for a year (entitlement, taken, planned, remaining; small offices summed)',
    access: 'user',
    query: reportQuerySchema,
    handler: async ({ user, query, req }) => ({ data: await leaveReport(user, query, req) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/leave/reports.csv',
    tag: 'leave',
    summary: 'HR: the leave report as CSV (formula-safe; audited)',
    access: 'user',
    query: z.object({ year: leaveYear }).strict(),
    raw: true,
    handler: async ({ user, query, req, res }) => {
      const { filename, csv } = await leaveReportCsv(user, query.year, req);
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

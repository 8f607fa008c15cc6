import { auditQuerySchema } from '@shared/audit/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { readAudit } from './audit.read';

export const auditRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/audit',
    tag: 'audit',
    summary: 'The audit log, newest first (admin); reading it is audited',
    access: 'user',
    query: auditQuerySchema,
    handler: ({ user, query, req }) => readAudit(user, query, req),
  }),
];

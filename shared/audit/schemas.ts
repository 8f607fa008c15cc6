import { z } from 'zod';
import { cursor, objectId, pageLimit } from '../http/fields';

export const auditQuerySchema = z
  .object({
    action: z
      .string()
      .trim()
      .max(60)
      .regex(/^[a-z0-9._-]+$/i)
      .optional(),
    actorId: objectId.optional(),
    outcome: z.enum(['success', 'failure', 'denied']).optional(),
    cursor: cursor.optional(),
    limit: pageLimit,
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

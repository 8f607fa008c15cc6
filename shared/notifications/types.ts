import { z } from 'zod';
import { cursor, objectId, pageLimit } from '../http/fields';

export interface NotificationDTO {
  id: string;
  /** i18n key under `notifications.kinds.`, rendered with `params` on the client. */
  kind: string;
  params: Record<string, string | number>;
  /** In-app path to open, always relative. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export const notificationListQuerySchema = z
  .object({
    cursor: cursor.optional(),
    limit: pageLimit,
    unread: z.enum(['true', 'false']).optional(),
  })
  .strict();
export const notificationIdParams = z.object({ id: objectId }).strict();

import { z } from 'zod';
import { cursor, line, objectId, pageLimit } from '../http/fields';

/** Kinds the portal core knows; features add their own (`<feature>.<event>`, e.g. `leave.approved`). */
export const coreNotificationKinds = ['system.notice'] as const;

/** What the viewer may do with one notification (computed by the server's policy). */
export interface NotificationAbilities {
  markRead: boolean;
}

export interface NotificationDTO {
  id: string;
  /**
   * i18n key under `notifications.kinds.`, rendered with `params` on the client.
   * For `system.notice`, `params` holds `title`, `body` (plain text, written by an admin) and `from`.
   */
  kind: string;
  params: Record<string, string | number>;
  /** In-app path to open, always relative. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
  abilities: NotificationAbilities;
}

export interface UnreadCountDTO {
  count: number;
}

export interface BroadcastResultDTO {
  /** How many active people received the notice. */
  recipients: number;
}

export const notificationListQuerySchema = z
  .object({
    cursor: cursor.optional(),
    limit: pageLimit,
    unread: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationIdParams = z.object({ id: objectId }).strict();

/** A notification kind: lower-case words joined by dots (`leave.approved`). */
export const notificationKind = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, { message: 'invalid_kind' });

/**
 * An in-app link: a path starting with one `/` (no scheme, no `//host`, no backslash), so a
 * notification can never send anyone off-site.
 */
export const inAppLink = z
  .string()
  .trim()
  .max(500)
  .regex(/^\/(?![/\\])[^\s\\]*$/, { message: 'invalid_link' });

export const broadcastAudienceSchema = z
  .object({
    all: z.literal(true).optional(),
    unitIds: z.array(objectId).max(200).optional(),
    /** With `unitIds`: also everyone in the units below them. */
    includeSubunits: z.boolean().optional(),
    userIds: z.array(objectId).max(1000).optional(),
  })
  .strict()
  .refine((a) => a.all === true || (a.unitIds?.length ?? 0) > 0 || (a.userIds?.length ?? 0) > 0, {
    message: 'audience_empty',
  });

/** Admin notice to everyone, some offices (optionally with their departments) and/or people. */
export const broadcastSchema = z
  .object({
    audience: broadcastAudienceSchema,
    title: line(140),
    body: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      // eslint-disable-next-line no-control-regex -- plain text: line breaks and tabs only
      .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, {
        message: 'invalid_characters',
      }),
    link: inAppLink.optional(),
  })
  .strict();
export type BroadcastInput = z.infer<typeof broadcastSchema>;

import type { Request } from 'express';
import { Types } from 'mongoose';
import { z } from 'zod';
import {
  inAppLink,
  notificationKind,
  type BroadcastInput,
  type BroadcastResultDTO,
  type NotificationDTO,
  type NotificationListQuery,
} from '@shared/notifications/types';
import type { ApiPage } from '@shared/http/errors';
import type { CurrentUser } from '../auth/current-user';
import { events } from '../../lib/events';
import { notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/pagination';
import { audit } from '../audit/audit.service';
import { deny } from '../audit/deny';
import { NotificationModel } from './notification.model';
import { canBroadcast, canMarkRead } from './notifications.policy';
import { presentNotification } from './notifications.presenter';
import { resolveAudience } from './audience';

/** Rows per insertMany / count round trip when notifying many people. */
const CHUNK = 1000;

const notifySchema = z
  .object({
    userId: z.string().optional(),
    userIds: z.array(z.string()).optional(),
    kind: notificationKind,
    // Flat values only; keys are plain words (FerretDB refuses keys with `.` or a leading `$`).
    params: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/),
        z.union([z.string().max(4000), z.number().finite()]),
      )
      .default({}),
    link: inAppLink.nullish(),
  })
  .strict();
export type NotifyInput = z.input<typeof notifySchema>;

/**
 * The one way features create notifications: stores one per recipient (bulk for many), then
 * publishes `notification.created` with each recipient's new unread count. Callers choose the
 * recipients (and their access to what `link` points at); duplicates are sent once.
 * Returns how many notifications were stored.
 */
export async function notify(input: NotifyInput): Promise<number> {
  const { userId, userIds, kind, params, link } = notifySchema.parse(input);
  const ids = [...new Set([...(userId ? [userId] : []), ...(userIds ?? [])])].filter((id) =>
    Types.ObjectId.isValid(id),
  );
  let stored = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const docs = await NotificationModel.insertMany(
      chunk.map((id) => ({ userId: id, kind, params, link: link ?? null })),
      { ordered: false, lean: false },
    );
    stored += docs.length;
    const counts = await unreadCounts(chunk);
    for (const doc of docs) {
      const owner = String(doc.userId);
      events.publish('notification.created', {
        userId: owner,
        notification: presentNotification(doc.toObject(), { id: owner, roles: [] }),
        unreadCount: counts.get(owner) ?? 1,
      });
    }
  }
  return stored;
}

async function unreadCounts(userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 1) {
    const id = userIds[0] as string;
    return new Map([[id, await NotificationModel.countDocuments({ userId: id, readAt: null })]]);
  }
  const rows = await NotificationModel.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: { userId: { $in: userIds.map((id) => new Types.ObjectId(id)) }, readAt: null } },
    { $group: { _id: '$userId', n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [String(r._id), r.n]));
}

export async function unreadCount(user: CurrentUser): Promise<number> {
  return NotificationModel.countDocuments({ userId: user.id, readAt: null });
}

/** The viewer's own notifications, newest first. */
export async function listNotifications(
  user: CurrentUser,
  query: NotificationListQuery,
): Promise<ApiPage<NotificationDTO>> {
  const after = decodeCursor(query.cursor);
  const filter: Record<string, unknown> = { userId: user.id };
  if (query.unread === 'true') filter.readAt = null;
  if (after) filter._id = { $lt: after };
  const rows = await NotificationModel.find(filter)
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor } = pageOf(rows, query.limit);
  return { data: page.map((n) => presentNotification(n, user)), nextCursor };
}

/** Marks one of the viewer's notifications read (idempotent). Someone else's id is a 404. */
export async function markRead(
  user: CurrentUser,
  id: string,
  req?: Request,
): Promise<NotificationDTO> {
  const existing = await NotificationModel.findById(id).lean();
  if (!existing) throw notFound();
  if (!canMarkRead(user, existing)) {
    // Audited as a refused access, answered as "not found" so ids of others reveal nothing.
    await deny(user, 'notification.read', { type: 'notification', id }, req);
    throw notFound();
  }
  if (existing.readAt) return presentNotification(existing, user);
  const updated = await NotificationModel.findOneAndUpdate(
    { _id: id, userId: user.id, readAt: null },
    { $set: { readAt: new Date() } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) {
    // Another tab marked it in the meantime.
    const now = await NotificationModel.findById(id).lean();
    if (!now) throw notFound();
    return presentNotification(now, user);
  }
  events.publish('notification.read', {
    userId: user.id,
    ids: [id],
    unreadCount: await unreadCount(user),
  });
  return presentNotification(updated, user);
}

/** Marks all of the viewer's notifications read (idempotent); returns the new unread count. */
export async function markAllRead(user: CurrentUser): Promise<{ unreadCount: number }> {
  const res = await NotificationModel.updateMany(
    { userId: user.id, readAt: null },
    { $set: { readAt: new Date() } },
  );
  const count = await unreadCount(user);
  if (res.modifiedCount > 0) {
    events.publish('notification.read', { userId: user.id, ids: 'all', unreadCount: count });
  }
  return { unreadCount: count };
}

/** Admin notice (`system.notice`) to every active person in the audience; audited. */
export async function broadcast(
  user: CurrentUser,
  input: BroadcastInput,
  req?: Request,
): Promise<BroadcastResultDTO> {
  if (!canBroadcast(user)) throw await deny(user, 'notification.broadcast', null, req);
  const recipients = await resolveAudience(input.audience);
  const stored = await notify({
    userIds: recipients,
    kind: 'system.notice',
    params: { title: input.title, body: input.body, from: user.displayName },
    link: input.link ?? null,
  });
  await audit({
    action: 'notification.broadcast',
    actorId: user.id,
    subjectType: 'notification',
    // The audience, never the text: the notices themselves hold it.
    detail: {
      all: input.audience.all ?? false,
      unitIds: input.audience.unitIds ?? [],
      includeSubunits: input.audience.includeSubunits ?? false,
      userIds: input.audience.userIds ?? [],
      recipients: stored,
    },
    req,
  });
  return { recipients: stored };
}

import type { NotificationDTO } from '@shared/notifications/types';
import type { CurrentUser } from '../auth/current-user';
import type { Notification } from './notification.model';
import { notificationAbilities } from './notifications.policy';

type Source = Pick<
  Notification,
  '_id' | 'userId' | 'kind' | 'params' | 'link' | 'readAt' | 'createdAt'
>;

/** Keeps only flat string/number params: what the client's translation can interpolate. */
function presentParams(raw: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}

/** The one shape of a notification on the wire. `viewer` is the owner (the policy checked it). */
export function presentNotification(
  n: Source,
  viewer: Pick<CurrentUser, 'id' | 'roles'>,
): NotificationDTO {
  return {
    id: String(n._id),
    kind: n.kind,
    params: presentParams(n.params),
    link: n.link ?? null,
    readAt: n.readAt ? n.readAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
    abilities: notificationAbilities(viewer, n),
  };
}

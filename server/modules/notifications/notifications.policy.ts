import type { NotificationAbilities } from '@shared/notifications/types';
import { isAdmin, type CurrentUser } from '../auth/current-user';

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;
type Subject = { userId: unknown; readAt?: Date | null };

/** A notification belongs to exactly one person; nobody else sees or marks it (not even admins). */
export const canSeeNotification = (viewer: Viewer, n: Subject) => String(n.userId) === viewer.id;

export const canMarkRead = (viewer: Viewer, n: Subject) => canSeeNotification(viewer, n);

/** System notices to many people are an administrator's tool. */
export const canBroadcast = (viewer: Viewer) => isAdmin(viewer);

export function notificationAbilities(viewer: Viewer, n: Subject): NotificationAbilities {
  return { markRead: canMarkRead(viewer, n) && !n.readAt };
}

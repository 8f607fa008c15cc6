import { logger } from '../../../lib/logger';
import { notify } from '../../notifications/notifications.service';

/**
 * Notifications of mandatory trainings (kinds `learning.mandatory_*`, texts under
 * `kinds.learning.*` in notifications.json). `notify` stores them in chunks (the audience can be
 * the whole city), so they run in the background of the request; `mandatoryNotificationsSettled`
 * lets tests wait for them.
 */
export type MandatoryKind =
  'learning.mandatory_assigned' | 'learning.mandatory_reminder' | 'learning.mandatory_overdue';

export interface MandatoryNotice {
  kind: MandatoryKind;
  courseId: string;
  title: string;
  deadline: string;
  /** Days left (reminders). */
  days?: number;
}

const pending = new Set<Promise<unknown>>();

export async function sendMandatoryNotice(
  personIds: string[],
  n: MandatoryNotice,
): Promise<number> {
  if (personIds.length === 0) return 0;
  return notify({
    userIds: personIds,
    kind: n.kind,
    params: {
      course: n.title,
      deadline: n.deadline,
      ...(n.days !== undefined ? { count: n.days } : {}),
    },
    link: `/learning/courses/${n.courseId}`,
  });
}

/** Sends without making the caller wait (failures are logged). */
export function sendInBackground(personIds: string[], n: MandatoryNotice): void {
  if (personIds.length === 0) return;
  const p = sendMandatoryNotice(personIds, n)
    .catch((err: unknown) => logger.warn({ err, kind: n.kind }, 'mandatory notification failed'))
    .finally(() => pending.delete(p));
  pending.add(p);
}

/** Tests: waits until every background notification is stored. */
export async function mandatoryNotificationsSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

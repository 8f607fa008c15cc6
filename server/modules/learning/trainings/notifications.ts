import { events } from '../../../lib/events';
import { logger } from '../../../lib/logger';
import { approverInfo } from '../../leave/approver';
import { todayInBerlin } from '../../leave/holidays';
import { notify } from '../../notifications/notifications.service';
import { directoryRows, peopleFromDirectory } from '../../people/directory-index';
import type { LearningEvents } from '../learning.events';
import { courseById } from '../courses/course-index';
import { registrationIndex } from './registration-index';

type Change = LearningEvents['learning.registration_changed'];

const INBOX = '/learning/registrations';
const courseLink = (courseId: string) => `/learning/courses/${courseId}`;

/** Every active HR person but `except`. */
export async function hrPeople(except: string): Promise<string[]> {
  return (await directoryRows())
    .filter((r) => r.active && r.roles.includes('hr') && r.id !== except)
    .map((r) => r.id);
}

/** The person's notification for a change, if any (kind without the `learning.` prefix). */
function personKind(e: Change): string | null {
  if (e.action === 'moved_up') return 'registration_moved_up';
  if (e.after === 'rejected') return 'registration_rejected';
  if (e.after === 'cancelled') return e.actorId === e.personId ? null : 'registration_cancelled';
  if (e.after === 'pending_hr' && e.action === 'manager_approved') return 'registration_approved';
  if (e.after === 'confirmed' && e.before !== 'confirmed') return 'registration_confirmed';
  if (e.after === 'waitlisted' && e.before !== 'waitlisted') return 'registration_waitlisted';
  return null;
}

async function onChange(e: Change): Promise<void> {
  const [row, course, [person]] = await Promise.all([
    registrationIndex().then((i) => i.get(e.registrationId)),
    courseById(e.courseId),
    peopleFromDirectory([e.personId]),
  ]);
  const reason = row?.doc.history.at(-1)?.reason ?? '';
  const params = {
    name: person?.displayName ?? '',
    course: course?.title ?? '',
    date: e.from,
    reason,
  };
  const kind = personKind(e);
  if (kind) {
    await notify({
      userId: e.personId,
      kind: `learning.${kind}`,
      params,
      link: courseLink(e.courseId),
    });
  }
  if (e.after === 'pending_manager' && e.before !== 'pending_manager') {
    const { effective } = await approverInfo(e.personId, todayInBerlin());
    if (effective && effective !== e.personId)
      await notify({
        userId: effective,
        kind: 'learning.registration_submitted',
        params,
        link: INBOX,
      });
  }
  if (e.after === 'pending_hr' && e.before !== 'pending_hr') {
    const hr = await hrPeople(e.personId);
    if (hr.length)
      await notify({ userIds: hr, kind: 'learning.registration_hr', params, link: INBOX });
  }
}

/**
 * Notifications of the registration workflow (`learning.registration_*`, texts under
 * `notifications.kinds.learning.*`): the approver on a new registration, every HR person when it
 * reaches the HR step, the person on each decision, seat, move-up and cancellation by others.
 */
export function registerTrainings(): () => void {
  const off = events.on('learning.registration_changed', (e) =>
    onChange(e).catch((err: unknown) =>
      logger.warn({ err, id: e.registrationId }, 'registration notification failed'),
    ),
  );
  return off;
}

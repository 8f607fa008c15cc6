import type { Realtime } from '../../../realtime';
import { events } from '../../../lib/events';
import { logger } from '../../../lib/logger';
import { approverInfo } from '../../leave/approver';
import { todayInBerlin } from '../../leave/holidays';
import type { LearningEvents } from '../learning.events';
import { courseById } from '../courses/course-index';
import { hrPeople } from './notifications';
import { sessionById } from './session-index';

type Change = LearningEvents['learning.registration_changed'];

/** Everyone whose registration lists change: deciders of the step left or reached, trainers, HR. */
export async function listWatchers(e: Change): Promise<Set<string>> {
  const out = new Set<string>();
  const steps = [e.before, e.after];
  if (steps.includes('pending_manager')) {
    const info = await approverInfo(e.personId, todayInBerlin());
    if (info.effective) out.add(info.effective);
  }
  // HR sees every HR step and every session's participants.
  for (const id of await hrPeople(e.personId)) out.add(id);
  const [session, course] = await Promise.all([sessionById(e.sessionId), courseById(e.courseId)]);
  for (const id of [...(session?.trainerIds ?? []), ...(course?.trainerIds ?? [])]) out.add(id);
  out.delete(e.personId);
  return out;
}

/**
 * Live registrations: `learning:registrations` to the tabs of everyone whose list changed,
 * `learning:mine` (and `learning:registrations`) to the person. Ids only; REST applies the policy.
 */
export function registerTrainingsRealtime(realtime: Realtime): () => void {
  return events.on('learning.registration_changed', (e) => {
    const payload = { registrationId: e.registrationId, sessionId: e.sessionId };
    realtime.toUser(e.personId, 'learning:mine', {});
    realtime.toUser(e.personId, 'learning:registrations', payload);
    listWatchers(e)
      .then((ids) => ids.forEach((id) => realtime.toUser(id, 'learning:registrations', payload)))
      .catch((err: unknown) => logger.warn({ err }, 'registration realtime failed'));
  });
}

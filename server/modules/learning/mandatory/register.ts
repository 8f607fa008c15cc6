import { events } from '../../../lib/events';
import { logger } from '../../../lib/logger';
import { assignmentsReady } from './assignment-index';
import { invalidateCompliance } from './compliance';
import { startReminderSweeps } from './reminders';

/**
 * Mandatory trainings' subscribers and sweeps: compliance caches follow progress and
 * registrations (assignment, people and org changes are keyed in the cache itself), and the
 * hourly reminder sweep. Realtime is `compliance.realtime.ts` (registered with the subscribers).
 */
export function registerMandatory(): () => void {
  void assignmentsReady().catch((err: unknown) =>
    logger.warn({ err }, 'assignment index warm-up failed'),
  );
  const offs = [
    events.on('learning.progress_changed', () => invalidateCompliance()),
    events.on('learning.registration_changed', () => invalidateCompliance()),
    events.on('learning.session_changed', () => invalidateCompliance()),
    startReminderSweeps(),
  ];
  return () => offs.forEach((off) => off());
}

import { logger } from '../../lib/logger';
import { warmCourseIndex } from './courses/course-index';
import { warmPublishedContent } from './courses/content';
import { registerDiscussion } from './discussion/register';
import { registerProgress } from './progress/register';
import { registerTrainings } from './trainings/notifications';
import { registerMandatory } from './mandatory/register';

/**
 * The learning module's subscribers and sweeps: each folder's `register*()` (one line each),
 * returning one stop function. The integrator calls it from `server/main.ts` after the database
 * is connected. (Realtime is registered separately in `server/modules/subscribers.ts`.)
 */
export function registerLearning(): () => void {
  // Published content after the course index (it names the current versions).
  void warmCourseIndex()
    .then(() => warmPublishedContent())
    .catch((err: unknown) => logger.warn({ err }, 'course index warm-up failed'));
  const offs: (() => void)[] = [];
  offs.push(registerDiscussion());
  offs.push(registerProgress());
  offs.push(registerTrainings());
  offs.push(registerMandatory());
  return () => offs.forEach((off) => off());
}

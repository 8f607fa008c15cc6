import { logger } from '../../../lib/logger';
import { courseIndex } from '../courses/course-index';
import { warmDiscussion } from './discussion.store';
import { registerDiscussionNotifications } from './notifications';

/**
 * The discussion's subscribers and its warm-up after start (S1's `registerLearning()` calls
 * this); returns the stop function.
 */
export function registerDiscussion(): () => void {
  courseIndex()
    .then((index) => warmDiscussion(index.byId.keys()))
    .catch((err: unknown) => logger.warn({ err }, 'discussion warm-up failed'));
  return registerDiscussionNotifications();
}

import { registerDiscussionNotifications } from './notifications';

/** The discussion's subscribers (S1's `registerLearning()` calls this); returns the stop function. */
export function registerDiscussion(): () => void {
  return registerDiscussionNotifications();
}

import { events } from '../../../lib/events';
import { notify } from '../../notifications/notifications.service';
import { courseById } from '../courses/course-index';
import { enrolmentOf, learnerIndexReady } from './learner-index';
import { certificatePath } from './progress.presenter';

/**
 * Progress notifications (texts: `notifications:kinds.learning.completed`): the learner hears once
 * that they completed a course, with a link to the certificate (self-assessments: the course).
 */
export function registerProgressNotifications(): () => void {
  return events.on('learning.progress_changed', async (e) => {
    if (!e.justCompleted) return;
    const course = await courseById(e.courseId);
    if (!course) return;
    await learnerIndexReady();
    const code = enrolmentOf(e.personId, e.courseId)?.certificateCode ?? null;
    await notify({
      userId: e.personId,
      kind: 'learning.completed',
      params: { course: course.title },
      link: code ? certificatePath(code) : `/learning/courses/${course.id}`,
    });
  });
}

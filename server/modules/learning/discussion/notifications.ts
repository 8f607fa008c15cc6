import { events } from '../../../lib/events';
import { notify } from '../../notifications/notifications.service';
import { peopleFromDirectory } from '../../people/directory-index';
import { courseById } from '../courses/course-index';
import { learnerIndexReady, learnersOf } from '../progress/learner-index';
import { courseAnnouncements, findThread } from './discussion.store';

/**
 * Discussion notifications (texts: `notifications:kinds.learning.*`):
 * - a learner's new question → the course's trainers (`learning.question`);
 * - a reply → the question's author, never the replier (`learning.answer` when a trainer or HR
 *   replied, else `learning.reply`);
 * - an announcement → every enrolled learner but the author (`learning.announcement`).
 */
const link = (courseId: string) => `/learning/courses/${courseId}`;

async function nameOf(personId: string): Promise<string> {
  const [p] = await peopleFromDirectory([personId]);
  return p?.displayName ?? '';
}

export function registerDiscussionNotifications(): () => void {
  const offs = [
    events.on('learning.discussion_changed', async (e) => {
      if (e.change === 'deleted') return;
      const course = await courseById(e.courseId);
      if (!course || course.status !== 'published') return;
      const thread = await findThread(e.courseId, e.threadId);
      if (!thread) return;
      const params = { name: await nameOf(e.actorId), course: course.title, title: thread.title };
      if (e.change === 'thread') {
        if (e.byTrainer) return;
        const trainers = course.trainerIds.filter((id) => id !== e.actorId);
        if (trainers.length) {
          await notify({
            userIds: trainers,
            kind: 'learning.question',
            params,
            link: link(course.id),
          });
        }
        return;
      }
      if (e.threadAuthorId === e.actorId) return;
      await notify({
        userId: e.threadAuthorId,
        kind: e.byTrainer ? 'learning.answer' : 'learning.reply',
        params,
        link: link(course.id),
      });
    }),
    events.on('learning.announcement_created', async (e) => {
      const course = await courseById(e.courseId);
      if (!course || course.status !== 'published') return;
      const announcement = (await courseAnnouncements(e.courseId)).find(
        (a) => a._id === e.announcementId,
      );
      await learnerIndexReady();
      const learners = learnersOf(e.courseId).filter((id) => id !== e.actorId);
      if (!learners.length) return;
      // notify() stores in chunks of 1,000 (one insertMany each): fine for thousands of learners.
      await notify({
        userIds: learners,
        kind: 'learning.announcement',
        params: {
          name: await nameOf(e.actorId),
          course: course.title,
          title: announcement?.title ?? '',
        },
        link: link(course.id),
      });
    }),
  ];
  return () => offs.forEach((off) => off());
}

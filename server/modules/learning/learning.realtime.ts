import { objectId } from '@shared/http/fields';
import type { PortalSocket, Realtime } from '../../realtime';
import { events } from '../../lib/events';
import { auditRefusedJoin } from '../audit/deny';
import { courseAccess } from './access';
import { registerTrainingsRealtime } from './trainings/trainings.realtime';

/** The Socket.IO room of the sockets that have a course open. */
export const courseRoom = (courseId: string) => `learning-course:${courseId}`;

/**
 * Live learning: `learning:watch {courseId}` joins the course's room after the course policy
 * says view or edit (ack forbidden otherwise, also for unknown courses); relays invalidations
 * with ids only, so nothing private reaches a learner (authors refetch the learners list).
 */
export function registerLearningRealtime(realtime: Realtime): () => void {
  const onConnection = (socket: PortalSocket) => {
    socket.on('learning:watch', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const id = objectId.safeParse((payload as { courseId?: unknown } | null)?.courseId);
      const user = socket.data.user;
      const refuse = () =>
        auditRefusedJoin(user?.id, 'learning:watch', {
          type: 'learning_course',
          id: id.success ? id.data : null,
        }).then(() => reply({ error: 'forbidden' }));
      if (!id.success || !user) return void refuse();
      courseAccess(user, id.data)
        .then(async (access) => {
          if (!access) return refuse();
          await socket.join(courseRoom(id.data));
          reply({ ok: true });
        })
        .catch(() => refuse());
    });
    socket.on('learning:unwatch', (payload) => {
      const id = objectId.safeParse((payload as { courseId?: unknown } | null)?.courseId);
      if (id.success) void socket.leave(courseRoom(id.data));
    });
  };
  realtime.io.on('connection', onConnection);
  const toCourse = (
    courseId: string,
    part: 'meta' | 'content' | 'discussion' | 'announcements' | 'sessions' | 'learners',
  ) => {
    if (courseId) realtime.toRoom(courseRoom(courseId), 'learning:course', { courseId, part });
  };
  const offs = [
    () => realtime.io.off('connection', onConnection),
    registerTrainingsRealtime(realtime),
    events.on('learning.course_changed', (e) =>
      toCourse(e.courseId, e.change === 'draft' || e.change === 'published' ? 'content' : 'meta'),
    ),
    events.on('learning.discussion_changed', (e) => toCourse(e.courseId, 'discussion')),
    events.on('learning.announcement_created', (e) => toCourse(e.courseId, 'announcements')),
    events.on('learning.session_changed', (e) => toCourse(e.courseId, 'sessions')),
    events.on('learning.progress_changed', (e) => {
      realtime.toUser(e.personId, 'learning:mine', {});
      toCourse(e.courseId, 'learners');
    }),
  ];
  return () => offs.forEach((off) => off());
}

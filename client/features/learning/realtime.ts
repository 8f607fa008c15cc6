import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ServerToClientEvents } from '@shared/realtime/events';
import type { PortalSocket } from '../../lib/socket';
import { listenToServer } from '../../lib/socket-events';
import { learningKeys } from './keys';

type P<K extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[K]>[0];

const invalidate = (qc: QueryClient, queryKey: readonly unknown[]) =>
  void qc.invalidateQueries({ queryKey });

/** A course changed: refetch the part that changed (ids only travel, never content). */
export function onCourseChanged(qc: QueryClient, { courseId, part }: P<'learning:course'>) {
  switch (part) {
    case 'discussion':
      return invalidate(qc, learningKeys.threads(courseId));
    case 'announcements':
      return invalidate(qc, learningKeys.announcements(courseId));
    case 'sessions':
      invalidate(qc, learningKeys.sessions(courseId));
      invalidate(qc, [...learningKeys.all, 'session']);
      return invalidate(qc, learningKeys.lists());
    case 'learners':
      return invalidate(qc, learningKeys.learners(courseId));
    default:
      // meta or content: the course page, the preview, the author's views and every list.
      invalidate(qc, learningKeys.course(courseId));
      invalidate(qc, learningKeys.lists());
      return invalidate(qc, learningKeys.mine());
  }
}

/** My courses, registrations or due trainings changed (maybe in another tab). */
export function onMine(qc: QueryClient) {
  invalidate(qc, learningKeys.mine());
  invalidate(qc, learningKeys.lists());
  invalidate(qc, [...learningKeys.all, 'record']);
  // My enrolment is part of every open course page.
  void qc.invalidateQueries({
    queryKey: [...learningKeys.all, 'course'],
    predicate: (q) => q.queryKey[3] === 'detail',
  });
}

export function onRegistrations(qc: QueryClient, { sessionId }: P<'learning:registrations'>) {
  invalidate(qc, learningKeys.decide());
  invalidate(qc, learningKeys.session(sessionId));
}

export function onCompliance(qc: QueryClient) {
  invalidate(qc, [...learningKeys.all, 'compliance']);
  invalidate(qc, learningKeys.assignments());
}

/**
 * Wires the socket's `learning:*` events into the query cache (mount once, in the realtime
 * bridge). After a reconnect that lost packets, everything of e-learning is fetched again.
 */
export function useLearningRealtime(socket: PortalSocket | null): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    return listenToServer(
      socket,
      {
        'learning:course': (p) => onCourseChanged(qc, p),
        'learning:mine': () => onMine(qc),
        'learning:registrations': (p) => onRegistrations(qc, p),
        'learning:compliance': () => onCompliance(qc),
      },
      () => invalidate(qc, learningKeys.all),
    );
  }, [socket, qc]);
}

/**
 * Receives `learning:course` of the open course: `learning:watch` now and after every reconnect
 * (rooms are per socket), `learning:unwatch` when leaving.
 */
export function useWatchCourse(socket: PortalSocket | null, courseId: string | undefined) {
  useEffect(() => {
    if (!socket || !courseId) return;
    const watch = () => socket.emit('learning:watch', { courseId }, () => undefined);
    if (socket.connected) watch();
    socket.on('connect', watch);
    return () => {
      socket.off('connect', watch);
      if (socket.connected) socket.emit('learning:unwatch', { courseId });
    };
  }, [socket, courseId]);
}

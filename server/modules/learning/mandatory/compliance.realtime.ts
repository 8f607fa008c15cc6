import type { PortalSocket, Realtime } from '../../../realtime';
import { events } from '../../../lib/events';
import { auditRefusedJoin } from '../../audit/deny';
import { allAssignments, assignmentsReady, onRemoteAssignmentChange } from './assignment-index';
import { canSeeDashboard } from './compliance.policy';

/** The Socket.IO room of open compliance dashboards (HR and chain leaders only). */
export const COMPLIANCE_ROOM = 'learning-compliance';
const DEBOUNCE_MS = 1_000;

/**
 * Live compliance dashboard: `learning:watch-compliance` joins `learning-compliance` when the
 * policy allows the aggregated view (ack `forbidden` otherwise). Progress, registration,
 * assignment and people / org changes send `learning:compliance {assignmentId}` there, debounced
 * per assignment (a course completed by 200 people in a minute is one refetch a second at most).
 * `assignmentId: null` = every assignment (people / org changes). A refetch hint only: the REST
 * answer applies the policy again.
 */
export function registerComplianceRealtime(realtime: Realtime): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const announce = (assignmentId: string | null) => {
    const key = assignmentId ?? '*';
    if (timers.has(key)) return;
    const timer = setTimeout(() => {
      timers.delete(key);
      realtime.toRoom(COMPLIANCE_ROOM, 'learning:compliance', { assignmentId });
    }, DEBOUNCE_MS);
    timer.unref();
    timers.set(key, timer);
  };
  const forCourse = async (courseId: string) => {
    await assignmentsReady();
    for (const a of allAssignments()) if (a.courseId === courseId && a.active) announce(a.id);
  };

  const onConnection = (socket: PortalSocket) => {
    socket.on('learning:watch-compliance', (ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const user = socket.data.user;
      if (!user || !canSeeDashboard({ id: user.id, roles: user.roles, leads: user.leads })) {
        void auditRefusedJoin(user?.id, 'learning:watch-compliance', null).then(() =>
          reply({ error: 'forbidden' }),
        );
        return;
      }
      Promise.resolve(socket.join(COMPLIANCE_ROOM))
        .then(() => reply({ ok: true }))
        .catch(() => reply({ error: 'forbidden' }));
    });
    socket.on('learning:unwatch-compliance', () => {
      void socket.leave(COMPLIANCE_ROOM);
    });
  };
  realtime.io.on('connection', onConnection);

  const offs = [
    events.on('learning.progress_changed', (e) => forCourse(e.courseId)),
    events.on('learning.registration_changed', (e) => forCourse(e.courseId)),
    events.on('learning.assignment_changed', (e) => announce(e.assignmentId)),
    onRemoteAssignmentChange((id) => announce(id)),
    events.on('person.created', () => announce(null)),
    events.on('person.updated', () => announce(null)),
    events.on('person.deactivated', () => announce(null)),
    events.on('unit.changed', () => announce(null)),
  ];
  return () => {
    offs.forEach((off) => off());
    realtime.io.off('connection', onConnection);
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
}

import type { RegistrationStatus } from '@shared/learning/schemas';

/**
 * Domain events of e-learning and training organisation, published by the services after a
 * successful write. Realtime (id-only invalidations), notifications, the leave calendar, the
 * compliance dashboard and search subscribe. Payloads carry ids only.
 */
export interface LearningEvents {
  /** Course meta or status changed; `published`: a new version is live (learners refetch). */
  'learning.course_changed': {
    courseId: string;
    actorId: string | null;
    change: 'created' | 'updated' | 'draft' | 'published' | 'archived' | 'restored';
    version: number;
  };
  /** A learner's enrolment or progress changed (completion included). */
  'learning.progress_changed': {
    courseId: string;
    personId: string;
    completed: boolean;
    /** True only on the write that completed the course (certificate issued). */
    justCompleted: boolean;
  };
  /** A registration was created or changed state (each applied transition, once). */
  'learning.registration_changed': {
    registrationId: string;
    sessionId: string;
    courseId: string;
    personId: string;
    actorId: string | null;
    action:
      | 'created'
      | 'manager_approved'
      | 'manager_rejected'
      | 'hr_confirmed'
      | 'hr_rejected'
      | 'confirmed'
      | 'waitlisted'
      | 'moved_up'
      | 'withdrawn'
      | 'cancelled'
      | 'session_cancelled';
    before: RegistrationStatus | null;
    after: RegistrationStatus;
    /** Days of the session (for the team calendar). */
    from: string;
    to: string;
  };
  /** A session was added, changed or cancelled. */
  'learning.session_changed': {
    sessionId: string;
    courseId: string;
    actorId: string | null;
    change: 'created' | 'updated' | 'cancelled';
  };
  /** Mandatory assignment created, changed or ended. */
  'learning.assignment_changed': { assignmentId: string; courseId: string; actorId: string | null };
  /** Discussion: a thread or reply was added or removed. */
  'learning.discussion_changed': {
    courseId: string;
    threadId: string;
    actorId: string;
    change: 'thread' | 'reply' | 'deleted';
    /** The thread's author (notified on replies), and whether a trainer wrote it. */
    threadAuthorId: string;
    byTrainer: boolean;
  };
  /** A trainer announced something to the enrolled learners. */
  'learning.announcement_created': { courseId: string; announcementId: string; actorId: string };
}

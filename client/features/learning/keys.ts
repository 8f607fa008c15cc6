import type { CourseLearnersQuery, CourseListQuery } from '@shared/learning/schemas';

/**
 * Query keys of e-learning (one factory: socket invalidations and mutations hit the same keys).
 * Helpers add keys additively. Everything of one course hangs under `course(id)`.
 */
export const learningKeys = {
  all: ['learning'] as const,
  categories: () => [...learningKeys.all, 'categories'] as const,
  lists: () => [...learningKeys.all, 'list'] as const,
  list: (q: Partial<CourseListQuery>) => [...learningKeys.lists(), q] as const,
  course: (courseId: string) => [...learningKeys.all, 'course', courseId] as const,
  /** The course as a learner sees it (published version, my enrolment). */
  detail: (courseId: string) => [...learningKeys.course(courseId), 'detail'] as const,
  /** The course as a learner would see the draft (authors only). */
  preview: (courseId: string) => [...learningKeys.course(courseId), 'preview'] as const,
  draft: (courseId: string) => [...learningKeys.course(courseId), 'draft'] as const,
  versions: (courseId: string) => [...learningKeys.course(courseId), 'versions'] as const,
  learners: (courseId: string) => [...learningKeys.course(courseId), 'learners'] as const,
  /** One filtered learners list (under `learners`: the live invalidation hits every filter). */
  learnerList: (courseId: string, q: Partial<Pick<CourseLearnersQuery, 'q' | 'status'>>) =>
    [...learningKeys.learners(courseId), q] as const,
  threads: (courseId: string) => [...learningKeys.course(courseId), 'threads'] as const,
  announcements: (courseId: string) => [...learningKeys.course(courseId), 'announcements'] as const,
  sessions: (courseId: string) => [...learningKeys.course(courseId), 'sessions'] as const,
  assessment: (courseId: string) => [...learningKeys.course(courseId), 'assessment'] as const,
  /** My newest attempt at one quiz, by my attempt count: a new attempt (here, in another tab,
   * after leaving and enrolling again) is a new key, never an old answer. */
  latestAttempt: (courseId: string, lessonId: string, attempts: number) =>
    [...learningKeys.attempts(courseId), lessonId, attempts] as const,
  attempts: (courseId: string) => [...learningKeys.course(courseId), 'attempt'] as const,
  session: (sessionId: string) => [...learningKeys.all, 'session', sessionId] as const,
  participants: (sessionId: string) =>
    [...learningKeys.session(sessionId), 'participants'] as const,
  /** Everything about me: my courses, due trainings, my registrations. */
  mine: () => [...learningKeys.all, 'mine'] as const,
  myCourses: () => [...learningKeys.mine(), 'courses'] as const,
  due: () => [...learningKeys.mine(), 'due'] as const,
  myRegistrations: () => [...learningKeys.mine(), 'registrations'] as const,
  /** Registrations waiting for my decision (manager or HR). */
  decide: () => [...learningKeys.all, 'decide'] as const,
  record: (personId: string) => [...learningKeys.all, 'record', personId] as const,
  certificate: (code: string) => [...learningKeys.all, 'certificate', code] as const,
  assignments: () => [...learningKeys.all, 'assignments'] as const,
  compliance: (assignmentId: string | null) =>
    [...learningKeys.all, 'compliance', assignmentId ?? 'all'] as const,
  compliancePeople: (assignmentId: string, unitId: string) =>
    [...learningKeys.all, 'compliance', assignmentId, 'people', unitId] as const,
};

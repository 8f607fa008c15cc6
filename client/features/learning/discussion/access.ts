import type { CourseDTO } from '@shared/learning/types';

/**
 * Who may read the discussion and announcements (the server decides; this only avoids asking
 * for a 403): the discussion is open (`discuss`), or the course is archived and I took part in
 * or teach it.
 */
export const mayReadDiscussion = (course: CourseDTO): boolean =>
  course.abilities.discuss ||
  (course.status === 'archived' && (course.enrolment !== null || course.abilities.seeLearners));

/** Asking and replying: `discuss` and the course not archived. */
export const mayPost = (course: CourseDTO): boolean =>
  course.abilities.discuss && course.status !== 'archived';

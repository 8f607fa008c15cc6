import type { CourseAbilities } from '@shared/learning/types';
import type { CourseStatus } from '@shared/learning/schemas';
import type { CourseMeta } from './course-index';

/**
 * Who may do what with a course. Pure: the facts about the viewer (audience, mandatory
 * assignment, enrolment) are looked up by `access.ts` from the in-memory read models.
 *
 * - HR (role `hr`) is the learning administrator: everything, every course.
 * - Trainers named on a course edit and publish it, see its learners, announce, manage sessions —
 *   but not the audience or trainer list (`administer`), and not archiving (HR's lifecycle call).
 * - Learners see published courses whose audience includes them, or that are assigned to them as
 *   mandatory, or that they are enrolled in. Never-published courses are invisible to them.
 *   Archived courses: only enrolled learners still open them, read-only.
 * - `admin` alone grants nothing here; a manager is a learner like anyone else.
 */
export interface CourseViewer {
  id: string;
  roles: readonly string[];
}

export interface CourseFacts {
  inAudience: boolean;
  assigned: boolean;
  enrolled: boolean;
}

export const isHr = (viewer: Pick<CourseViewer, 'roles'>): boolean => viewer.roles.includes('hr');

export const isTrainer = (
  viewer: Pick<CourseViewer, 'id'>,
  course: Pick<CourseMeta, 'trainerIds'>,
) => course.trainerIds.includes(viewer.id);

/** HR or a named trainer of this course. */
export const isAuthor = (viewer: CourseViewer, course: Pick<CourseMeta, 'trainerIds'>): boolean =>
  isHr(viewer) || isTrainer(viewer, course);

export const canCreateCourse = (roles: readonly string[]): boolean => roles.includes('hr');
export const canManageCategories = (roles: readonly string[]): boolean => roles.includes('hr');

/** The abilities as if the course had `status` (used to tell "archived" 409s from 403s). */
export function abilitiesWithStatus(
  viewer: CourseViewer,
  course: Pick<CourseMeta, 'trainerIds' | 'kind' | 'version'>,
  status: CourseStatus,
  facts: CourseFacts,
): CourseAbilities {
  const hr = isHr(viewer);
  const author = hr || isTrainer(viewer, course);
  const published = status === 'published';
  const archived = status === 'archived';
  const targeted = facts.inAudience || facts.assigned;
  const view =
    author || (published && (targeted || facts.enrolled)) || (archived && facts.enrolled);
  return {
    view,
    // Trainings are joined by registering for a session, not by enrolling.
    enrol: published && course.kind !== 'training' && (targeted || facts.enrolled),
    edit: author && !archived,
    publish: author && !archived,
    archive: hr,
    administer: hr && !archived,
    seeLearners: author,
    announce: author && published,
    discuss: published && (author || facts.enrolled),
    manageSessions: author && !archived && course.kind === 'training',
  };
}

export function courseAbilities(
  viewer: CourseViewer,
  course: CourseMeta,
  facts: CourseFacts,
): CourseAbilities {
  return abilitiesWithStatus(viewer, course, course.status, facts);
}

/** A viewer who may neither view nor edit gets "not found" (existence is not revealed). */
export const mayKnowCourse = (a: CourseAbilities): boolean => a.view || a.edit;

/** The status a restore returns to. */
export const restoredStatus = (course: Pick<CourseMeta, 'version'>): CourseStatus =>
  course.version > 0 ? 'published' : 'draft';

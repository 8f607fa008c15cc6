import type { Request } from 'express';
import type { CourseAbilities } from '@shared/learning/types';
import type { CurrentUser } from '../auth/current-user';
import { audit } from '../audit/audit.service';
import { subjectOfUser, inAudience, type AudienceSubject } from '../org/audience';
import { HttpError, forbidden, notFound } from '../../lib/errors';
import { courseById, type CourseMeta } from './courses/course-index';
import {
  abilitiesWithStatus,
  courseAbilities,
  isAuthor,
  mayKnowCourse,
  restoredStatus,
  type CourseFacts,
} from './courses/course.policy';
import { isEnrolled, learnerIndexReady } from './progress/learner-index';
import { assignmentsReady, isAssigned } from './mandatory/assignment-index';

/**
 * The one entry to course permissions for every learning module (routes, sockets, files):
 * answers from the in-memory read models (courses, learners, assignments, org). A course the
 * viewer may neither view nor edit is "not found" everywhere.
 */
export interface CourseAccess {
  course: CourseMeta;
  abilities: CourseAbilities;
  enrolled: boolean;
}

/** The read models the sync fact lookups need (call once per request or list). */
export async function learningFactsReady(): Promise<void> {
  await Promise.all([learnerIndexReady(), assignmentsReady()]);
}

/** SYNC facts about one viewer and course (after `learningFactsReady`). */
export function courseFacts(subject: AudienceSubject, course: CourseMeta): CourseFacts {
  return {
    inAudience: inAudience(course.audience, subject),
    assigned: isAssigned(course.id, subject.id),
    enrolled: isEnrolled(subject.id, course.id),
  };
}

/** Access to a known course for a viewer whose subject is known (lists). null = invisible. */
export function accessFor(
  user: Pick<CurrentUser, 'id' | 'roles'>,
  subject: AudienceSubject,
  course: CourseMeta,
): CourseAccess | null {
  const facts = courseFacts(subject, course);
  const abilities = courseAbilities(user, course, facts);
  if (!mayKnowCourse(abilities)) return null;
  return { course, abilities, enrolled: facts.enrolled };
}

/** null = unknown, or neither viewable nor editable for this person (→ 404). */
export async function courseAccess(
  user: CurrentUser,
  courseId: string,
): Promise<CourseAccess | null> {
  if (!/^[0-9a-f]{24}$/i.test(courseId)) return null;
  const [course, subject] = await Promise.all([
    courseById(courseId),
    subjectOfUser(user),
    learningFactsReady(),
  ]);
  if (!course) return null;
  return accessFor(user, subject, course);
}

/**
 * 404 when the viewer may neither view nor edit; 409 `course_archived` when only the archive
 * state stands in the way (or `invalid_transition` for restore-only abilities); else an audited 403.
 */
export async function requireCourse(
  user: CurrentUser,
  courseId: string,
  need: keyof CourseAbilities,
  req?: Request,
): Promise<CourseAccess> {
  const access = await courseAccess(user, courseId);
  if (!access) throw notFound();
  if (access.abilities[need]) return access;
  const { course } = access;
  if (course.status === 'archived') {
    const subject = await subjectOfUser(user);
    const facts = courseFacts(subject, course);
    const unarchived = abilitiesWithStatus(user, course, restoredStatus(course), facts);
    if (unarchived[need]) {
      throw new HttpError(409, 'course_archived', 'The course is archived.');
    }
  }
  await audit({
    action: `learning.course.${need}`,
    actorId: user.id,
    subjectType: 'learning_course',
    subjectId: course.id,
    outcome: 'denied',
    req,
  });
  throw forbidden();
}

/**
 * Authors only (HR, the course's trainers), also on archived courses (reading the draft, the
 * versions, the files): 404 for who may not know the course, audited 403 for other viewers.
 */
export async function requireAuthor(
  user: CurrentUser,
  courseId: string,
  action: string,
  req?: Request,
): Promise<CourseAccess> {
  const access = await courseAccess(user, courseId);
  if (!access) throw notFound();
  if (isAuthor(user, access.course)) return access;
  await audit({
    action: `learning.course.${action}`,
    actorId: user.id,
    subjectType: 'learning_course',
    subjectId: courseId,
    outcome: 'denied',
    req,
  });
  throw forbidden();
}

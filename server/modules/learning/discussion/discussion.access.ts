import type { Request } from 'express';
import type { CurrentUser } from '../../auth/current-user';
import { audit } from '../../audit/audit.service';
import { HttpError, forbidden, notFound } from '../../../lib/errors';
import { courseAccess, type CourseAccess } from '../access';
import { isAuthor } from '../courses/course.policy';
import {
  blockedByArchive,
  canAnnounce,
  canPostInDiscussion,
  canReadDiscussion,
  type DiscussionFacts,
} from './discussion.policy';

export type DiscussionNeed = 'read' | 'post' | 'announce';

export interface DiscussionAccess {
  access: CourseAccess;
  facts: DiscussionFacts;
}

export const courseArchived = () =>
  new HttpError(409, 'course_archived', 'The course is archived.');

export function factsOf(
  user: Pick<CurrentUser, 'id' | 'roles'>,
  access: CourseAccess,
): DiscussionFacts {
  return {
    abilities: access.abilities,
    status: access.course.status,
    enrolled: access.enrolled,
    author: isAuthor(user, access.course),
  };
}

const allowed: Record<DiscussionNeed, (f: DiscussionFacts) => boolean> = {
  read: canReadDiscussion,
  post: canPostInDiscussion,
  announce: canAnnounce,
};

/**
 * 404 when the viewer may not know the course (unknown, draft-only for learners, not in their
 * audience); 409 `course_archived` when only the archive stands in the way; else an audited 403.
 */
export async function requireDiscussion(
  user: CurrentUser,
  courseId: string,
  need: DiscussionNeed,
  req?: Request,
): Promise<DiscussionAccess> {
  const access = await courseAccess(user, courseId);
  if (!access) throw notFound();
  const facts = factsOf(user, access);
  if (allowed[need](facts)) return { access, facts };
  if (need === 'post' && blockedByArchive(facts)) throw courseArchived();
  if (need === 'announce' && facts.status === 'archived' && facts.author) throw courseArchived();
  await audit({
    action: `learning.discussion.${need}`,
    actorId: user.id,
    subjectType: 'learning_course',
    subjectId: courseId,
    outcome: 'denied',
    req,
  });
  throw forbidden();
}

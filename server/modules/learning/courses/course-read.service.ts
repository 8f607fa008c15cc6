import type { Request } from 'express';
import type { PersonRef } from '@shared/people/types';
import type { CourseDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { type CourseAccess, courseAccess, requireAuthor } from '../access';
import { enrolmentOf } from '../progress/learner-index';
import { presentEnrolment } from '../progress/progress.presenter';
import { deadlineFor } from '../mandatory/assignment-index';
import { nextSessionDate } from '../trainings/session-index';
import { notFound } from '../../../lib/errors';
import { categoryMap } from './category.service';
import { draftContent, publishedContent, type StoredContent } from './content';
import { courseFiles } from './file.store';
import { isAuthor } from './course.policy';
import { presentCourse } from './presenter';

export async function personRefs(ids: (string | null)[]): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const people = await peopleFromDirectory(wanted);
  return new Map(people.map((p) => [String(p._id), presentPersonRef(p)]));
}

/**
 * The course page for this viewer. Learners get the newest published version (never answers);
 * `preview` (authors) shows the draft exactly as a learner would see it.
 */
export async function courseView(
  user: CurrentUser,
  access: CourseAccess,
  preview = false,
): Promise<CourseDTO> {
  const { course, abilities } = access;
  let content: StoredContent | null;
  let version: number | 'draft';
  if (preview) {
    content = await draftContent(course.id);
    version = 'draft';
  } else {
    content = await publishedContent(course.id);
    version = course.version;
  }
  const published = preview ? await publishedContent(course.id) : content;
  const stored = enrolmentOf(user.id, course.id);
  const [files, people, categories, next] = await Promise.all([
    courseFiles(course.id),
    personRefs([...course.trainerIds, course.createdBy]),
    categoryMap(),
    course.kind === 'training' ? nextSessionDate(course.id) : Promise.resolve(null),
  ]);
  return presentCourse(course, abilities, {
    categories,
    people,
    files,
    content,
    contentVersion: version,
    enrolment: stored ? presentEnrolment(course.id, stored, published) : null,
    mandatoryDeadline: deadlineFor(course.id, user.id),
    nextSessionDate: next,
  });
}

/** GET one course: 404 unless the viewer may view it (or edit it: authors see drafts). */
export async function getCourse(
  user: CurrentUser,
  courseId: string,
  preview: boolean,
  req?: Request,
): Promise<CourseDTO> {
  const access = preview
    ? await requireAuthor(user, courseId, 'preview', req)
    : await courseAccess(user, courseId);
  if (!access) throw notFound();
  return courseView(user, access, preview);
}

/** The view after a write by this user (fresh abilities). */
export async function viewAfterWrite(user: CurrentUser, courseId: string): Promise<CourseDTO> {
  const access = await courseAccess(user, courseId);
  if (!access) throw notFound();
  return courseView(user, access, isAuthor(user, access.course));
}

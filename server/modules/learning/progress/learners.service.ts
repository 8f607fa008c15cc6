import type { Request } from 'express';
import type { CourseLearnerDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { requireCourse } from '../access';
import { publishedContent } from '../courses/content';
import { enrolmentOf, learnersOf } from './learner-index';
import { presentEnrolment } from './progress.presenter';

/**
 * The learners of a course for its authors (HR, its trainers): progress and quiz results, in
 * directory order. Deliberately NO self-assessment answers: those are the learner's alone.
 */
export async function courseLearners(
  user: CurrentUser,
  courseId: string,
  req?: Request,
): Promise<CourseLearnerDTO[]> {
  await requireCourse(user, courseId, 'seeLearners', req);
  const content = await publishedContent(courseId);
  const people = await peopleFromDirectory(learnersOf(courseId));
  const rows: { sortKey: string; dto: CourseLearnerDTO }[] = [];
  for (const p of people) {
    const e = enrolmentOf(String(p._id), courseId);
    if (!e) continue;
    const shown = presentEnrolment(courseId, e, content);
    rows.push({
      sortKey: p.sortKey,
      dto: {
        person: presentPersonRef(p),
        enrolledAt: shown.enrolledAt,
        percent: shown.percent,
        completedAt: shown.completedAt,
        quizzes: shown.quizzes,
      },
    });
  }
  return rows
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map((r) => r.dto);
}

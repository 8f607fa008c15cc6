import type { MyCourseDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { subjectOfUser } from '../../org/audience';
import { accessFor, learningFactsReady } from '../access';
import { publishedContent, type StoredContent } from '../courses/content';
import { courseIndex, type CourseMeta } from '../courses/course-index';
import { categoryMap } from '../courses/category.service';
import { presentCourseCard } from '../courses/presenter';
import { deadlineFor } from '../mandatory/assignment-index';
import { enrolmentsOf } from './learner-index';
import type { StoredEnrolment } from './learner.model';
import { presentEnrolment } from './progress.presenter';
import { percentFor, resumeLessonOf } from './progress.rules';

/**
 * "My courses": every course I am enrolled in that I can still open (archived ones included, read
 * only), in progress first (newest enrolment first), then completed (latest first). Memory only:
 * learner index, course index, cached published content.
 */
export interface MyEnrolment {
  course: CourseMeta;
  enrolment: StoredEnrolment;
  content: StoredContent | null;
  percent: number;
}

export async function myEnrolments(user: CurrentUser): Promise<MyEnrolment[]> {
  const [index, subject] = await Promise.all([
    courseIndex(),
    subjectOfUser(user),
    learningFactsReady(),
  ]);
  const rows: MyEnrolment[] = [];
  for (const [courseId, enrolment] of enrolmentsOf(user.id)) {
    const course = index.byId.get(courseId);
    if (!course || !accessFor(user, subject, course)?.abilities.view) continue;
    const content = await publishedContent(courseId);
    rows.push({ course, enrolment, content, percent: percentFor(enrolment, content) });
  }
  const time = (d: Date | null) => (d ? new Date(d).getTime() : 0);
  return rows.sort((a, b) => {
    const ac = !!a.enrolment.completedAt;
    const bc = !!b.enrolment.completedAt;
    if (ac !== bc) return ac ? 1 : -1;
    if (ac) return time(b.enrolment.completedAt) - time(a.enrolment.completedAt);
    return time(b.enrolment.enrolledAt) - time(a.enrolment.enrolledAt);
  });
}

export async function myCourses(user: CurrentUser): Promise<MyCourseDTO[]> {
  const [rows, categories, subject] = await Promise.all([
    myEnrolments(user),
    categoryMap(),
    subjectOfUser(user),
  ]);
  const out: MyCourseDTO[] = [];
  for (const r of rows) {
    const access = accessFor(user, subject, r.course);
    if (!access) continue;
    const enrolment = presentEnrolment(r.course.id, r.enrolment, r.content);
    const resume = resumeLessonOf(r.enrolment, r.content);
    out.push({
      course: presentCourseCard(r.course, access.abilities, {
        categories,
        myProgress: { percent: enrolment.percent, completedAt: enrolment.completedAt },
        mandatoryDeadline: deadlineFor(r.course.id, user.id),
        nextSessionDate: null,
      }),
      enrolment,
      resumeLesson: resume ? { id: resume.id, title: resume.title } : null,
    });
  }
  return out;
}

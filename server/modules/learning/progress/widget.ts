import type { MyCoursesWidgetDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { upcomingSessionsOf } from '../trainings/attended';
import { myEnrolments } from './my-courses.service';
import { resumeLessonOf } from './progress.rules';

const SHOWN = 5;

/** Start page "Meine Kurse": courses in progress (with where to resume) and upcoming sessions. */
export async function myCoursesWidget(user: CurrentUser): Promise<MyCoursesWidgetDTO> {
  const [rows, sessions] = await Promise.all([myEnrolments(user), upcomingSessionsOf(user.id)]);
  const open = rows.filter((r) => !r.enrolment.completedAt && r.course.status !== 'archived');
  return {
    courses: open.slice(0, SHOWN).map((r) => ({
      id: r.course.id,
      title: r.course.title,
      percent: r.percent,
      resumeLessonId: resumeLessonOf(r.enrolment, r.content)?.id ?? null,
    })),
    sessions: sessions.slice(0, SHOWN),
    total: open.length,
  };
}

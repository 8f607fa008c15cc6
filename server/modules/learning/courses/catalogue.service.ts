import type { CourseListQuery } from '@shared/learning/schemas';
import type { CourseCardDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { subjectOfUser } from '../../org/audience';
import { badRequest } from '../../../lib/errors';
import { fold } from '../../../lib/text';
import { accessFor, learningFactsReady } from '../access';
import { enrolmentOf } from '../progress/learner-index';
import { percentFor } from '../progress/progress.service';
import { deadlineFor } from '../mandatory/assignment-index';
import { nextSessionDate } from '../trainings/session-index';
import { categoryMap } from './category.service';
import { publishedContent } from './content';
import { courseIndex } from './course-index';
import { isAuthor } from './course.policy';
import { presentCourseCard } from './presenter';

/** Offset cursors: the list is computed from memory on every call. */
const encodeOffset = (n: number) => Buffer.from(`o${n}`, 'utf8').toString('base64url');
function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badRequest('Invalid cursor');
  return Number(m[1]);
}

export interface CoursePage {
  data: CourseCardDTO[];
  nextCursor: string | null;
  total: number;
}

/**
 * The catalogue (published courses I may see: audience, mandatory for me, enrolled, authored) or
 * the authoring list (HR: every course; trainers: theirs, drafts and archived included). Every
 * step is in memory: course index, org, learner index, assignments, sessions, content cache.
 */
export async function listCourses(user: CurrentUser, q: CourseListQuery): Promise<CoursePage> {
  const [index, subject, categories] = await Promise.all([
    courseIndex(),
    subjectOfUser(user),
    categoryMap(),
    learningFactsReady(),
  ]);
  const needle = q.q ? fold(q.q) : '';
  const categoryHits = new Set(
    needle
      ? [...categories.values()]
          .filter((c) => fold(`${c.name.de} ${c.name.en}`).includes(needle))
          .map((c) => c.id)
      : [],
  );
  const rows = [];
  for (const course of index.all) {
    if (q.kind && course.kind !== q.kind) continue;
    if (q.language && course.language !== q.language) continue;
    if (q.categoryId && course.categoryId !== q.categoryId) continue;
    if (q.status && course.status !== q.status) continue;
    if (q.scope === 'catalogue' && course.status !== 'published') continue;
    if (q.scope === 'manage' && !isAuthor(user, course)) continue;
    if (
      needle &&
      !course.searchKey.includes(needle) &&
      !(course.categoryId && categoryHits.has(course.categoryId))
    ) {
      continue;
    }
    const access = accessFor(user, subject, course);
    if (!access || (q.scope === 'catalogue' && !access.abilities.view)) continue;
    const deadline = deadlineFor(course.id, user.id);
    if (q.mandatory === 'true' && !deadline) continue;
    if (q.mandatory === 'false' && deadline) continue;
    rows.push({ access, deadline });
  }
  const offset = decodeOffset(q.cursor);
  const page = rows.slice(offset, offset + q.limit);
  const data = await Promise.all(
    page.map(async ({ access, deadline }) => {
      const { course, abilities } = access;
      const enrolment = enrolmentOf(user.id, course.id);
      const myProgress = enrolment
        ? {
            percent: percentFor(enrolment, await publishedContent(course.id)),
            completedAt: enrolment.completedAt
              ? new Date(enrolment.completedAt).toISOString()
              : null,
          }
        : null;
      return presentCourseCard(course, abilities, {
        categories,
        myProgress,
        mandatoryDeadline: deadline,
        nextSessionDate: course.kind === 'training' ? await nextSessionDate(course.id) : null,
      });
    }),
  );
  const next = offset + page.length;
  return { data, nextCursor: next < rows.length ? encodeOffset(next) : null, total: rows.length };
}

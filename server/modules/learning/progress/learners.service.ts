import type { Request } from 'express';
import type { CourseLearnersQuery, LearnerStatus } from '@shared/learning/schemas';
import type { CourseLearnersPage } from '@shared/learning/types';
import { badRequest } from '../../../lib/errors';
import type { CurrentUser } from '../../auth/current-user';
import { queryTerms, searchTermsOf } from '../../people/person-fields';
import type { Person } from '../../people/person.model';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { requireCourse } from '../access';
import { publishedContent } from '../courses/content';
import type { StoredEnrolment } from './learner.model';
import { enrolmentOf, learnerIndexReady, learnersOf } from './learner-index';
import { presentEnrolment } from './progress.presenter';

/** Where a learner stands: derived from the enrolment alone (not from the content version). */
export function learnerStatus(e: StoredEnrolment): LearnerStatus {
  if (e.completedAt) return 'completed';
  const started =
    e.lastLessonId !== null ||
    Object.keys(e.done).length > 0 ||
    Object.values(e.quizzes).some((q) => q.attempts > 0);
  return started ? 'in_progress' : 'not_started';
}

/** Latest of enrolled, any lesson seen, completed (ms). */
export function lastActivityOf(e: StoredEnrolment): number {
  let last = new Date(e.enrolledAt).getTime();
  if (e.completedAt) last = Math.max(last, new Date(e.completedAt).getTime());
  // ISO strings compare like their times: parse only the newest.
  let newest = '';
  for (const at of Object.values(e.done)) if (at > newest) newest = at;
  const seen = newest ? Date.parse(newest) : NaN;
  return Number.isFinite(seen) ? Math.max(last, seen) : last;
}

/**
 * Memo per stored object: the learner index replaces an enrolment object on every change and
 * the directory replaces person objects on reload, so a WeakMap never serves stale facts and a
 * 14,000-learner list is not re-derived on every page.
 */
const enrolmentFacts = new WeakMap<StoredEnrolment, { status: LearnerStatus; last: number }>();
const nameTerms = new WeakMap<Person, string[]>();

function factsOf(e: StoredEnrolment) {
  let f = enrolmentFacts.get(e);
  if (!f) enrolmentFacts.set(e, (f = { status: learnerStatus(e), last: lastActivityOf(e) }));
  return f;
}

function termsOf(p: Person): string[] {
  let t = nameTerms.get(p);
  if (!t) nameTerms.set(p, (t = searchTermsOf([p.givenName, p.familyName, p.displayName])));
  return t;
}

/** Keyset cursor: the last row's activity (ms) and person id — no gaps or doubles across pages. */
interface Key {
  last: number;
  id: string;
}
export const encodeLearnerCursor = (k: Key) =>
  Buffer.from(`${k.last}.${k.id}`, 'utf8').toString('base64url');

export function decodeLearnerCursor(cursor: string | undefined): Key | null {
  if (!cursor) return null;
  const m = /^(\d{1,15})\.([0-9a-f]{24})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badRequest('Invalid cursor');
  return { last: Number(m[1]), id: m[2] as string };
}

/** Newest activity first, then person id ascending (a total order: ids are unique). */
export const compareKeys = (a: Key, b: Key) =>
  b.last - a.last || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One page of a course's learners for its authors (HR, its trainers): progress and quiz results.
 * Everything comes from memory (learner index, directory); only the page's rows are presented.
 * Deliberately NO self-assessment answers: those are the learner's alone.
 */
export async function courseLearners(
  user: CurrentUser,
  courseId: string,
  query: CourseLearnersQuery,
  req?: Request,
): Promise<CourseLearnersPage> {
  await requireCourse(user, courseId, 'seeLearners', req);
  const after = decodeLearnerCursor(query.cursor);
  await learnerIndexReady();
  const terms = query.q ? queryTerms(query.q) : [];
  const people = await peopleFromDirectory(learnersOf(courseId));
  const rows: (Key & { person: Person; e: StoredEnrolment })[] = [];
  for (const person of people) {
    const id = String(person._id);
    const e = enrolmentOf(id, courseId);
    if (!e) continue;
    const f = factsOf(e);
    if (query.status && f.status !== query.status) continue;
    if (terms.length > 0) {
      const own = termsOf(person);
      if (!terms.every((term) => own.some((t) => t.startsWith(term)))) continue;
    }
    rows.push({ last: f.last, id, person, e });
  }
  rows.sort(compareKeys);
  const start = after ? rows.findIndex((r) => compareKeys(r, after) > 0) : 0;
  const from = start < 0 ? rows.length : start;
  const page = rows.slice(from, from + query.limit);
  const content = page.length > 0 ? await publishedContent(courseId) : null;
  const lastRow = page[page.length - 1];
  return {
    data: page.map(({ person, e, last }) => {
      const shown = presentEnrolment(courseId, e, content);
      return {
        person: presentPersonRef(person),
        enrolledAt: shown.enrolledAt,
        percent: shown.percent,
        completedAt: shown.completedAt,
        quizzes: shown.quizzes,
        status: factsOf(e).status,
        lastActivityAt: new Date(last).toISOString(),
      };
    }),
    nextCursor: lastRow && from + page.length < rows.length ? encodeLearnerCursor(lastRow) : null,
    total: rows.length,
  };
}

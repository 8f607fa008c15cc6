import { beforeAll, describe, expect, it } from 'vitest';
import type { CourseLearnerDTO, CourseLearnersPage } from '@shared/learning/types';
import { makePerson } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { PersonModel } from '../../people/person.model';
import { rememberCourse } from '../courses/course-index';
import { CourseModel } from '../courses/course.model';
import type { StoredEnrolment } from './learner.model';
import { LearnerModel } from './learner.model';
import { refreshLearner } from './learner-index';
import { get, makeCourse, makeWorld, type World } from './progress.fixtures';

useTestDatabase();

let w: World;
let course: string;
/** Person ids of the course's learners, by role in the test. */
const L: Record<'mueller' | 'fresh' | 'done' | 'a' | 'b' | 'c' | 'd', string> = {} as never;
const path = (q = '') => `/api/learning/courses/${course}/learners${q}`;

const enrolment = (enrolledAt: string, more: Partial<StoredEnrolment> = {}): StoredEnrolment => ({
  enrolledAt: new Date(enrolledAt),
  lastLessonId: null,
  done: {},
  positions: {},
  quizzes: {},
  completedAt: null,
  completedVersion: null,
  certificateCode: null,
  ...more,
});

async function enrolDirectly(personId: string, e: StoredEnrolment): Promise<void> {
  await LearnerModel.create({ _id: personId, courses: { [course]: e }, assessments: {}, rev: 1 });
  await refreshLearner(personId);
}

beforeAll(async () => {
  w = await makeWorld();
  course = await makeCourse(w);
  // The colleague trains ANOTHER course: a foreign trainer for this one.
  const other = await makeCourse(w);
  await CourseModel.updateOne({ _id: other }, { $set: { trainerIds: [w.ids.colleague] } });
  await rememberCourse(other);
  for (const k of Object.keys({ mueller: 0, fresh: 0, done: 0, a: 0, b: 0, c: 0, d: 0 })) {
    L[k as keyof typeof L] = (await makePerson({ unitId: w.unitId })).id;
  }
  await PersonModel.updateOne(
    { _id: L.mueller },
    { $set: { givenName: 'Jürgen', familyName: 'Müller', displayName: 'Jürgen Müller' } },
  );
  await enrolDirectly(
    L.mueller,
    enrolment('2026-01-01T08:00:00Z', {
      lastLessonId: 'lesson-1',
      done: { 'lesson-1': '2026-03-01T08:00:00.000Z' },
    }),
  );
  await enrolDirectly(L.fresh, enrolment('2026-01-02T08:00:00Z'));
  await enrolDirectly(
    L.done,
    enrolment('2026-01-03T08:00:00Z', {
      done: { 'lesson-1': '2026-02-10T08:00:00.000Z', 'lesson-2': '2026-02-11T08:00:00.000Z' },
      completedAt: new Date('2026-02-15T08:00:00Z'),
      completedVersion: 1,
    }),
  );
  // Same activity time for a..d: the person id decides.
  for (const k of ['a', 'b', 'c', 'd'] as const) {
    await enrolDirectly(L[k], enrolment('2026-01-05T08:00:00Z'));
  }
});

const ids = (rows: CourseLearnerDTO[]) => rows.map((r) => r.person.id);

describe('GET /api/learning/courses/:courseId/learners', () => {
  it('401 without a session; 403 for a learner and for a trainer of another course', async () => {
    const anon = (await import('supertest')).default(w.app);
    await anon.get(path()).expect(401);
    await get(w, 'learner', path()).expect(403);
    await get(w, 'colleague', path()).expect(403);
    await get(w, 'trainer', path()).expect(200);
    await get(w, 'hr', path()).expect(200);
  });

  it('400 for a bad limit, a bracket operator, an unknown status or a forged cursor', async () => {
    for (const q of [
      '?limit=0',
      '?limit=201',
      '?limit=zehn',
      '?q[$ne]=x',
      '?status[$in]=completed',
      '?status=overdue',
      '?cursor=!!',
      `?cursor=${Buffer.from('nonsense').toString('base64url')}`,
      '?sort=name',
    ]) {
      const res = await get(w, 'hr', path(q));
      expect(res.status, q).toBe(400);
    }
  });

  it('pages through every learner once: last activity first, then id; total; no answers', async () => {
    const expected = [
      L.mueller, // 2026-03-01 (lesson seen)
      L.done, // 2026-02-15 (completed)
      ...[L.a, L.b, L.c, L.d].sort(), // 2026-01-05, by id
      L.fresh, // 2026-01-02
    ];
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await get(w, 'trainer', path(q)).expect(200)).body as CourseLearnersPage;
      expect(body.total).toBe(7);
      expect(body.data.length).toBeLessThanOrEqual(3);
      seen.push(...ids(body.data));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(7);
    const first = (await get(w, 'hr', path('?limit=2')).expect(200)).body as CourseLearnersPage;
    expect(first.data[0]).toMatchObject({
      person: { id: L.mueller, displayName: 'Jürgen Müller' },
      status: 'in_progress',
      percent: 33,
      lastActivityAt: '2026-03-01T08:00:00.000Z',
    });
    expect(first.data[1]).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    // Default page size 50 holds everyone: no next cursor.
    const all = (await get(w, 'hr', path()).expect(200)).body as CourseLearnersPage;
    expect(all.data).toHaveLength(7);
    expect(all.nextCursor).toBeNull();
  });

  it('searches the name umlaut-folded: müller, mueller and muller find Jürgen Müller', async () => {
    for (const q of ['müller', 'Mueller', 'muller', 'jürg', 'JUERGEN M']) {
      const body = (await get(w, 'hr', path(`?q=${encodeURIComponent(q)}`)).expect(200))
        .body as CourseLearnersPage;
      expect(ids(body.data), q).toEqual([L.mueller]);
      expect(body.total).toBe(1);
    }
    const none = (await get(w, 'hr', path('?q=maier')).expect(200)).body as CourseLearnersPage;
    expect(none).toEqual({ data: [], nextCursor: null, total: 0 });
  });

  it('filters by status: not started, in progress, completed', async () => {
    const by = async (status: string) =>
      (await get(w, 'hr', path(`?status=${status}`)).expect(200)).body as CourseLearnersPage;
    expect(ids((await by('completed')).data)).toEqual([L.done]);
    expect(ids((await by('in_progress')).data)).toEqual([L.mueller]);
    const open = await by('not_started');
    expect(open.total).toBe(5);
    expect(ids(open.data)).toEqual([...[L.a, L.b, L.c, L.d].sort(), L.fresh]);
    const paged = (await get(w, 'hr', path('?status=not_started&limit=4')).expect(200))
      .body as CourseLearnersPage;
    const rest = (
      await get(w, 'hr', path(`?status=not_started&limit=4&cursor=${paged.nextCursor}`)).expect(200)
    ).body as CourseLearnersPage;
    expect([...ids(paged.data), ...ids(rest.data)]).toEqual(ids(open.data));
  });
});

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CertificateDTO,
  EnrolmentDTO,
  MyCourseDTO,
  QuizResultDTO,
} from '@shared/learning/types';
import { useTestDatabase } from '../../../test/db';
import { AuditModel } from '../../audit/audit.model';
import { NotificationModel } from '../../notifications/notification.model';
import { CertificateModel } from './certificate.model';
import {
  assign,
  get,
  makeCourse,
  makeWorld,
  publishVersion,
  quizLesson,
  rightAnswers,
  send,
  textLesson,
  wrongAnswers,
  type World,
} from './progress.fixtures';
import { registerProgress } from './register';
import { myCoursesWidget } from './widget';
import type { CurrentUser } from '../../auth/current-user';

useTestDatabase();

let w: World;
let course: string;
const base = (id: string) => `/api/learning/courses/${id}`;
const attempt = (answers: object, attemptId = randomUUID()) => ({ attemptId, answers });

beforeAll(async () => {
  w = await makeWorld();
  registerProgress();
  course = await makeCourse(w);
});

describe('progress routes: status codes', () => {
  it('401 without a session on every route', async () => {
    const anon = request(w.app);
    await anon.get('/api/learning/me/courses').expect(401);
    await anon.get(`/api/learning/people/${w.ids.learner}/record`).expect(401);
    await anon.get('/api/learning/certificates/ABCDEFGHJK').expect(401);
    await anon.get(`${base(course)}/assessment`).expect(401);
    await anon.get(`${base(course)}/learners`).expect(401);
    await anon.get(`${base(course)}/lessons/quiz-1/attempts/latest`).expect(401);
    for (const [method, path] of [
      ['post', '/enrol'],
      ['delete', '/enrol'],
      ['post', '/progress'],
      ['post', '/lessons/quiz-1/attempts'],
      ['put', '/assessment'],
    ] as const) {
      const res = await anon[method](`${base(course)}${path}`).send({});
      expect([401, 403]).toContain(res.status);
    }
  });

  it('404 for courses the person cannot see, draft-only courses and unknown lessons', async () => {
    const draft = await makeCourse(w, { status: 'draft' });
    await send(w, 'outsider', 'post', `${base(course)}/enrol`).expect(404);
    await send(w, 'learner', 'post', `${base(draft)}/enrol`).expect(404);
    await send(w, 'learner', 'post', `${base(draft)}/progress`, { lessonId: 'lesson-1' }).expect(
      404,
    );
    await get(w, 'outsider', `${base(course)}/learners`).expect(404);
    await send(w, 'learner', 'post', `${base(course)}/enrol`).expect(200);
    await send(w, 'learner', 'post', `${base(course)}/progress`, { lessonId: 'nope-123' }).expect(
      404,
    );
    await get(w, 'learner', '/api/learning/certificates/ZZZZZZZZZZ').expect(404);
    await get(w, 'learner', `/api/learning/people/${'0'.repeat(24)}/record`).expect(404);
    await get(w, 'outsider', `${base(course)}/lessons/quiz-1/attempts/latest`).expect(404);
    await get(w, 'learner', `${base(draft)}/lessons/quiz-1/attempts/latest`).expect(404);
    await get(w, 'learner', `${base(course)}/lessons/nope-123/attempts/latest`).expect(404);
  });

  it('400 for bad input and done on a quiz lesson', async () => {
    await send(w, 'learner', 'post', `${base(course)}/progress`, { lessonId: 'x' }).expect(400);
    await send(w, 'learner', 'post', `${base(course)}/progress`, {
      lessonId: 'quiz-1',
      done: true,
    }).expect(400);
    await send(w, 'learner', 'post', `${base(course)}/lessons/quiz-1/attempts`, {
      attemptId: 'not-a-uuid',
      answers: {},
    }).expect(400);
    await send(
      w,
      'learner',
      'post',
      `${base(course)}/lessons/lesson-1/attempts`,
      attempt({}),
    ).expect(400);
    await get(w, 'learner', `${base(course)}/lessons/lesson-1/attempts/latest`).expect(400);
    await get(w, 'learner', `${base(course)}/lessons/quiz-1/attempts/latest?x=1`).expect(400);
  });

  it("403 (audited) for learners on the learners list and on other people's records", async () => {
    await get(w, 'learner', `${base(course)}/learners`).expect(403);
    await get(w, 'colleague', `/api/learning/people/${w.ids.learner}/record`).expect(403);
    const denied = await AuditModel.countDocuments({
      action: 'learning.record.view',
      outcome: 'denied',
    });
    expect(denied).toBeGreaterThan(0);
  });

  it('409: not enrolled, trainings, leaving a mandatory or completed course', async () => {
    await send(w, 'learner2', 'post', `${base(course)}/progress`, { lessonId: 'lesson-1' })
      .expect(409)
      .expect((r) => expect(r.body.error.code).toBe('not_enrolled'));
    const training = await makeCourse(w, { kind: 'training', lessons: [] });
    await send(w, 'learner', 'post', `${base(training)}/enrol`).expect(409);
    const mandatory = await makeCourse(w);
    await send(w, 'learner3', 'post', `${base(mandatory)}/enrol`).expect(200);
    await assign(w, mandatory);
    await send(w, 'learner3', 'delete', `${base(mandatory)}/enrol`).expect(409);
  });
});

describe('enrol, progress, leave', () => {
  it('enrol is idempotent; leave removes; the raw JSON carries no answers', async () => {
    const c = await makeCourse(w);
    const first = await send(w, 'learner2', 'post', `${base(c)}/enrol`).expect(200);
    const again = await send(w, 'learner2', 'post', `${base(c)}/enrol`).expect(200);
    expect((again.body.data as EnrolmentDTO).enrolledAt).toBe(
      (first.body.data as EnrolmentDTO).enrolledAt,
    );
    const page = await get(w, 'learner2', base(c)).expect(200);
    expect(page.body.data.enrolment).toMatchObject({ courseId: c });
    for (const raw of [
      first.text,
      page.text,
      (await get(w, 'learner2', '/api/learning/me/courses')).text,
    ]) {
      expect(raw).not.toContain('"correct"');
      expect(raw).not.toContain('SECRET');
    }
    await send(w, 'learner2', 'delete', `${base(c)}/enrol`).expect(204);
    await send(w, 'learner2', 'delete', `${base(c)}/enrol`).expect(204);
    const mine = (await get(w, 'learner2', '/api/learning/me/courses')).body.data as MyCourseDTO[];
    expect(mine.map((m) => m.course.id)).not.toContain(c);
  });

  it('20 parallel progress posts keep every lesson, and complete exactly once', async () => {
    const lessons = Array.from({ length: 20 }, (_, i) => textLesson(`lesson-${i + 100}`));
    const c = await makeCourse(w, { lessons });
    await send(w, 'learner', 'post', `${base(c)}/enrol`).expect(200);
    const results = await Promise.all(
      lessons.map((l) =>
        send(w, 'learner', 'post', `${base(c)}/progress`, { lessonId: l.id, done: true }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(lessons.map(() => 200));
    // and the last lesson again, in parallel: still one completion
    await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        send(w, 'learner', 'post', `${base(c)}/progress`, {
          lessonId: 'lesson-119',
          done: true,
        }).expect(200),
      ),
    );
    const mine = (await get(w, 'learner', '/api/learning/me/courses')).body.data as MyCourseDTO[];
    const row = mine.find((m) => m.course.id === c);
    expect(Object.keys(row?.enrolment.lessonsDone ?? {})).toHaveLength(20);
    expect(row?.enrolment.percent).toBe(100);
    expect(row?.enrolment.certificateCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(await CertificateModel.countDocuments({ personId: w.ids.learner, courseId: c })).toBe(1);
    await send(w, 'learner', 'delete', `${base(c)}/enrol`).expect(409);
  });

  it('the start page widget: open courses with where to resume', async () => {
    const c = await makeCourse(w);
    await send(w, 'learner2', 'post', `${base(c)}/enrol`).expect(200);
    await send(w, 'learner2', 'post', `${base(c)}/progress`, { lessonId: 'lesson-1', done: true });
    const user: CurrentUser = {
      id: w.ids.learner2,
      username: '',
      displayName: '',
      roles: ['employee'],
      unitId: w.unitId,
      leads: [],
      sessionId: '',
    };
    const widget = await myCoursesWidget(user);
    expect(widget.courses.find((x) => x.id === c)).toMatchObject({
      percent: 33,
      resumeLessonId: 'lesson-1',
    });
    expect(widget.total).toBeGreaterThan(0);
    expect(widget.sessions).toEqual([]);
  });

  it('resume lesson, positions and my courses order (in progress first)', async () => {
    const c = await makeCourse(w);
    await send(w, 'learner', 'post', `${base(c)}/enrol`).expect(200);
    const res = await send(w, 'learner', 'post', `${base(c)}/progress`, {
      lessonId: 'lesson-2',
      position: 42,
    }).expect(200);
    expect((res.body.data as EnrolmentDTO).positions['lesson-2']).toBe(42);
    const mine = (await get(w, 'learner', '/api/learning/me/courses')).body.data as MyCourseDTO[];
    const firstDone = mine.findIndex((m) => m.enrolment.completedAt);
    const lastOpen = mine.map((m) => !m.enrolment.completedAt).lastIndexOf(true);
    expect(firstDone).toBeGreaterThan(lastOpen);
    expect(mine.find((m) => m.course.id === c)?.resumeLesson?.id).toBe('lesson-2');
  });
});

describe('quizzes', () => {
  it('grades on the server, replays by attemptId, refuses reuse, reveals answers only when over', async () => {
    const c = await makeCourse(w);
    await send(w, 'learner', 'post', `${base(c)}/enrol`).expect(200);
    await send(w, 'learner2', 'post', `${base(c)}/enrol`).expect(200);
    const url = `${base(c)}/lessons/quiz-1/attempts`;
    const id = randomUUID();
    const wrong = await send(w, 'learner', 'post', url, attempt(wrongAnswers, id)).expect(200);
    const r = wrong.body.data as QuizResultDTO;
    expect(r).toMatchObject({ score: 0, passed: false, attempts: 1, attemptsLeft: 2 });
    expect(r.questions.every((q) => q.correctOptionIds === null)).toBe(true);
    expect(wrong.text).not.toContain('right-a1');
    expect(wrong.text).not.toContain('right-d1');
    // replay: same result, not counted again
    const replay = await send(w, 'learner', 'post', url, attempt(rightAnswers, id)).expect(200);
    expect(replay.body.data).toMatchObject({ attemptId: id, score: 0, attempts: 1 });
    await send(w, 'learner2', 'post', url, attempt(rightAnswers, id))
      .expect(409)
      .expect((x) => expect(x.body.error.code).toBe('client_id_reused'));
    const pass = await send(w, 'learner', 'post', url, attempt(rightAnswers)).expect(200);
    const p = pass.body.data as QuizResultDTO;
    expect(p).toMatchObject({ score: 100, passed: true, attempts: 2 });
    expect(p.questions.find((q) => q.id === 'question-2')?.correctOptionIds?.sort()).toEqual([
      'right-c1',
      'right-d1',
    ]);
  });

  it('my last attempt: my answers back, my own only, right options once over', async () => {
    const c = await makeCourse(w);
    const latest = `${base(c)}/lessons/quiz-1/attempts/latest`;
    const url = `${base(c)}/lessons/quiz-1/attempts`;
    // Not enrolled, then enrolled without an attempt: nothing yet.
    expect((await get(w, 'learner', latest).expect(200)).body.data).toBeNull();
    await send(w, 'learner', 'post', `${base(c)}/enrol`).expect(200);
    await send(w, 'learner2', 'post', `${base(c)}/enrol`).expect(200);
    expect((await get(w, 'learner', latest).expect(200)).body.data).toBeNull();

    const first = randomUUID();
    await send(w, 'learner', 'post', url, attempt(wrongAnswers, first)).expect(200);
    const failed = await get(w, 'learner', latest).expect(200);
    expect(failed.body.data).toMatchObject({
      attemptId: first,
      answers: wrongAnswers,
      score: 0,
      passed: false,
      attempts: 1,
      attemptsLeft: 2,
    });
    expect(Date.parse((failed.body.data as QuizResultDTO).at)).not.toBeNaN();
    expect(failed.text).not.toContain('right-a1');
    // Someone else's attempt is never mine.
    expect((await get(w, 'learner2', latest).expect(200)).body.data).toBeNull();

    const second = randomUUID();
    await send(w, 'learner', 'post', url, attempt(rightAnswers, second)).expect(200);
    const passed = (await get(w, 'learner', latest).expect(200)).body.data as QuizResultDTO;
    expect(passed).toMatchObject({ attemptId: second, answers: rightAnswers, passed: true });
    expect(passed.questions.find((q) => q.id === 'question-1')?.correctOptionIds).toEqual([
      'right-a1',
    ]);
    expect(passed.olderVersion).toBe(false);

    // A new version: the attempt keeps its score and result, not its answers or marks.
    await publishVersion(c, 2, [textLesson('lesson-1'), quizLesson('quiz-1')]);
    const older = (await get(w, 'learner', latest).expect(200)).body.data as QuizResultDTO;
    expect(older).toMatchObject({
      attemptId: second,
      olderVersion: true,
      score: 100,
      passed: true,
      answers: {},
      questions: [],
    });
  });

  it('5 parallel submits with 3 attempts allowed: exactly 3 counted', async () => {
    const c = await makeCourse(w);
    await send(w, 'learner3', 'post', `${base(c)}/enrol`).expect(200);
    const url = `${base(c)}/lessons/quiz-1/attempts`;
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() => send(w, 'learner3', 'post', url, attempt(wrongAnswers))),
    );
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([200, 200, 200, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.error.code).toBe('no_attempts_left');
    }
    const last = results
      .filter((r) => r.status === 200)
      .map((r) => r.body.data as QuizResultDTO)
      .find((d) => d.attemptsLeft === 0);
    // no attempts left: the right options are shown now
    expect(last?.questions[0]?.correctOptionIds).toEqual(['right-a1']);
  });
});

describe('completion, certificate, notification, versions', () => {
  it('completes, issues a verifiable certificate, notifies; v2 lowers percent, keeps completion', async () => {
    const c = await makeCourse(w);
    for (const who of ['learner', 'learner2'] as const) {
      await send(w, who, 'post', `${base(c)}/enrol`).expect(200);
      await send(w, who, 'post', `${base(c)}/progress`, {
        lessonId: 'lesson-1',
        done: true,
      }).expect(200);
    }
    await send(w, 'learner', 'post', `${base(c)}/progress`, {
      lessonId: 'lesson-2',
      done: true,
    }).expect(200);
    const res = await send(
      w,
      'learner',
      'post',
      `${base(c)}/lessons/quiz-1/attempts`,
      attempt(rightAnswers),
    );
    const e = (res.body.data as QuizResultDTO).enrolment;
    expect(e.completedAt).not.toBeNull();
    expect(e.completedVersion).toBe(1);
    const code = e.certificateCode as string;
    const cert = (
      await get(w, 'colleague', `/api/learning/certificates/${code.toLowerCase()}`).expect(200)
    ).body.data as CertificateDTO;
    expect(cert).toMatchObject({
      code,
      courseId: c,
      version: 1,
      verifyUrl: `/learning/certificates/${code}`,
    });
    await expect
      .poll(() =>
        NotificationModel.countDocuments({ userId: w.ids.learner, kind: 'learning.completed' }),
      )
      .toBeGreaterThan(0);

    await publishVersion(c, 2, [
      textLesson('lesson-1'),
      textLesson('lesson-2'),
      quizLesson('quiz-1'),
      textLesson('lesson-new'),
    ]);
    const mine = async (who: 'learner' | 'learner2') =>
      ((await get(w, who, '/api/learning/me/courses')).body.data as MyCourseDTO[]).find(
        (m) => m.course.id === c,
      )?.enrolment;
    const open = await mine('learner2');
    expect(open?.percent).toBe(25);
    expect(open?.lessonsDone['lesson-1']).toBeTruthy();
    const done = await mine('learner');
    expect(done?.completedAt).toBe(e.completedAt);
    expect(done?.completedVersion).toBe(1);
    expect(done?.percent).toBe(75);
  });
});

describe('self-assessment and records', () => {
  const items = [
    { id: 'item-a1', area: 'Office', statement: 'Ich nutze Tabellen.' },
    { id: 'item-a2', area: 'Office', statement: 'Ich nutze Vorlagen.' },
    { id: 'item-b1', area: 'Sicherheit', statement: 'Ich erkenne Phishing.' },
  ];

  it('the result is for the learner only; nobody else gets the answers', async () => {
    const c = await makeCourse(w, { kind: 'self_assessment', lessons: [], assessment: items });
    await send(w, 'learner', 'put', `${base(c)}/assessment`, { answers: { 'item-a1': 4 } }).expect(
      400,
    );
    await send(w, 'learner', 'put', `${base(c)}/assessment`, {
      answers: { 'item-a1': 4, 'item-a2': 5, 'item-b1': 6 },
    }).expect(400);
    const put = await send(w, 'learner', 'put', `${base(c)}/assessment`, {
      answers: { 'item-a1': 4, 'item-a2': 5, 'item-b1': 2 },
    }).expect(200);
    expect(put.body.data.areas).toEqual([
      { area: 'Office', score: 4.5, items: 2 },
      { area: 'Sicherheit', score: 2, items: 1 },
    ]);
    await get(w, 'learner', `${base(c)}/assessment`).expect(200);
    for (const who of ['hr', 'trainer', 'leader', 'learner2'] as const) {
      await get(w, who, `${base(c)}/assessment`).expect(404);
    }
    const learners = await get(w, 'trainer', `${base(c)}/learners`).expect(200);
    expect(learners.body.data).toHaveLength(1);
    expect(learners.text).not.toContain('answers');
    expect(learners.text).not.toContain('item-a1');
    const hrRecord = await get(w, 'hr', `/api/learning/people/${w.ids.learner}/record`).expect(200);
    expect(hrRecord.text).not.toContain(c);
    const own = await get(w, 'learner', `/api/learning/people/${w.ids.learner}/record`).expect(200);
    expect(own.body.data.entries.map((x: { courseId: string }) => x.courseId)).toContain(c);
  });

  it('records: the person (with in progress), HR and chain leaders; others 403', async () => {
    const path = `/api/learning/people/${w.ids.learner}/record`;
    const own = (await get(w, 'learner', path).expect(200)).body.data;
    expect(own.person.id).toBe(w.ids.learner);
    expect(own.entries.some((x: { certificateCode: string | null }) => x.certificateCode)).toBe(
      true,
    );
    expect(own.inProgress.length).toBeGreaterThan(0);
    const hr = (await get(w, 'hr', path).expect(200)).body.data;
    expect(hr.inProgress).toEqual([]);
    expect(hr.entries.length).toBe(own.entries.length - 1); // without the self-assessment
    await get(w, 'leader', path).expect(200);
    await get(w, 'trainer', path).expect(403);
    await get(w, 'outsider', path).expect(403);
  });

  it('learners list for authors: progress and quiz results', async () => {
    const res = await get(w, 'hr', `${base(course)}/learners`).expect(200);
    expect(res.body.data[0]).toMatchObject({ person: { id: w.ids.learner }, percent: 0 });
  });
});

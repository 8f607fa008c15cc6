// Helpers for the e-learning browser tests: a signed-in API client for set-up steps the test
// does not click through (courses with content, sessions, registrations, assignments), content
// builders with known ids (the tests answer quizzes by them) and screenshots.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Audience } from '@shared/org/audience';
import type { CourseKind } from '@shared/learning/schemas';
import type {
  AssignmentDTO,
  CourseDTO,
  CourseDraftDTO,
  EnrolmentDTO,
  LessonFileDTO,
  QuizResultDTO,
  RegistrationDTO,
  SessionDTO,
  ThreadDTO,
} from '@shared/learning/types';
import type { UnitDTO } from '@shared/org/types';
import { expect, login, DEMO_PASSWORD } from '../fixtures';
import { ApiSession } from './chat-harness';
import { addDays, todayInBerlin, weekday } from './leave';
import { DESKTOP, e2eBase, SHOTS } from './rooms';

export { DESKTOP, PHONE, uniq, trapScripts, xssFlag } from './rooms';

/** A signed-in browser context (demo password unless given). */
export async function as(
  browser: Browser,
  username: string,
  opts: { password?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: e2eBase(),
    locale: 'de-DE',
    viewport: opts.viewport ?? DESKTOP,
  });
  const page = await context.newPage();
  await login(page, username, opts.password ?? DEMO_PASSWORD);
  return { context, page };
}

/** Saves a full-page screenshot to /tmp/shots/learning-<name>.png. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/learning-${name}.png`, fullPage: true });
}

export const everyone: Audience = { units: [], roles: [], locationIds: [] };

/** Known ids of the standard quiz (the tests choose options by their texts or ids). */
export const QUIZ = {
  lessonId: 'lesson-quiz-1',
  textLessonId: 'lesson-text-1',
  q1: 'question-single',
  q2: 'question-multiple',
};

export interface ContentOptions {
  textTitle?: string;
  textHtml?: string;
  quizTitle?: string;
  question1?: string;
  question2?: string;
  extraLessons?: unknown[];
}

/** One module: a text lesson and a quiz (single + multiple choice, 100 % to pass, 3 attempts). */
export function quizContent(o: ContentOptions = {}) {
  return {
    modules: [
      {
        id: 'module-one',
        title: 'Grundlagen',
        lessons: [
          {
            id: QUIZ.textLessonId,
            type: 'text',
            title: o.textTitle ?? 'Einführung',
            html: o.textHtml ?? '<p>Datenschutz beginnt bei der eigenen Arbeit.</p>',
          },
          ...(o.extraLessons ?? []),
          {
            id: QUIZ.lessonId,
            type: 'quiz',
            title: o.quizTitle ?? 'Wissenstest',
            quiz: {
              passingScore: 100,
              maxAttempts: 3,
              questions: [
                {
                  id: QUIZ.q1,
                  kind: 'single',
                  text: o.question1 ?? 'Wer ist für den Datenschutz verantwortlich?',
                  feedback: 'Alle Beschäftigten tragen Verantwortung.',
                  options: [
                    { id: 'q1-right', text: 'Alle Beschäftigten', correct: true },
                    { id: 'q1-wrong', text: 'Nur die IT', correct: false },
                  ],
                },
                {
                  id: QUIZ.q2,
                  kind: 'multiple',
                  text: o.question2 ?? 'Was sind personenbezogene Daten?',
                  feedback: 'Name und Adresse beziehen sich auf eine Person.',
                  options: [
                    { id: 'q2-name', text: 'Name', correct: true },
                    { id: 'q2-adresse', text: 'Adresse', correct: true },
                    { id: 'q2-wetter', text: 'Wetterbericht', correct: false },
                  ],
                },
              ],
            },
          },
        ],
      },
    ],
    assessment: [],
  };
}

export const RIGHT_ANSWERS = { [QUIZ.q1]: ['q1-right'], [QUIZ.q2]: ['q2-name', 'q2-adresse'] };

/** A working day at least `days` ahead (sessions start in the future; registration open). */
export function futureWorkday(days = 21): string {
  let d = addDays(todayInBerlin(), days);
  while (weekday(d) > 5) d = addDays(d, 1);
  return d;
}

/** A 1 s silent WAV (a real audio file: the upload classifier reads magic bytes). */
export function silentWav(seconds = 1): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * seconds);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate, 28);
  h.writeUInt16LE(1, 32);
  h.writeUInt16LE(8, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  data.fill(128);
  return Buffer.concat([h, data]);
}

export const VTT = 'WEBVTT\n\n00:00.000 --> 00:01.000\nWillkommen zum Kurs.\n';

export class LearningApi {
  constructor(readonly s: ApiSession) {}

  static async login(username: string, password = DEMO_PASSWORD, base = e2eBase()) {
    return new LearningApi(await ApiSession.login(base, username, password));
  }

  get personId() {
    return this.s.personId;
  }

  async ok<T>(method: string, path: string, body?: unknown, status = [200, 201]): Promise<T> {
    const res = await this.s.request<{ data: T }>(method, path, body);
    expect(status, `${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`).toContain(
      res.status,
    );
    return res.body?.data;
  }

  status(method: string, path: string, body?: unknown) {
    return this.s.request(method, path, body).then((r) => r.status);
  }

  /** The raw text of a GET (to look for fields that must not be there). */
  async raw(path: string): Promise<string> {
    const res = await fetch(`${this.s.base}${path}`, {
      headers: { cookie: this.s.cookie, origin: this.s.base },
    });
    return res.text();
  }

  course(courseId: string, preview = false) {
    return this.ok<CourseDTO>(
      'GET',
      `/api/learning/courses/${courseId}${preview ? '?preview=true' : ''}`,
    );
  }

  /**
   * Creates, describes, fills and publishes a course (HR or a trainer). `meta` goes through
   * PATCH (audience, costs …), `content` through PUT …/draft.
   */
  async publishCourse(input: {
    kind?: CourseKind;
    title: string;
    meta?: Record<string, unknown>;
    content?: { modules: unknown[]; assessment: unknown[] };
  }): Promise<CourseDTO> {
    const created = await this.ok<CourseDTO>('POST', '/api/learning/courses', {
      clientId: randomUUID(),
      kind: input.kind ?? 'course',
      title: input.title,
    });
    const id = created.id;
    let rev = created.rev;
    if (input.meta) {
      const patched = await this.ok<CourseDTO>('PATCH', `/api/learning/courses/${id}`, {
        rev,
        ...input.meta,
      });
      rev = patched.rev;
    }
    const draft = await this.ok<CourseDraftDTO>('GET', `/api/learning/courses/${id}/draft`);
    const saved = await this.ok<CourseDraftDTO>('PUT', `/api/learning/courses/${id}/draft`, {
      rev: draft.rev,
      ...(input.content ?? { modules: [], assessment: [] }),
    });
    await this.ok('POST', `/api/learning/courses/${id}/publish`, { rev: saved.rev });
    return this.course(id);
  }

  enrol(courseId: string) {
    return this.ok<EnrolmentDTO>('POST', `/api/learning/courses/${courseId}/enrol`, {});
  }

  markDone(courseId: string, lessonId: string) {
    return this.ok<EnrolmentDTO>('POST', `/api/learning/courses/${courseId}/progress`, {
      lessonId,
      done: true,
    });
  }

  attempt(courseId: string, lessonId: string, answers: Record<string, string[]>) {
    return this.ok<QuizResultDTO>(
      'POST',
      `/api/learning/courses/${courseId}/lessons/${lessonId}/attempts`,
      { attemptId: randomUUID(), answers },
    );
  }

  /** Enrols, reads the text lesson and passes the standard quiz. */
  async complete(courseId: string): Promise<EnrolmentDTO> {
    await this.enrol(courseId);
    await this.markDone(courseId, QUIZ.textLessonId);
    const result = await this.attempt(courseId, QUIZ.lessonId, RIGHT_ANSWERS);
    expect(result.passed).toBe(true);
    return result.enrolment;
  }

  async upload(courseId: string, purpose: string, name: string, type: string, bytes: Buffer) {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const res = await fetch(`${this.s.base}/api/learning/courses/${courseId}/files`, {
      method: 'POST',
      headers: { cookie: this.s.cookie, origin: this.s.base, 'x-csrf-token': this.s.csrf },
      body: form,
    });
    expect([200, 201], `upload ${name}: ${await res.clone().text()}`).toContain(res.status);
    return ((await res.json()) as { data: LessonFileDTO }).data;
  }

  async unitByNumber(number: string): Promise<UnitDTO> {
    const units = await this.ok<UnitDTO[]>('GET', '/api/units');
    const unit = units.find((u) => u.number === number);
    expect(unit, `unit ${number}`).toBeTruthy();
    return unit as UnitDTO;
  }

  createSession(
    courseId: string,
    input: { date?: string; seats?: number | null; place?: string } = {},
  ): Promise<SessionDTO> {
    return this.ok<SessionDTO>('POST', `/api/learning/courses/${courseId}/sessions`, {
      clientId: randomUUID(),
      days: [{ date: input.date ?? futureWorkday(), start: '09:00', end: '16:00' }],
      format: 'classroom',
      place: input.place ?? 'Rathaus, Raum 204',
      seats: input.seats ?? null,
    });
  }

  sessions(courseId: string) {
    return this.ok<SessionDTO[]>('GET', `/api/learning/courses/${courseId}/sessions`);
  }

  register(sessionId: string, note = ''): Promise<RegistrationDTO> {
    return this.ok<RegistrationDTO>('POST', `/api/learning/sessions/${sessionId}/registrations`, {
      clientId: randomUUID(),
      note,
    });
  }

  registration(id: string) {
    return this.ok<RegistrationDTO>('GET', `/api/learning/registrations/${id}`);
  }

  async approve(id: string): Promise<RegistrationDTO> {
    const r = await this.registration(id);
    return this.ok<RegistrationDTO>('POST', `/api/learning/registrations/${id}/decision`, {
      rev: r.rev,
      decision: 'approve',
    });
  }

  assign(courseId: string, audience: Audience, deadline = addDays(todayInBerlin(), 30)) {
    return this.ok<AssignmentDTO>('POST', '/api/learning/assignments', {
      clientId: randomUUID(),
      courseId,
      audience,
      deadline,
    });
  }

  thread(courseId: string, title: string, body: string) {
    return this.ok<ThreadDTO>('POST', `/api/learning/courses/${courseId}/threads`, {
      clientId: randomUUID(),
      title,
      body,
    });
  }
}

/**
 * A demo directory person without an account gets a password (admin reset), so a test can sign
 * in as a second employee of `manager`'s unit. Same password every run: idempotent.
 */
export async function signInAs(
  admin: LearningApi,
  query: string,
  username: string,
): Promise<{ api: LearningApi; username: string; password: string }> {
  const password = 'e2e-lernen-2026';
  const found = await admin.ok<{ id: string; username?: string; displayName: string }[]>(
    'GET',
    `/api/people?q=${encodeURIComponent(query)}`,
  );
  const person = found[0];
  expect(person, `person "${query}"`).toBeTruthy();
  await admin.ok('POST', `/api/people/${person!.id}/password`, { password });
  return { api: await LearningApi.login(username, password), username, password };
}

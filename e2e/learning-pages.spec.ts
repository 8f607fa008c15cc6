import type { Page } from '@playwright/test';
import { test, expect, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';
import {
  as,
  everyone,
  LearningApi,
  PHONE,
  QUIZ,
  quizContent,
  shot,
  silentWav,
  trapScripts,
  uniq,
  VTT,
  xssFlag,
} from './support/learning';

// The mandatory-training dashboard updating live, XSS payloads in every learner-visible text,
// and the learning pages on phones (390 and 320 px) with screenshots.

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test('the compliance dashboard changes without reload when a learner completes the course', async ({
  browser,
}) => {
  test.slow();
  const hrApi = await LearningApi.login('hr');
  const dept = await hrApi.unitByNumber('20-2');
  const audience = { units: [{ unitId: dept.id, withSubunits: true }], roles: [], locationIds: [] };
  const title = `Informationssicherheit ${uniq()}`;
  const course = await hrApi.publishCourse({ title, meta: { audience }, content: quizContent() });
  const assignment = await hrApi.assign(course.id, audience);
  expect(assignment.totals.assigned).toBeGreaterThan(1);
  expect(assignment.totals.done).toBe(0);

  const hr = await as(browser, 'hr');
  const page = hr.page;
  await page.goto('/learning/mandatory');
  await expect(h1(page, 'Pflichtschulungen')).toBeVisible();
  await expect(page.getByText(title).first()).toBeVisible();
  await expectNoA11yViolations(page, 'assignments');
  await shot(page, 'assignments-desktop');

  await page.goto(`/learning/compliance?assignmentId=${assignment.id}`);
  await expect(h1(page, 'Schulungsstand')).toBeVisible();
  const table = page.getByRole('table', { name: `Stand je Amt: ${title}` });
  const row = table.getByRole('row', { name: /Stadtkämmerei/ });
  const cells = row.getByRole('cell');
  await expect(cells.nth(0)).toHaveText(String(assignment.totals.assigned));
  await expect(cells.nth(1)).toHaveText('0');
  await expectNoA11yViolations(page, 'compliance');
  await shot(page, 'compliance-desktop');

  // Elsewhere, a learner of the audience completes the course.
  const learner = await LearningApi.login('employee');
  const done = await learner.complete(course.id);
  expect(done.completedAt).not.toBeNull();

  await expect(cells.nth(1)).toHaveText('1');
  await expect(cells.nth(2)).toHaveText(String(assignment.totals.assigned - 1));
  await expect(
    table
      .getByRole('row', { name: /^Gesamt/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('1');
  await hr.context.close();
});

test('script payloads in course title, lesson text, quiz question and a thread execute nothing', async ({
  browser,
}) => {
  test.slow();
  const img = (n: number) => `<img src=x onerror="window.__xss=${n}">`;
  const hrApi = await LearningApi.login('hr');
  const title = `Kurs ${img(1)} ${uniq()}`;
  const course = await hrApi.publishCourse({
    title,
    meta: { audience: everyone, summary: `Zusammenfassung ${img(2)}` },
    content: quizContent({
      textHtml: `<p>Lektion ${img(3)}</p><script>window.__xss=4</script><a href="javascript:window.__xss=5">Link</a>`,
      question1: `Frage ${img(6)}<script>window.__xss=7</script>`,
    }),
  });
  const learner = await LearningApi.login('employee');
  await learner.enrol(course.id);
  await learner.thread(
    course.id,
    `Frage ${img(8)}`,
    `Text <script>window.__xss=9</script> ${img(10)}`,
  );

  const { context, page } = await as(browser, 'employee');
  const hits = await trapScripts(context);
  await page.goto(`/learning`);
  await page.getByRole('searchbox', { name: 'Kurse durchsuchen' }).fill(title.slice(-8));
  await expect(page.getByRole('status').filter({ hasText: /^1 Kurs$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(h1(page, title)).toBeVisible();
  await page.goto(`/learning/courses/${course.id}/lessons/${QUIZ.textLessonId}`);
  await expect(page.getByText(/^Lektion /).first()).toBeVisible();
  await expect(page.locator('main a[href^="javascript:" i]')).toHaveCount(0);
  await page.goto(`/learning/courses/${course.id}/lessons/${QUIZ.lessonId}`);
  await expect(page.getByRole('group', { name: /^Frage 1 von 2: Frage <img src=x/ })).toBeVisible();
  await page.goto(`/learning/courses/${course.id}?tab=discussion`);
  await expect(page.getByText(`Frage ${img(8)}`).first()).toBeVisible();
  await page
    .getByText(`Frage ${img(8)}`)
    .first()
    .click();
  await page.waitForTimeout(500); // let any injected handler fire (a negative check)
  expect(await xssFlag(page)).toBeNull();
  expect(hits()).toEqual([]);
  await expectNoA11yViolations(page, 'discussion with payloads');
  await context.close();
});

test('learning pages reflow at 390 and 320 px (screenshots at 390)', async ({ browser }) => {
  test.slow();
  const hrApi = await LearningApi.login('hr');
  const title = `Bürgerservice mit sehr langen Wörtern wie Verwaltungsdigitalisierungsstrategie ${uniq()}`;
  // A media lesson (audio with captions and transcript) needs its files first: an empty course.
  const created = await hrApi.ok<{ id: string; rev: number }>('POST', '/api/learning/courses', {
    clientId: crypto.randomUUID(),
    kind: 'course',
    title,
  });
  const media = await hrApi.upload(
    created.id,
    'media',
    'begruessung.wav',
    'audio/wav',
    silentWav(),
  );
  const captions = await hrApi.upload(
    created.id,
    'captions',
    'begruessung.vtt',
    'text/vtt',
    Buffer.from(VTT),
  );
  const content = quizContent({
    extraLessons: [
      {
        id: 'lesson-media-1',
        type: 'media',
        title: 'Begrüßung durch die Amtsleitung',
        html: '<p>Hören Sie die kurze Begrüßung.</p>',
        mediaFileId: media.id,
        captionsFileId: captions.id,
        transcript: 'Willkommen zum Kurs.',
      },
    ],
  });
  await hrApi.ok('PATCH', `/api/learning/courses/${created.id}`, {
    rev: created.rev,
    audience: everyone,
    summary: 'Ein Kurs, dessen Titel und Texte auf kleinen Bildschirmen umbrechen müssen.',
    estimatedMinutes: 45,
  });
  const draft = await hrApi.ok<{ rev: number }>('GET', `/api/learning/courses/${created.id}/draft`);
  const saved = await hrApi.ok<{ rev: number }>(
    'PUT',
    `/api/learning/courses/${created.id}/draft`,
    {
      rev: draft.rev,
      ...content,
    },
  );
  await hrApi.ok('POST', `/api/learning/courses/${created.id}/publish`, { rev: saved.rev });
  const id = created.id;
  const learner = await LearningApi.login('employee');
  await learner.enrol(id);
  await learner.markDone(id, 'lesson-media-1');
  const enrolment = await learner.complete(id);
  const code = enrolment.certificateCode;
  expect(code).toBeTruthy();

  // A registration waiting for the manager (the inbox has something to show).
  const training = await hrApi.publishCourse({
    kind: 'training',
    title: `Zeitmanagement ${uniq()}`,
    meta: { audience: everyone, costCents: 9_900 },
  });
  const session = await hrApi.createSession(training.id, { seats: 12 });
  await learner.register(session.id, 'Für das neue Projekt.');

  // Desktop shot of the media lesson.
  const desk = await as(browser, 'employee');
  await desk.page.goto(`/learning/courses/${id}/lessons/lesson-media-1`);
  await expect(h1(desk.page, 'Begrüßung durch die Amtsleitung')).toBeVisible();
  await expect(desk.page.getByText('Willkommen zum Kurs.').first()).toBeAttached();
  await expectNoA11yViolations(desk.page, 'media lesson');
  await shot(desk.page, 'lesson-media-desktop');
  await desk.context.close();

  const pages: { who: string; path: string; name: string; heading: string | RegExp }[] = [
    { who: 'employee', path: '/learning', name: 'catalogue', heading: 'Kurskatalog' },
    { who: 'employee', path: `/learning/courses/${id}`, name: 'course', heading: title },
    {
      who: 'employee',
      path: `/learning/courses/${id}/lessons/${QUIZ.textLessonId}`,
      name: 'lesson-text',
      heading: 'Einführung',
    },
    {
      who: 'employee',
      path: `/learning/courses/${id}/lessons/lesson-media-1`,
      name: 'lesson-media',
      heading: 'Begrüßung durch die Amtsleitung',
    },
    {
      who: 'employee',
      path: `/learning/courses/${id}/lessons/${QUIZ.lessonId}`,
      name: 'quiz',
      heading: 'Wissenstest',
    },
    {
      who: 'employee',
      path: `/learning/certificates/${code}`,
      name: 'certificate',
      heading: 'Zertifikat',
    },
    { who: 'employee', path: '/learning/mine', name: 'mine', heading: 'Meine Kurse' },
    {
      who: 'employee',
      path: `/learning/courses/${training.id}?tab=sessions`,
      name: 'sessions',
      heading: /^Zeitmanagement/,
    },
    {
      who: 'manager',
      path: '/learning/registrations',
      name: 'registrations',
      heading: 'Anmeldungen entscheiden',
    },
    { who: 'hr', path: '/learning/compliance', name: 'compliance', heading: 'Schulungsstand' },
    { who: 'hr', path: '/learning/mandatory', name: 'assignments', heading: 'Pflichtschulungen' },
    { who: 'hr', path: `/learning/manage/${id}`, name: 'editor', heading: /^Kurs bearbeiten/ },
  ];
  for (const who of ['employee', 'manager', 'hr']) {
    const phone = await as(browser, who, { viewport: PHONE });
    for (const p of pages.filter((x) => x.who === who)) {
      await phone.page.setViewportSize(PHONE);
      await phone.page.goto(p.path);
      await expect(h1(phone.page, p.heading)).toBeVisible();
      await phone.page.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(phone.page);
      await shot(phone.page, `${p.name}-390`);
      await phone.page.setViewportSize({ width: 320, height: 700 });
      await expectNoHorizontalScroll(phone.page);
    }
    await phone.context.close();
  }
});

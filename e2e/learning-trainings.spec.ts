import type { Page } from '@playwright/test';
import { test, expect, expectNoA11yViolations } from './fixtures';
import { germanDay } from './support/leave';
import { as, everyone, futureWorkday, LearningApi, shot, signInAs, uniq } from './support/learning';

// Trainings in the browser, each person in their own context: a registration goes through the
// manager and HR and lands in the team calendar; a waiting list moves up when someone cancels.

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const sessionsPanel = (page: Page) => page.getByRole('region', { name: 'Termine', exact: true });

test('a paid training: employee registers, manager approves live, HR confirms, the team calendar shows the day', async ({
  browser,
}) => {
  test.slow();
  const hrApi = await LearningApi.login('hr');
  const title = `Konfliktgespräche führen ${uniq()}`;
  const course = await hrApi.publishCourse({
    kind: 'training',
    title,
    meta: { audience: everyone, costCents: 24_900, summary: 'Zwei Tage Präsenzseminar.' },
  });
  const date = futureWorkday(21);
  await hrApi.createSession(course.id, { date, seats: null });

  // The deciders keep their inboxes open.
  const boss = await as(browser, 'manager');
  await boss.page.goto('/learning/registrations');
  await expect(h1(boss.page, 'Anmeldungen entscheiden')).toBeVisible();
  const hr = await as(browser, 'hr');
  await hr.page.goto('/learning/registrations');
  await expect(h1(hr.page, 'Anmeldungen entscheiden')).toBeVisible();

  // The employee registers with a note.
  const anna = await as(browser, 'employee');
  const page = anna.page;
  await page.goto(`/learning/courses/${course.id}?tab=sessions`);
  await expect(h1(page, title)).toBeVisible();
  const panel = sessionsPanel(page);
  await expect(page.getByText(/^249,00\s€$/).first()).toBeVisible();
  await expect(panel.getByText(`${germanDay(date)}, 09:00–16:00 Uhr`)).toBeVisible();
  await expectNoA11yViolations(page, 'training sessions');
  await shot(page, 'sessions-desktop');
  await panel.getByRole('button', { name: /^Anmelden: Termin am / }).click();
  const dialog = page.getByRole('dialog', { name: 'Zum Termin anmelden' });
  await expect(
    dialog.getByText(
      'Ihre Führungskraft Markus Wagner genehmigt, danach bestätigt das Personalamt.',
    ),
  ).toBeVisible();
  await dialog
    .getByRole('textbox', { name: 'Notiz (optional)' })
    .fill('Brauche ich für die Teamleitung.');
  await expectNoA11yViolations(page, 'register dialog');
  await shot(page, 'sessions-register-dialog-desktop');
  await dialog.getByRole('button', { name: 'Anmeldung senden' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText('Wartet auf Führungskraft', { exact: true })).toBeVisible();

  // The manager sees it arrive without reloading and approves.
  const subject = `Laura Schmid – ${title}`;
  const approveBoss = boss.page.getByRole('button', { name: `Genehmigen: ${subject}` });
  await expect(approveBoss).toBeVisible();
  await expect(boss.page.getByText('Brauche ich für die Teamleitung.')).toBeVisible();
  const card = boss.page.getByRole('listitem').filter({ hasText: title });
  await expect(card.getByText(/^249,00\s€$/)).toBeVisible();
  await expectNoA11yViolations(boss.page, 'registrations inbox (manager)');
  await shot(boss.page, 'registrations-desktop');
  await approveBoss.click();
  const approveDialog = boss.page.getByRole('dialog', { name: 'Anmeldung genehmigen' });
  await approveDialog.getByRole('button', { name: 'Genehmigen', exact: true }).click();
  await expect(approveDialog).toBeHidden();
  await expect(approveBoss).toHaveCount(0);

  // HR: the HR step, live as well.
  const hrSection = hr.page.getByRole('region', { name: /^Bestätigung durch das Personalamt/ });
  const approveHr = hrSection.getByRole('button', { name: `Genehmigen: ${subject}` });
  await expect(approveHr).toBeVisible();
  await expectNoA11yViolations(hr.page, 'registrations inbox (HR step)');
  await approveHr.click();
  const hrDialog = hr.page.getByRole('dialog', { name: 'Anmeldung genehmigen' });
  await hrDialog.getByRole('textbox', { name: /Kommentar/ }).fill('Kosten übernimmt das Amt.');
  await hrDialog.getByRole('button', { name: 'Genehmigen', exact: true }).click();
  await expect(hrDialog).toBeHidden();
  await expect(approveHr).toHaveCount(0);

  // HR looks the decision up: tab "Entschieden" shows the outcome and who decided.
  const decidedTab = hr.page.getByRole('tab', { name: 'Entschieden' });
  await decidedTab.click();
  await expect(decidedTab).toHaveAttribute('aria-selected', 'true');
  const decidedCard = hr.page.getByRole('listitem').filter({ hasText: title });
  await expect(decidedCard.getByText('Vom Personalamt bestätigt').first()).toBeVisible();
  await expect(decidedCard.getByText('Heike Braun', { exact: true })).toBeVisible();
  await expectNoA11yViolations(hr.page, 'registrations inbox (decided)');

  // The employee's view follows (live; one reload allowed).
  const confirmed = panel.getByText('Bestätigt', { exact: true });
  await expect(async () => {
    if (!(await confirmed.isVisible())) await page.reload();
    await expect(confirmed).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 20_000 });
  const api = await LearningApi.login('employee');
  const [session] = await api.sessions(course.id);
  expect(session?.myRegistration?.status).toBe('confirmed');
  expect(session?.myRegistration?.history.map((h) => h.to)).toEqual([
    'pending_manager',
    'pending_hr',
    'confirmed',
  ]);

  // The manager's team calendar shows Laura's training day.
  await boss.page.goto(`/leave/calendar?month=${date.slice(0, 7)}&view=table`);
  await expect(h1(boss.page, 'Teamkalender')).toBeVisible();
  const row = boss.page
    .getByRole('table')
    .locator('tr', { has: boss.page.getByRole('rowheader', { name: 'Laura Schmid' }) })
    .filter({ hasText: 'Fortbildung' });
  await expect(row).toContainText(germanDay(date));
  await expect(row).toContainText('09:00');
  await expectNoA11yViolations(boss.page, 'team calendar with a training');
  await shot(boss.page, 'team-calendar-table-desktop');
  await boss.page.goto(`/leave/calendar?month=${date.slice(0, 7)}`);
  await expect(h1(boss.page, 'Teamkalender')).toBeVisible();
  await expect(boss.page.getByText('Fortbildung').first()).toBeVisible();
  await shot(boss.page, 'team-calendar-desktop');

  await anna.context.close();
  await boss.context.close();
  await hr.context.close();
});

test('one seat: the waitlisted person moves up live when the participant cancels', async ({
  browser,
}) => {
  test.slow();
  const hrApi = await LearningApi.login('hr');
  const admin = await LearningApi.login('admin');
  const bossApi = await LearningApi.login('manager');
  const title = `Erste Hilfe am Arbeitsplatz ${uniq()}`;
  const course = await hrApi.publishCourse({
    kind: 'training',
    title,
    meta: { audience: everyone },
  });
  const session = await hrApi.createSession(course.id, { seats: 1 });

  // A = Laura Schmid (employee), B = Ayşe Demir (same unit, signed in for this test).
  const a = await LearningApi.login('employee');
  const b = await signInAs(admin, 'Ayşe Demir', 'ayse.demir');
  const regA = await a.register(session.id);
  await bossApi.approve(regA.id);
  expect((await hrApi.approve(regA.id)).status).toBe('confirmed');
  const regB = await b.api.register(session.id);
  await bossApi.approve(regB.id);
  const waiting = await hrApi.approve(regB.id);
  expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

  // B watches the course's dates.
  const ayse = await as(browser, b.username, { password: b.password });
  await ayse.page.goto(`/learning/courses/${course.id}?tab=sessions`);
  const bPanel = sessionsPanel(ayse.page);
  await expect(bPanel.getByText('Warteliste Platz 1', { exact: true })).toBeVisible();
  await expect(bPanel.getByText(/ausgebucht/)).toBeVisible();

  // A cancels in the UI.
  const anna = await as(browser, 'employee');
  await anna.page.goto(`/learning/courses/${course.id}?tab=sessions`);
  const aPanel = sessionsPanel(anna.page);
  await expect(aPanel.getByText('Bestätigt', { exact: true })).toBeVisible();
  await aPanel.getByRole('button', { name: /^Abmelden: Termin am / }).click();
  const confirm = anna.page.getByRole('alertdialog', { name: 'Vom Termin abmelden?' });
  await expect(confirm.getByText('Ihr Platz geht an die Warteliste.')).toBeVisible();
  await expectNoA11yViolations(anna.page, 'cancel confirmation');
  await confirm.getByRole('button', { name: 'Abmelden' }).click();
  await expect(confirm).toBeHidden();
  await expect(aPanel.getByText('Abgemeldet', { exact: true })).toBeVisible();

  // B moved up: shown without reloading.
  await expect(bPanel.getByText('Bestätigt', { exact: true })).toBeVisible();
  await expect(bPanel.getByText('Warteliste Platz 1', { exact: true })).toHaveCount(0);
  await expectNoA11yViolations(ayse.page, 'moved up');
  expect((await b.api.registration(regB.id)).status).toBe('confirmed');

  await anna.context.close();
  await ayse.context.close();
});

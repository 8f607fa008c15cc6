import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';
import {
  addDays,
  annualLeaveType,
  api,
  balance,
  decide,
  futureWeekRange,
  germanDay,
  preview,
  requestLeave,
  todayInBerlin,
  weekday,
} from './support/leave';
import type { LeaveRequestDetailDTO } from '../shared/leave/types';

/**
 * The digital leave card in the browser: request with preview, approval in a second context with
 * the employee's balance updating live, returning early from a leave that has begun.
 */

async function person(
  browser: Browser,
  username: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ locale: 'de-DE', viewport });
  const page = await ctx.newPage();
  await login(page, username);
  return { ctx, page };
}

/** The value beside a label in the balance card (`<dt>label</dt><dd>value</dd>`). */
function balanceLine(page: Page, label: string): Locator {
  return page
    .locator('section', { has: page.getByRole('heading', { name: /^Urlaubsanspruch/ }) })
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

const days = (n: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(n);

test('employee requests leave with a preview, the manager approves, the card updates live', async ({
  browser,
}) => {
  test.slow();
  const anna = await person(browser, 'employee');
  const boss = await person(browser, 'manager');
  const range = futureWeekRange(2);
  const year = Number(range.from.slice(0, 4));
  const cardUrl = year === Number(todayInBerlin().slice(0, 4)) ? '/leave' : `/leave?year=${year}`;

  // A colleague (the manager is a member of the unit he leads) is away then: a conflict.
  const bossLeave = await requestLeave(boss.page, { from: range.from, to: range.from });
  expect(bossLeave.status).toBe('pending');

  const before = await balance(anna.page, year);
  await anna.page.goto(cardUrl);
  await expect(
    anna.page.getByRole('heading', { level: 1, name: 'Meine Urlaubskarte' }),
  ).toBeVisible();
  await expect(balanceLine(anna.page, 'Verfügbar')).toHaveText(days(before.available));
  await expectNoA11yViolations(anna.page, 'leave card');

  // The form: dates, live preview with days, balance after it and the colleague away.
  await anna.page.getByRole('link', { name: 'Urlaub beantragen' }).click();
  await expect(
    anna.page.getByRole('heading', { level: 1, name: 'Urlaub beantragen' }),
  ).toBeVisible();
  await anna.page.getByLabel('Erster Tag', { exact: true }).fill(range.from);
  await anna.page.getByLabel('Letzter Tag', { exact: true }).fill(range.to);
  const type = await annualLeaveType(anna.page);
  const expected = await preview(anna.page, type.id, range.from, range.to);
  expect(expected.days).toBeGreaterThan(0);
  const panel = anna.page.getByRole('region', { name: 'Vorschau' });
  await expect(panel).toContainText(
    expected.days === 1 ? 'Kostet 1 Arbeitstag' : `Kostet ${days(expected.days)} Arbeitstage`,
  );
  await expect(panel).toContainText(`Danach verfügbar: ${days(before.available - expected.days)}`);
  await expect(panel).toContainText('Entscheidet: Markus Wagner');
  await expect(panel.getByRole('status')).toContainText('Markus Wagner');
  await expect(panel.getByRole('status')).toContainText(/Achtung: .* in dieser Zeit abwesend/);
  await expectNoA11yViolations(anna.page, 'request form with preview');
  await anna.page.getByRole('button', { name: 'Antrag stellen' }).click();
  await expect(anna.page.getByRole('heading', { level: 1, name: 'Urlaubsantrag' })).toBeVisible();
  await expect(anna.page).toHaveURL(/\/leave\/requests\/[0-9a-f-]{36}$/);
  const requestId = anna.page.url().split('/').pop() as string;
  await expect(anna.page.getByText('Beantragt', { exact: true }).first()).toBeVisible();
  await expectNoA11yViolations(anna.page, 'request detail');

  // Anna keeps her card and the team calendar (table view) open; the pending days are reserved.
  await anna.page.goto(cardUrl);
  await expect(balanceLine(anna.page, 'Beantragt \\(noch offen\\)')).toHaveText(
    `− ${days(before.pending + expected.days)}`,
  );
  await expect(balanceLine(anna.page, 'Verfügbar')).toHaveText(
    days(before.available - expected.days),
  );
  await expect(balanceLine(anna.page, 'Genehmigt')).toHaveText(`− ${days(before.approved)}`);
  const calendar = await anna.ctx.newPage();
  await calendar.goto(`/leave/calendar?month=${range.from.slice(0, 7)}&view=table`);
  await expect(calendar.getByRole('heading', { level: 1, name: 'Teamkalender' })).toBeVisible();
  const annaRow = calendar
    .getByRole('table')
    .locator('tr', { has: calendar.getByRole('rowheader', { name: 'Laura Schmid' }) })
    .filter({ hasText: germanDay(range.from) });
  await expect(annaRow).toContainText('beantragt');
  await expectNoA11yViolations(calendar, 'team calendar table');

  // The manager approves from his inbox in his own browser.
  await boss.page.goto('/leave/approvals');
  await expect(
    boss.page.getByRole('heading', { level: 1, name: 'Anträge zur Entscheidung' }),
  ).toBeVisible();
  const item = boss.page
    .getByRole('list', { name: 'Offene Anträge' })
    .getByRole('listitem')
    .filter({ hasText: 'Laura Schmid' });
  await expect(item).toHaveCount(1);
  await expectNoA11yViolations(boss.page, 'approvals inbox');
  await item.getByRole('button', { name: /^Genehmigen: Laura Schmid/ }).click();
  const dialog = boss.page.getByRole('dialog', { name: 'Antrag genehmigen' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(boss.page, 'approve dialog');
  await dialog.getByRole('textbox').first().fill('Schönen Urlaub!');
  await dialog.getByRole('button', { name: 'Genehmigen' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toHaveCount(0);

  // Live in Anna's open pages (no reload): the days moved from pending to approved …
  await expect(balanceLine(anna.page, 'Genehmigt')).toHaveText(
    `− ${days(before.approved + expected.days)}`,
  );
  await expect(balanceLine(anna.page, 'Beantragt \\(noch offen\\)')).toHaveText(
    `− ${days(before.pending)}`,
  );
  await expect(
    anna.page.getByRole('listitem').filter({ hasText: germanDay(range.from) }),
  ).toContainText('Genehmigt');
  // … and the team calendar shows the leave as approved, in the table and in the month grid.
  await expect(annaRow).toContainText('genehmigt');
  await calendar.getByRole('button', { name: 'Monat', exact: true }).click();
  const gridRow = calendar
    .getByRole('region', { name: /^Abwesenheiten/ })
    .locator('tr', { has: calendar.getByRole('rowheader', { name: 'Laura Schmid' }) });
  await expect(gridRow).toContainText('genehmigt, Erholungsurlaub');
  await expectNoA11yViolations(calendar, 'team calendar grid');

  await anna.ctx.close();
  await boss.ctx.close();
});

test('return early from a leave that has begun: the unused days come back', async ({ browser }) => {
  const anna = await person(browser, 'employee');
  const boss = await person(browser, 'manager');
  const today = todayInBerlin();
  // Began some days ago, ends well after tomorrow (same year where possible).
  let from = addDays(today, -6);
  if (from.slice(0, 4) !== today.slice(0, 4)) from = `${today.slice(0, 4)}-01-01`;
  if (from === today) from = today; // 1 January: the leave starts today
  const to = addDays(today, 8);
  const leave = await requestLeave(anna.page, { from, to }, 'Herbsturlaub');
  await decide(boss.page, leave.id, 'approve');
  const year = Number(today.slice(0, 4));
  const before = await balance(anna.page, year);

  await anna.page.goto(`/leave/requests/${leave.id}`);
  await expect(anna.page.getByText('Genehmigt', { exact: true }).first()).toBeVisible();
  await anna.page.getByRole('button', { name: 'Früher zurückkehren' }).click();
  const dialog = anna.page.getByRole('alertdialog', { name: 'Urlaub vorzeitig beenden' });
  const backOn = dialog.getByLabel('Erster Arbeitstag');
  // The first day back: tomorrow (or the next weekday after it).
  let back = addDays(today, 1);
  while (weekday(back) > 5) back = addDays(back, 1);
  await backOn.fill(back);
  await expectNoA11yViolations(anna.page, 'return early dialog');
  await dialog.getByRole('button', { name: 'Urlaub verkürzen' }).click();
  await expect(dialog).toBeHidden();

  let shortened: LeaveRequestDetailDTO | undefined;
  await expect(async () => {
    shortened = await api<LeaveRequestDetailDTO>(
      anna.page,
      'GET',
      `/api/leave/requests/${leave.id}`,
    );
    expect(shortened.to < back).toBe(true);
  }).toPass();
  const s = shortened as LeaveRequestDetailDTO;
  const refunded = leave.days - s.days;
  expect(refunded).toBeGreaterThan(0);
  const after = await balance(anna.page, year);
  expect(after.approved).toBe(before.approved - refunded);
  expect(after.available).toBe(before.available + refunded);
  await expect(anna.page.getByText(`${days(s.days)}`, { exact: true }).first()).toBeVisible();
  await expect(anna.page.getByText('Verkürzt').first()).toBeVisible();

  await anna.page.goto('/leave');
  await expect(balanceLine(anna.page, 'Verfügbar')).toHaveText(days(after.available));

  await anna.ctx.close();
  await boss.ctx.close();
});

test('leave card and form reflow on phones', async ({ page }) => {
  await login(page, 'employee');
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/leave');
    await expect(page.getByRole('heading', { level: 1, name: 'Meine Urlaubskarte' })).toBeVisible();
    await expect(balanceLine(page, 'Verfügbar')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.goto('/leave/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Urlaub beantragen' })).toBeVisible();
    const range = futureWeekRange(6);
    await page.getByLabel('Erster Tag', { exact: true }).fill(range.from);
    await page.getByLabel('Letzter Tag', { exact: true }).fill(range.to);
    await expect(page.getByRole('region', { name: 'Vorschau' })).toContainText('Kostet');
    await expectNoHorizontalScroll(page);
  }
});

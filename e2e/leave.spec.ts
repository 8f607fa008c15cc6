import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';
import {
  addDays,
  annualLeaveType,
  api,
  balance,
  decide,
  futureWeekRange,
  myId,
  germanDay,
  preview,
  requestLeave,
  todayInBerlin,
} from './support/leave';
import type { LeaveRequestDetailDTO } from '../shared/leave/types';

/** With LEAVE_SHOTS=<dir> the tests also save screenshots for a look at the layout. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.LEAVE_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/leave-${name}.png`, fullPage: true });
}

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
  await shot(anna.page, 'card-1280');

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
  await shot(anna.page, 'form-1280');
  await anna.page.getByRole('button', { name: 'Antrag stellen' }).click();
  await expect(anna.page.getByRole('heading', { level: 1, name: 'Urlaubsantrag' })).toBeVisible();
  await expect(anna.page).toHaveURL(/\/leave\/requests\/[0-9a-f-]{36}$/);
  const requestId = anna.page.url().split('/').pop() as string;
  await expect(anna.page.getByText('Beantragt', { exact: true }).first()).toBeVisible();
  await expectNoA11yViolations(anna.page, 'request detail');
  await shot(anna.page, 'detail-1280');

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
  await shot(calendar, 'calendar-table-1280');

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
  await shot(boss.page, 'inbox-1280');
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
  await shot(calendar, 'calendar-grid-1280');
  const stored = await api<LeaveRequestDetailDTO>(
    anna.page,
    'GET',
    `/api/leave/requests/${requestId}`,
  );
  expect(stored.status).toBe('approved');
  expect(stored.decidedBy?.displayName).toBe('Markus Wagner');
  expect(stored.decisionComment).toBe('Schönen Urlaub!');

  await anna.ctx.close();
  await boss.ctx.close();
});

test('return early from a leave that has begun: the unused days come back', async ({ browser }) => {
  const anna = await person(browser, 'employee');
  const boss = await person(browser, 'manager');
  const today = todayInBerlin();
  // Began some days ago (possibly last year: the server splits it), ends next week.
  const from = addDays(today, -6);
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
  // Back at work today: the leave ends yesterday, today's and later days come back.
  const back = today;
  await expect(backOn).toHaveValue(back);
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
    await shot(page, `card-${width}`);
    await page.goto('/leave/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Urlaub beantragen' })).toBeVisible();
    const range = futureWeekRange(6);
    await page.getByLabel('Erster Tag', { exact: true }).fill(range.from);
    await page.getByLabel('Letzter Tag', { exact: true }).fill(range.to);
    await expect(page.getByRole('region', { name: 'Vorschau' })).toContainText('Kostet');
    await expectNoHorizontalScroll(page);
    await shot(page, `form-${width}`);
  }
});

test('the deputy decides while the manager has delegated his approvals', async ({ browser }) => {
  test.slow();
  const anna = await person(browser, 'employee');
  const boss = await person(browser, 'manager');
  const deputy = await person(browser, 'mover');
  const leave = await requestLeave(anna.page, futureWeekRange(10), 'Weiterbildung privat');

  // Before the delegation the deputy has nothing of Anna's to decide.
  await deputy.page.goto('/leave/approvals');
  await expect(
    deputy.page.getByRole('heading', { level: 1, name: 'Anträge zur Entscheidung' }),
  ).toBeVisible();
  await expect(deputy.page.getByText('Laura Schmid')).toHaveCount(0);

  // The manager hands his approvals over until the day after tomorrow, in his inbox.
  await boss.page.goto('/leave/approvals');
  const until = addDays(todayInBerlin(), 2);
  await boss.page.getByLabel('Vertretung übernimmt bis').fill(until);
  await boss.page.getByRole('button', { name: 'Vertretung festlegen' }).click();
  await expect(boss.page.getByText(/entscheidet bis einschließlich/)).toContainText(
    germanDay(until),
  );
  await expectNoA11yViolations(boss.page, 'inbox with delegation');

  // The deputy's open inbox receives the pending request and decides it.
  const item = deputy.page
    .getByRole('list', { name: 'Offene Anträge' })
    .getByRole('listitem')
    .filter({ hasText: 'Laura Schmid' });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('In Vertretung für Markus Wagner');
  await expectNoA11yViolations(deputy.page, 'deputy inbox');
  await deputy.page.setViewportSize({ width: 390, height: 800 });
  await expectNoHorizontalScroll(deputy.page);
  await shot(deputy.page, 'inbox-390');
  await item.getByRole('button', { name: /^Genehmigen: Laura Schmid/ }).click();
  const dialog = deputy.page.getByRole('dialog', { name: 'Antrag genehmigen' });
  await dialog.getByRole('button', { name: 'Genehmigen' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toHaveCount(0);
  const stored = await api<LeaveRequestDetailDTO>(
    anna.page,
    'GET',
    `/api/leave/requests/${leave.id}`,
  );
  expect(stored.status).toBe('approved');
  expect(stored.decidedBy?.id).toBe(await myId(deputy.page));

  // The manager ends the delegation: the deputy no longer decides for him.
  await boss.page.getByRole('button', { name: 'Vertretung beenden' }).click();
  await expect(boss.page.getByText(/Sie entscheiden selbst/)).toBeVisible();

  await anna.ctx.close();
  await boss.ctx.close();
  await deputy.ctx.close();
});

test('HR edits an entitlement; a reader of another office sees neither the team nor the request', async ({
  browser,
}) => {
  test.slow();
  const anna = await person(browser, 'employee');
  const hr = await person(browser, 'hr');
  const other = await person(browser, 'employee2');
  const year = Number(todayInBerlin().slice(0, 4));
  const before = await balance(anna.page, year);
  await anna.page.goto('/leave');
  await expect(balanceLine(anna.page, 'Anspruch gesamt')).toHaveText(days(before.entitlement));

  await hr.page.goto('/leave/hr');
  await expect(hr.page.getByRole('heading', { level: 1, name: 'Urlaubsverwaltung' })).toBeVisible();
  await hr.page.getByRole('searchbox', { name: 'Personen suchen' }).last().fill('Schmid');
  const row = hr.page
    .getByRole('table', { name: /^Urlaubsansprüche/ })
    .locator('tr', { has: hr.page.getByRole('rowheader', { name: /Laura Schmid/ }) });
  await expect(row).toHaveCount(1);
  await expectNoA11yViolations(hr.page, 'HR entitlements');
  await shot(hr.page, 'hr-1280');
  await row.getByRole('button', { name: 'Anspruch von Laura Schmid bearbeiten' }).click();
  const dialog = hr.page.getByRole('dialog', { name: /Laura Schmid/ });
  await dialog.getByRole('button', { name: 'Zeile hinzufügen' }).click();
  await dialog.getByLabel('Bezeichnung Zeile 1').fill('Schwerbehinderung');
  await dialog.getByLabel('Tage Zeile 1').fill('5');
  await expectNoA11yViolations(hr.page, 'entitlement dialog');
  await shot(hr.page, 'hr-edit-1280');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(days(before.entitlement + 5));
  await hr.page.setViewportSize({ width: 390, height: 800 });
  await expectNoHorizontalScroll(hr.page);
  await shot(hr.page, 'hr-390');

  // Anna's open card shows the new entitlement without a reload.
  await expect(balanceLine(anna.page, 'Anspruch gesamt')).toHaveText(days(before.entitlement + 5));
  await expect(balanceLine(anna.page, 'Schwerbehinderung')).toHaveText('5');
  const after = await balance(anna.page, year);
  expect(after.available).toBe(before.available + 5);

  // employee2 (another office): Anna's team calendar and Anna's request are closed to her.
  const units = await api<{ id: string; name: string }[]>(
    anna.page,
    'GET',
    '/api/leave/calendar/units',
  );
  const annaUnit = units.find((u) => u.name === 'Haushalt und Finanzplanung');
  expect(annaUnit, JSON.stringify(units)).toBeTruthy();
  await other.page.goto(`/leave/calendar?unit=${annaUnit?.id}&view=table`);
  await expect(other.page.getByRole('heading', { level: 1, name: 'Teamkalender' })).toBeVisible();
  await expect(other.page.getByText('Dafür fehlt Ihnen die Berechtigung.')).toBeVisible();
  await expect(other.page.getByText('Laura Schmid')).toHaveCount(0);
  const leave = await requestLeave(anna.page, futureWeekRange(12));
  await other.page.goto(`/leave/requests/${leave.id}`);
  await expect(other.page.getByRole('heading', { level: 1, name: 'Urlaubsantrag' })).toBeVisible();
  await expect(
    other.page.getByText(/Dafür fehlt Ihnen die Berechtigung|Das Gesuchte wurde nicht gefunden/),
  ).toBeVisible();
  await expect(other.page.getByText('Laura Schmid')).toHaveCount(0);
  await expectNoA11yViolations(other.page, 'request not found');
  // … and HR's page is closed to employees.
  await other.page.goto('/leave/hr');
  await expect(other.page.getByText('Diese Seite ist dem Personalamt vorbehalten.')).toBeVisible();

  await anna.ctx.close();
  await hr.ctx.close();
  await other.ctx.close();
});

test('team calendar reflows on phones (table view)', async ({ page }) => {
  await login(page, 'employee');
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/leave/calendar');
    await expect(page.getByRole('heading', { level: 1, name: 'Teamkalender' })).toBeVisible();
    // Phones start with the table; seeded colleagues are away this month or next.
    await expect(page.getByRole('button', { name: 'Tabelle' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expectNoHorizontalScroll(page);
    await shot(page, `calendar-table-${width}`);
    await page.getByRole('button', { name: 'Nächster Monat' }).click();
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Monat', exact: true }).click();
    await expect(page.getByRole('region', { name: /^Abwesenheiten/ })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, `calendar-grid-${width}`);
    await page.goto('/leave/approvals');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
});

test('the deputy receives pending approvals while the manager is on leave', async ({ browser }) => {
  test.slow();
  const admin = await person(browser, 'admin');
  const anna = await person(browser, 'employee');
  const boss = await person(browser, 'manager');
  const deputy = await person(browser, 'mover');
  // The manager's own approver (head of the office, not a demo account) gets a password.
  const found = await api<{ id: string; displayName: string; username: string }[]>(
    admin.page,
    'GET',
    '/api/people?q=Petra%20Schneider',
  );
  const head = found.find((p) => p.displayName === 'Petra Schneider');
  expect(head, JSON.stringify(found)).toBeTruthy();
  const password = 'amtsleitung-2026';
  await api(admin.page, 'POST', `/api/people/${head?.id}/password`, { password });
  const approver = await browser.newContext({ locale: 'de-DE' });
  const approverPage = await approver.newPage();
  await login(approverPage, head?.username ?? 'petra.schneider', password);

  // The manager is on approved leave that covers today.
  const today = todayInBerlin();
  const away = await requestLeave(boss.page, { from: addDays(today, -3), to: addDays(today, 3) });
  await decide(approverPage, away.id, 'approve');
  const leave = await requestLeave(anna.page, futureWeekRange(14), 'Brückentage');

  // Hand-over: the manager's profile says until when he is away and who stands in.
  await anna.page.goto(`/people/${await myId(boss.page)}`);
  const note = anna.page.getByRole('main').getByTestId('absence').first();
  await expect(note).toContainText(/Im Urlaub bis/);
  await expect(note.getByRole('link', { name: 'Mehmet Yılmaz' })).toBeVisible();
  await expectNoA11yViolations(anna.page, 'profile with absence');

  await deputy.page.goto('/leave/approvals');
  const item = deputy.page
    .getByRole('list', { name: 'Offene Anträge' })
    .getByRole('listitem')
    .filter({ hasText: germanDay(leave.from) });
  await expect(item).toContainText('Laura Schmid');
  await expect(item).toContainText('In Vertretung für Markus Wagner');
  await item.getByRole('button', { name: /^Genehmigen: Laura Schmid/ }).click();
  const dialog = deputy.page.getByRole('dialog', { name: 'Antrag genehmigen' });
  await dialog.getByRole('button', { name: 'Genehmigen' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toHaveCount(0);
  const stored = await api<LeaveRequestDetailDTO>(
    anna.page,
    'GET',
    `/api/leave/requests/${leave.id}`,
  );
  expect(stored.status).toBe('approved');
  expect(stored.decidedBy?.id).toBe(await myId(deputy.page));

  // The manager comes back today: from then on he decides again (and the specs after this one
  // see him present).
  const returned = await api<LeaveRequestDetailDTO>(
    boss.page,
    'POST',
    `/api/leave/requests/${away.id}/cancel`,
    { from: today },
  );
  expect(returned.to < today).toBe(true);

  for (const c of [admin, anna, boss, deputy]) await c.ctx.close();
  await approver.close();
});

import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';
import { as, PHONE, RoomsApi, shot, uniq } from './support/rooms';

// The task board by keyboard only (moves announced, live in another context, kept after reload)
// and events with an answer and the ICS download.

const column = (page: Page, name: string) =>
  page.getByRole('region', { name: new RegExp(`^${name}`) });
const cardTitles = (col: Locator) => col.getByRole('heading', { level: 4 }).allTextContents();
const announcer = (page: Page) => page.getByRole('status').filter({ hasText: /verschoben/ });

test('task board: create tasks, move one by keyboard across and within columns, seen live', async ({
  browser,
}) => {
  const mover = await RoomsApi.login('mover');
  const laura = await RoomsApi.login('employee');
  const room = await mover.createRoom({ name: `Board ${uniq()}` });
  await mover.invite(room.id, [laura.personId]);

  const a = await as(browser, 'mover');
  const b = await as(browser, 'employee');
  await b.page.goto(`/rooms/${room.id}/tasks`);
  await expect(column(b.page, 'Zu erledigen')).toBeVisible();

  const page = a.page;
  await page.goto(`/rooms/${room.id}/tasks`);
  const todo = column(page, 'Zu erledigen');
  const doing = column(page, 'In Arbeit');
  await expect(todo.getByText('Keine Aufgaben')).toBeVisible();
  const titles = ['Anforderungen sammeln', 'Daily Stand-up planen', 'Retro vorbereiten'];
  for (const title of titles) {
    await page.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aufgabe anlegen' });
    await dialog.getByRole('textbox', { name: /^Titel/ }).fill(title);
    if (title === titles[0]) {
      await expectNoA11yViolations(page, 'task dialog');
      await shot(page, 'task-dialog-desktop');
    }
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await expect(dialog).toBeHidden();
    await expect(todo.getByRole('heading', { level: 4, name: title })).toBeVisible();
  }
  // New tasks go to the top of "Zu erledigen".
  const start = await cardTitles(todo);
  expect([...start].sort()).toEqual([...titles].sort());
  await expect(b.page.getByRole('heading', { level: 4, name: titles[2] })).toBeVisible();

  // Keyboard only: focus the top card, Alt+ArrowDown moves it one down in its column.
  const top = start[0]!;
  const card = (col: Locator) => col.getByRole('article', { name: top });
  await card(todo).focus();
  await expect(card(todo)).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(announcer(page)).toHaveText(
    new RegExp(`„${top}“ nach Zu erledigen verschoben, Position 2 von 3`),
  );
  await expect.poll(() => cardTitles(todo)).toEqual([start[1], top, start[2]]);
  await expect(card(todo)).toBeFocused();
  // Across columns: Alt+ArrowRight to "In Arbeit"; the focus follows the card.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(announcer(page)).toHaveText(
    new RegExp(`„${top}“ nach In Arbeit verschoben, Position 1 von 1`),
  );
  await expect(card(doing)).toBeFocused();
  await expect.poll(() => cardTitles(todo)).toEqual([start[1], start[2]]);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(announcer(page)).toHaveText(/nach Erledigt verschoben, Position 1 von 1/);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(announcer(page)).toHaveText(/nach In Arbeit verschoben, Position 1 von 1/);
  await expect(card(doing)).toBeFocused();
  await expectNoA11yViolations(page, 'task board');
  await shot(page, 'tasks-desktop');

  // The other context sees the move live; the server stored it; a reload keeps it.
  await expect(card(column(b.page, 'In Arbeit'))).toBeVisible();
  await expect.poll(() => cardTitles(column(b.page, 'Zu erledigen'))).toEqual([start[1], start[2]]);
  await expect
    .poll(async () => {
      const board = await laura.ok<{ columns: Record<string, { title: string }[]> }>(
        'GET',
        `/api/rooms/${room.id}/tasks`,
      );
      return [board.columns.todo!.map((t) => t.title), board.columns.doing!.map((t) => t.title)];
    })
    .toEqual([[start[1], start[2]], [top]]);
  await page.reload();
  await expect(card(column(page, 'In Arbeit'))).toBeVisible();
  expect(await cardTitles(column(page, 'Zu erledigen'))).toEqual([start[1], start[2]]);

  const phone = await as(browser, 'employee', PHONE);
  await phone.page.goto(`/rooms/${room.id}/tasks`);
  await expect(card(column(phone.page, 'In Arbeit'))).toBeVisible();
  await expectNoHorizontalScroll(phone.page);
  await shot(phone.page, 'tasks-phone');
  await phone.context.close();
  await a.context.close();
  await b.context.close();
});

test('events: create one, answer "Zusage", download the .ics', async ({ browser }) => {
  const mover = await RoomsApi.login('mover');
  const laura = await RoomsApi.login('employee');
  const room = await mover.createRoom({ name: `Termine ${uniq()}` });
  await mover.invite(room.id, [laura.personId]);
  const title = `Sprint-Review ${uniq()}`;
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

  const { context, page } = await as(browser, 'employee');
  await page.goto(`/rooms/${room.id}/events`);
  await expect(page.getByText('Keine anstehenden Termine.')).toBeVisible();
  await page.getByRole('button', { name: 'Termin anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Termin anlegen' });
  await dialog.getByRole('textbox', { name: /^Titel/ }).fill(title);
  await dialog.getByLabel('Datum').fill(day);
  await dialog.getByLabel('Beginn').fill('10:00');
  await dialog.getByLabel('Ende').fill('11:30');
  await dialog.getByRole('textbox', { name: 'Ort' }).fill('Rathaus, Großer Sitzungssaal');
  await dialog
    .getByRole('textbox', { name: /^Link zur Videokonferenz/ })
    .fill('https://meet.example/review');
  await expectNoA11yViolations(page, 'event dialog');
  await shot(page, 'event-dialog-desktop');
  await dialog.getByRole('button', { name: 'Anlegen' }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole('article', { name: title });
  await expect(card).toContainText('Rathaus, Großer Sitzungssaal');
  await expect(card).toContainText('10:00');
  const yes = card.getByRole('radio', { name: /^Zusage/ });
  // The choice shows once the server stored it (the radios are controlled by the answer).
  await yes.click();
  await expect(card.getByRole('radio', { name: 'Zusage (1)' })).toBeChecked();
  await expect
    .poll(async () => {
      const events = await mover.ok<{ title: string; attendance: { yes: number } }[]>(
        'GET',
        `/api/rooms/${room.id}/events`,
      );
      return events.find((e) => e.title === title)?.attendance.yes;
    })
    .toBe(1);
  await expectNoA11yViolations(page, 'events');
  await shot(page, 'events-desktop');

  // The .ics of the event: a calendar file as an attachment, with the title, place and time.
  const href = await card
    .getByRole('link', { name: `${title} herunterladen (.ics)` })
    .getAttribute('href');
  const ics = await page.request.get(href!);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(ics.headers()['content-disposition']).toMatch(/^attachment;.*\.ics/);
  expect(ics.headers()['x-content-type-options']).toBe('nosniff');
  const text = await ics.text();
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text).toContain(`SUMMARY:${title}`);
  expect(text).toContain('LOCATION:Rathaus\\, Großer Sitzungssaal');
  expect(text).toMatch(/DTSTART(;TZID=Europe\/Berlin:|:)\d{8}T\d{6}Z?/);
  expect(text).toContain('END:VEVENT');
  // The browser download works too.
  const download = page.waitForEvent('download');
  await card.getByRole('link', { name: `${title} herunterladen (.ics)` }).click();
  expect((await download).suggestedFilename()).toMatch(/\.ics$/);
  // And the room's whole calendar.
  const all = await page.request.get(`/api/rooms/${room.id}/events.ics`);
  expect(all.status()).toBe(200);
  expect(await all.text()).toContain(`SUMMARY:${title}`);

  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page);
  await shot(page, 'events-phone');
  await context.close();
});

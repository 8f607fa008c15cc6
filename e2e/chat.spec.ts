import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';

/**
 * Two people chat in two browser contexts: every step (send, edit, react, thread reply,
 * attachment) shows live on the other side, the unread badge moves, and a message written
 * offline is delivered exactly once when the connection returns.
 */

async function person(
  browser: Browser,
  username: string,
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ locale: 'de-DE' });
  const page = await ctx.newPage();
  await login(page, username);
  return { ctx, page };
}

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
}

const composer = (page: Page) => page.getByRole('textbox', { name: /^Nachricht an/ });
const log = (page: Page) => page.getByRole('log', { name: /^Nachrichten in/ });
const navChat = (page: Page) =>
  page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: /^Chat/ });

test('two people chat live: send, edit, react, thread, attachment, offline queue', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now();
  const anna = await person(browser, 'employee');
  const ben = await person(browser, 'employee2');
  const benId = ((await (await ben.page.request.get('/api/me')).json()) as { data: { id: string } })
    .data.id;
  const created = await anna.page.request.post('/api/conversations', {
    headers: { 'X-CSRF-Token': await csrf(anna.page) },
    data: { kind: 'direct', personId: benId },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  const convId = ((await created.json()) as { data: { id: string } }).data.id;

  // Ben waits on the list; Anna opens the conversation and writes.
  await ben.page.goto('/chat');
  await expect(ben.page.getByRole('navigation', { name: 'Unterhaltungen' })).toBeVisible();
  await expectNoA11yViolations(ben.page, 'chat list');
  await anna.page.goto(`/chat/${convId}`);
  await expect(composer(anna.page)).toBeVisible();
  const first = `Hallo Ben ${stamp}`;
  await composer(anna.page).fill(first);
  await composer(anna.page).press('Enter');
  await expect(log(anna.page).getByText(first)).toHaveCount(1);

  // Live on Ben's side: list preview and the unread badge in the navigation.
  const benItem = ben.page.locator(`a[data-conversation-id="${convId}"]`);
  await expect(benItem).toContainText(first);
  await expect(navChat(ben.page)).toContainText(/ungelesen/);
  await benItem.click();
  await expect(log(ben.page).getByText(first)).toHaveCount(1);
  await expectNoA11yViolations(ben.page, 'conversation');

  // Anna edits her last message with ↑ in the empty composer.
  const edited = `Hallo Ben, korrigiert ${stamp}`;
  await composer(anna.page).click();
  await anna.page.getByRole('textbox', { name: /^Nachricht an/ }).press('ArrowUp');
  const editBox = anna.page.getByRole('textbox', { name: 'Nachricht bearbeiten' });
  await expect(editBox).toHaveValue(first);
  await editBox.fill(edited);
  await editBox.press('Enter');
  await expect(log(ben.page).getByText(edited)).toBeVisible();
  await expect(log(ben.page).getByText('(bearbeitet)')).toBeVisible();

  // Ben reacts; Anna sees the reaction.
  const benMessage = log(ben.page).locator('[id^="msg-"]').filter({ hasText: edited });
  await benMessage.hover();
  await benMessage.getByRole('button', { name: 'Reaktion hinzufügen' }).click();
  await ben.page.getByRole('dialog').getByRole('toolbar').getByRole('button').first().click();
  await expect(
    log(anna.page)
      .locator('[id^="msg-"]')
      .filter({ hasText: edited })
      .getByRole('button', { name: /reagieren|entfernen/ }),
  ).toBeVisible();

  // Ben answers in a thread; Anna sees the compact line and opens the thread.
  await benMessage.hover();
  await benMessage.getByRole('button', { name: /Aktionen für die Nachricht/ }).click();
  await ben.page.getByRole('menuitem', { name: 'Im Thread antworten' }).click();
  const thread = ben.page.getByRole('complementary', { name: 'Thread' });
  await expect(thread).toBeVisible();
  const reply = `Antwort im Thread ${stamp}`;
  const replyBox = thread.getByRole('textbox', { name: 'Antwort im Thread' });
  await replyBox.fill(reply);
  await replyBox.press('Enter');
  await expect(thread.getByText(reply)).toBeVisible();
  await expectNoA11yViolations(ben.page, 'thread');
  await expect(log(anna.page).getByText('hat im Thread geantwortet')).toBeVisible();
  await expect(log(anna.page).getByRole('button', { name: '1 Antwort' })).toBeVisible();

  // Anna sends an attachment; Ben sees the file.
  const fileName = `Dienstplan-${stamp}.txt`;
  await anna.page
    .locator('input[type="file"]')
    .first()
    .setInputFiles({
      name: fileName,
      mimeType: 'text/plain',
      buffer: Buffer.from('Montag: Frühdienst\n'),
    });
  await expect(anna.page.getByText(fileName).first()).toBeVisible();
  // Sending waits for the upload: the chip shows the size once the file is stored.
  await expect(anna.page.getByText('20 Byte')).toBeVisible();
  await composer(anna.page).fill(`Anbei der Plan ${stamp}`);
  await composer(anna.page).press('Enter');
  await expect(log(ben.page).getByText(fileName)).toBeVisible();

  // Offline: the message waits in the outbox and is delivered once when back online.
  await anna.ctx.setOffline(true);
  const offline = `Offline geschrieben ${stamp}`;
  await composer(anna.page).fill(offline);
  await composer(anna.page).press('Enter');
  await expect(log(anna.page).getByText(offline)).toHaveCount(1);
  await expect(log(anna.page).getByText('Wartet auf Verbindung')).toBeVisible();
  await anna.ctx.setOffline(false);
  await expect(log(ben.page).getByText(offline)).toHaveCount(1);
  await expect(log(anna.page).getByText('Wartet auf Verbindung')).toHaveCount(0);
  await expect(log(anna.page).getByText(offline)).toHaveCount(1);
  // After a reload both still show it exactly once (stored once).
  await anna.page.reload();
  await expect(log(anna.page).getByText(offline)).toHaveCount(1);
  await ben.page.reload();
  await expect(log(ben.page).getByText(offline)).toHaveCount(1);

  await anna.ctx.close();
  await ben.ctx.close();
});

test('chat dialogs are accessible and the pages reflow on phones', async ({ page }) => {
  await login(page, 'employee');
  await page.goto('/chat');
  await page.getByRole('button', { name: 'Neue Unterhaltung' }).click();
  await expect(page.getByRole('dialog', { name: 'Neue Unterhaltung' })).toBeVisible();
  await page.getByRole('radio', { name: 'Kanal' }).check();
  await expectNoA11yViolations(page, 'new conversation dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Chat-Einstellungen' }).click();
  await expect(page.getByRole('dialog', { name: 'Chat-Einstellungen' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Lesebestätigungen/ })).toBeVisible();
  await expectNoA11yViolations(page, 'chat settings dialog');
  await page.keyboard.press('Escape');
  await page.goto('/chat/browse');
  await expect(page.getByRole('heading', { level: 1, name: 'Kanäle durchsuchen' })).toBeVisible();
  await expectNoA11yViolations(page, 'browse channels');

  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/chat');
    await expect(page.getByRole('navigation', { name: 'Unterhaltungen' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    const first = page.locator('a[data-conversation-id]').first();
    if ((await first.count()) > 0) {
      await first.click();
      await expect(page.getByRole('link', { name: /Zurück zur Übersicht/ })).toBeVisible();
      await expectNoHorizontalScroll(page);
    }
  }
});

test('search, message links and the message dialogs', async ({ page }) => {
  test.slow();
  const stamp = Date.now().toString(36);
  await login(page, 'employee');
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const created = await page.request.post('/api/conversations', {
    headers,
    data: { kind: 'channel', name: `Suche ${stamp}`, visibility: 'public' },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  const convId = ((await created.json()) as { data: { id: string } }).data.id;
  const post = async (body: string, threadId: string | null = null) => {
    const res = await page.request.post(`/api/conversations/${convId}/messages`, {
      headers,
      data: { clientId: crypto.randomUUID(), body, attachmentIds: [], threadId },
    });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return ((await res.json()) as { data: { id: string } }).data.id;
  };
  // The linked message lies beyond the first page (50): the link has to load older pages.
  const early = await post(`Die **Grüße** aus dem Rathaus ${stamp}`);
  for (let i = 1; i <= 60; i++) await post(`Füllnachricht ${i}`);
  const root = await post(`Wer übernimmt die Abnahme ${stamp}?`);
  const reply = await post(`Ich übernehme die Abnahme ${stamp}`, root);

  // Search from the list pane (Enter), results view with the match marked, axe.
  await page.goto('/chat');
  const search = page.getByRole('searchbox', { name: 'Nachrichten durchsuchen' });
  await search.fill(`gruesse aus dem rathaus ${stamp}`);
  await search.press('Enter');
  await expect(page).toHaveURL(/\/chat\/search\?q=/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Nachrichten durchsuchen' }),
  ).toBeVisible();
  const hits = page.getByRole('list').filter({ has: page.locator('mark') });
  await expect(hits.getByRole('listitem')).toHaveCount(1);
  await expect(hits.locator('mark')).toHaveText(`Grüße aus dem Rathaus ${stamp}`);
  await expectNoA11yViolations(page, 'chat search results');

  // A hit opens the message in its conversation (loaded, focused, highlighted).
  await hits.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/chat/${convId}\\?message=`));
  const earlyItem = page.locator(`[id="msg-${early}"]`);
  await expect(earlyItem).toBeFocused();
  await expect(earlyItem).toHaveAttribute('data-highlight', 'true');

  // A notification-style link to a thread reply opens the thread with the reply focused.
  await page.goto(`/chat/${convId}?thread=${root}&message=${reply}`);
  const thread = page.getByRole('complementary', { name: 'Thread' });
  await expect(thread.locator(`[id="thread-msg-${reply}"]`)).toBeFocused();
  await expect(log(page).getByText(`Ich übernehme die Abnahme ${stamp}`)).toBeVisible(); // preview line
  await expectNoA11yViolations(page, 'message link with thread');
  // The same reply linked without `thread=` still opens its thread.
  await page.goto(`/chat/${convId}?message=${reply}`);
  await expect(thread.locator(`[id="thread-msg-${reply}"]`)).toBeFocused();

  // "Search in this conversation" from the header menu.
  await page.goto(`/chat/${convId}`);
  await page.getByRole('button', { name: 'Weitere Aktionen' }).click();
  await page.getByRole('menuitem', { name: 'In dieser Unterhaltung suchen' }).click();
  const scoped = page.getByRole('searchbox', { name: `Nachrichten in Suche ${stamp} durchsuchen` });
  await expect(scoped).toBeFocused();
  await scoped.fill('Abnahme');
  await scoped.press('Enter');
  await expect(page.getByRole('heading', { name: /^2 Treffer/ })).toBeVisible();

  // Members dialog, forward dialog and delete confirmation pass axe.
  await page.goto(`/chat/${convId}`);
  await page.getByRole('button', { name: '1 Mitglied' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoA11yViolations(page, 'members dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const last = log(page)
    .locator('[id^="msg-"]')
    .filter({ hasText: `Wer übernimmt die Abnahme ${stamp}` });
  await last.hover();
  await last.getByRole('button', { name: /Aktionen für die Nachricht/ }).click();
  await page.getByRole('menuitem', { name: 'Weiterleiten' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoA11yViolations(page, 'forward dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await last.hover();
  await last.getByRole('button', { name: /Aktionen für die Nachricht/ }).click();
  await page.getByRole('menuitem', { name: 'Löschen' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Nachricht löschen?' })).toBeVisible();
  await expectNoA11yViolations(page, 'delete confirmation');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

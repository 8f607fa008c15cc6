import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { test, expect, login } from './fixtures';
import { assertPortFree, type Proc } from './support/processes';
import {
  ApiSession,
  BOT_PASSWORD,
  baseOf,
  insertPeople,
  startChatServer,
  terminate,
  waitReady,
  withDatabase,
  type BotPerson,
} from './support/chat-harness';
import { WikiApi, editorStatus, openEditor } from './support/wiki';

// "No acknowledged edit is lost when the server restarts during a co-editing session": two people
// type in one page on a portal process of this suite's own; the server is stopped (SIGTERM, as a
// deploy does) and started again on the same data directory. They type before, while it is down
// and after; both editors converge and every typed phrase is stored exactly once.
const PORT = 3791;
const DB_PORT = 3792;
const BASE = baseOf(PORT);

test.describe.configure({ mode: 'serial' });

let dataDir = '';
let people: BotPerson[] = [];
let portal: Proc | null = null;

const start = async () => {
  portal = startChatServer({ name: 'portal', port: PORT, dataDir });
  await waitReady(portal, PORT);
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await assertPortFree(PORT);
  await assertPortFree(DB_PORT);
  dataDir = mkdtempSync(path.join(tmpdir(), 'portal-wiki-restart-'));
  people = await withDatabase(dataDir, DB_PORT, async (db) => {
    const rows = await insertPeople(db, 2, 'wikineu');
    // Portal editors may create spaces.
    await db
      .collection('people')
      .updateOne({ username: rows[0]?.username }, { $set: { roles: ['editor'] } });
    return rows;
  });
  await start();
});

test.afterAll(async () => {
  if (portal) await terminate(portal);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openAs(browser: Browser, username: string, pageId: string) {
  const context = await browser.newContext({ baseURL: BASE, locale: 'de-DE' });
  const page = await context.newPage();
  await login(page, username, BOT_PASSWORD);
  const editor = await openEditor(page, pageId);
  return { context, page, editor };
}

/** The editor's text without the co-editors' caret labels. */
const plain = (ed: Locator) =>
  ed.evaluate((el) => {
    const c = el.cloneNode(true) as HTMLElement;
    c.querySelectorAll('.collaboration-carets__caret').forEach((n) => n.remove());
    return c.textContent ?? '';
  });

const count = (text: string, phrase: string) => text.split(phrase).length - 1;

/** Types at the end (A) or the start (B) of the page's first paragraph. */
async function typeAt(page: Page, editor: Locator, where: 'End' | 'Home', text: string) {
  await editor.locator('p').first().click();
  await page.keyboard.press(where);
  await page.keyboard.type(text, { delay: 10 });
}

test('the server restarts mid-session: both editors converge, nothing typed is lost or doubled', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [anna, ben] = people as [BotPerson, BotPerson];
  const api = new WikiApi(await ApiSession.login(BASE, anna.username));
  const space = await api.createSpace({ name: 'Neustart', defaultRole: 'editor' });
  const p = await api.createPage(space.id, 'Während des Neustarts');

  const a = await openAs(browser, anna.username, p.id);
  const b = await openAs(browser, ben.username, p.id);
  const phrases: string[] = [];
  const say = async (who: typeof a, where: 'End' | 'Home', text: string) => {
    phrases.push(text.trim());
    await typeAt(who.page, who.editor, where, text);
  };

  await say(a, 'End', 'Vorher-Anna.');
  await expect(b.editor).toContainText('Vorher-Anna.');
  await say(b, 'Home', 'Vorher-Ben. ');
  await expect(a.editor).toContainText('Vorher-Ben.');
  for (const who of [a, b]) await expect(editorStatus(who.page)).toHaveText('Gespeichert');

  // Down: both keep typing; the editors say they are reconnecting.
  await terminate(portal!);
  for (const who of [a, b])
    await expect(editorStatus(who.page)).toHaveText('Verbindung wird wiederhergestellt …');
  await say(a, 'End', ' Offline-Anna.');
  await say(b, 'Home', 'Offline-Ben. ');
  await start();

  // Back: the offline edits are sent, and each editor catches up with the other's.
  for (const who of [a, b])
    await expect(editorStatus(who.page)).toHaveText('Gespeichert', { timeout: 45_000 });
  await say(a, 'End', ' Nachher-Anna.');
  await say(b, 'Home', 'Nachher-Ben. ');
  const all = async (ed: Locator) => {
    const text = await plain(ed);
    return phrases.map((ph) => count(text, ph));
  };
  for (const who of [a, b])
    await expect.poll(() => all(who.editor), { timeout: 30_000 }).toEqual(phrases.map(() => 1));
  await expect.poll(async () => (await plain(a.editor)) === (await plain(b.editor))).toBe(true);
  for (const who of [a, b]) await expect(editorStatus(who.page)).toHaveText('Gespeichert');

  // A reload (state from the server only) shows each phrase once.
  for (const who of [a, b]) {
    await who.page.reload();
    await expect(editorStatus(who.page)).toHaveText('Gespeichert');
    await expect.poll(() => all(who.editor)).toEqual(phrases.map(() => 1));
  }
  // So does the stored snapshot behind GET /api/wiki/pages/:id.
  await expect
    .poll(
      async () => {
        const text = await api.text(p.id);
        return phrases.map((ph) => count(text, ph));
      },
      { timeout: 30_000 },
    )
    .toEqual(phrases.map(() => 1));
  await a.context.close();
  await b.context.close();
});

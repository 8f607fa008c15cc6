import { mkdirSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { test, expect, login, expectNoA11yViolations } from './fixtures';
import {
  WikiApi,
  caretToEndOfFirstParagraph,
  openEditor,
  shot,
  uniq,
} from './support/wiki';

// The wiki in the browser on the shared demo server: co-editing in one paragraph with carets,
// versions and restore reaching an open editor, keyboard moves in the live tree.
mkdirSync('/tmp/shots', { recursive: true });

async function as(browser: Browser, username: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'de-DE',
    viewport,
  });
  const page = await context.newPage();
  await login(page, username);
  return { context, page };
}

test('two people type in the same paragraph and see each other’s text and caret', async ({
  browser,
}) => {
  const editorApi = await WikiApi.login('editor');
  const employeeApi = await WikiApi.login('employee');
  const space = await editorApi.createSpace({ name: `Co-Editing ${uniq()}`, defaultRole: 'editor' });
  const p = await editorApi.createPage(space.id, 'Gemeinsam schreiben');
  const [nameA, nameB] = [await editorApi.displayName(), await employeeApi.displayName()];

  const a = await as(browser, 'editor');
  const b = await as(browser, 'employee');
  const edA = await openEditor(a.page, p.id);
  const edB = await openEditor(b.page, p.id);

  // A starts the paragraph; once it arrived, both type into it at once: A at its end, B at its
  // start (typing at the very same spot interleaves letters, as in every CRDT editor).
  await caretToEndOfFirstParagraph(a.page);
  await a.page.keyboard.type('Anfang von A.');
  await expect(edB).toContainText('Anfang von A.');
  await edB.locator('p').first().click();
  await b.page.keyboard.press('Home');
  await Promise.all([
    a.page.keyboard.type(' Alpha schreibt mit.', { delay: 15 }),
    b.page.keyboard.type('Beta tippt gleichzeitig. ', { delay: 15 }),
  ]);
  for (const ed of [edA, edB]) {
    await expect(ed).toContainText('Alpha schreibt mit.');
    await expect(ed).toContainText('Beta tippt gleichzeitig.');
    await expect(ed).toContainText('Anfang von A.');
    // Still one paragraph: both wrote into the same one.
    await expect(ed.locator('p')).toHaveCount(1);
  }
  // The same text on both sides (carets' name labels left out).
  const plain = (ed: typeof edA) =>
    ed.evaluate((el) => {
      const c = el.cloneNode(true) as HTMLElement;
      c.querySelectorAll('.collaboration-carets__caret').forEach((n) => n.remove());
      return c.textContent;
    });
  await expect.poll(async () => (await plain(edA)) === (await plain(edB))).toBe(true);
  expect(await plain(edA)).toBe('Beta tippt gleichzeitig. Anfang von A. Alpha schreibt mit.');

  // Each sees the other's caret with the name on it, and both in the presence list.
  await expect(edA.locator('.collaboration-carets__label', { hasText: nameB })).toBeVisible();
  await expect(edB.locator('.collaboration-carets__label', { hasText: nameA })).toBeVisible();
  await expectNoA11yViolations(a.page, 'co-editor');
  await shot(a.page, 'editor-two-carets');

  // The stored snapshot (read view) has both texts.
  await expect
    .poll(async () => {
      const text = await editorApi.text(p.id);
      return ['Anfang von A.', 'Alpha schreibt mit.', 'Beta tippt gleichzeitig.'].every((s) =>
        text.includes(s),
      );
    }, { timeout: 20_000 })
    .toBe(true);
  await b.page.goto(`/wiki/p/${p.id}`);
  const body = b.page.getByRole('main');
  await expect(body).toContainText('Alpha schreibt mit.');
  await expect(body).toContainText('Beta tippt gleichzeitig.');
  await expectNoA11yViolations(b.page, 'page view');
  await a.context.close();
  await b.context.close();
});

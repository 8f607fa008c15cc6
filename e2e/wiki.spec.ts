import { mkdirSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';
import type { RevisionDTO, SpaceDTO, SpaceTreeDTO } from '@shared/wiki/types';
import {
  WikiApi,
  caretToEndOfFirstParagraph,
  editorStatus,
  openEditor,
  pasteHtml,
  shot,
  trapScripts,
  uniq,
  uploadFile,
  xssFlag,
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
  const space = await editorApi.createSpace({
    name: `Co-Editing ${uniq()}`,
    defaultRole: 'editor',
  });
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
    .poll(
      async () => {
        const text = await editorApi.text(p.id);
        return ['Anfang von A.', 'Alpha schreibt mit.', 'Beta tippt gleichzeitig.'].every((s) =>
          text.includes(s),
        );
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await b.page.goto(`/wiki/p/${p.id}`);
  const body = b.page.getByRole('main');
  await expect(body).toContainText('Alpha schreibt mit.');
  await expect(body).toContainText('Beta tippt gleichzeitig.');
  await expectNoA11yViolations(b.page, 'page view');
  await a.context.close();
  await b.context.close();
});

test('versions: save, diff with hidden labels, restore reaches another person’s open editor', async ({
  browser,
}) => {
  const api = await WikiApi.login('editor');
  const space = await api.createSpace({ name: `Verlauf ${uniq()}`, defaultRole: 'editor' });
  const p = await api.createPage(space.id, 'Seite mit Versionen');
  const a = await as(browser, 'editor');
  const b = await as(browser, 'employee');
  const edA = await openEditor(a.page, p.id);

  const saveVersion = async () => {
    await expect(editorStatus(a.page)).toHaveText('Gespeichert');
    const before = (await api.ok<unknown[]>('GET', `/api/wiki/pages/${p.id}/revisions`)).length;
    await a.page.getByRole('button', { name: 'Version speichern' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Version speichern' });
    await dialog.getByRole('button', { name: 'Version speichern' }).click();
    await expect(dialog).toBeHidden();
    await expect
      .poll(
        async () => (await api.ok<unknown[]>('GET', `/api/wiki/pages/${p.id}/revisions`)).length,
      )
      .toBe(before + 1);
  };

  await caretToEndOfFirstParagraph(a.page);
  await a.page.keyboard.type('Erste Fassung des Textes.');
  await saveVersion();
  // The dialog gave the focus back to its button: back into the text.
  await caretToEndOfFirstParagraph(a.page);
  await a.page.keyboard.type(' Zweite Fassung ergänzt.');
  await saveVersion();
  const revs = await api.ok<RevisionDTO[]>('GET', `/api/wiki/pages/${p.id}/revisions`);
  const [newer, older] = revs.filter((r) => r.kind === 'manual') as [RevisionDTO, RevisionDTO];
  expect(newer.number).toBeGreaterThan(older.number);

  // Someone else has the page open in the editor.
  const edB = await openEditor(b.page, p.id);
  await expect(edB).toContainText('Zweite Fassung ergänzt.');

  await a.page.getByRole('link', { name: 'Verlauf' }).click();
  await expect(a.page.getByRole('heading', { level: 1 })).toHaveText(
    'Verlauf: Seite mit Versionen',
  );
  await a.page.getByRole('radio', { name: `von: Version ${older.number}` }).check();
  await a.page.getByRole('radio', { name: `bis: Version ${newer.number}` }).check();
  const diff = a.page.getByRole('region', {
    name: `Unterschiede: Version ${older.number} → Version ${newer.number}`,
  });
  await expect(diff.locator('ins')).toContainText('Zweite Fassung ergänzt.');
  // The change is spoken, not only coloured: a visually hidden prefix in the <ins>.
  await expect(diff.locator('ins .visually-hidden').first()).toHaveText(/eingefügt:/);
  await expect(diff.locator('ins .visually-hidden').first()).not.toBeInViewport({ ratio: 0.5 });
  await expectNoA11yViolations(a.page, 'history with diff');
  await shot(a.page, 'history-diff');

  // Restore the older version.
  await a.page.getByRole('button', { name: `Version ${older.number} ansehen` }).click();
  const panel = a.page.getByRole('region', { name: `Version ${older.number}`, exact: true });
  await expect(panel).toContainText('Erste Fassung des Textes.');
  await panel.getByRole('button', { name: 'Diese Version wiederherstellen' }).click();
  const confirm = a.page.getByRole('alertdialog', { name: 'Version wiederherstellen?' });
  await confirm.getByRole('button', { name: 'Diese Version wiederherstellen' }).click();
  await expect(a.page).toHaveURL(new RegExp(`/wiki/p/${p.id}$`));

  // The other person's open editor shows the restored content at once …
  await expect(edB).not.toContainText('Zweite Fassung');
  await expect(edB).toContainText('Erste Fassung des Textes.');
  // … and the read view (the snapshot) too.
  const main = a.page.getByRole('main');
  await expect(async () => {
    await a.page.reload();
    await expect(main).toContainText('Erste Fassung des Textes.', { timeout: 1000 });
    await expect(main).not.toContainText('Zweite Fassung', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  void edA;
  await a.context.close();
  await b.context.close();
});

test('tree: moves by keyboard shortcut and by the actions menu, live in another browser, kept after reload', async ({
  browser,
}) => {
  const api = await WikiApi.login('editor');
  const space = await api.createSpace({ name: `Baum ${uniq()}`, defaultRole: 'reader' });
  for (const title of ['Alpha', 'Beta', 'Gamma']) await api.createPage(space.id, title);
  const a = await as(browser, 'editor');
  const b = await as(browser, 'employee2');
  for (const who of [a, b]) await who.page.goto(`/wiki/spaces/${space.id}`);
  const items = (pg: typeof a.page) =>
    pg.getByRole('tree', { name: 'Seiten' }).getByRole('treeitem');
  const order = (pg: typeof a.page) =>
    items(pg).evaluateAll((els) =>
      els.map(
        (e) =>
          `${e.getAttribute('aria-level')}:${document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.firstChild?.textContent ?? ''}`,
      ),
    );
  await expect.poll(() => order(b.page)).toEqual(['1:Alpha', '1:Beta', '1:Gamma']);
  await expectNoA11yViolations(a.page, 'space page');

  // Shortcut: Gamma one up.
  const gamma = items(a.page).filter({ hasText: 'Gamma' });
  await items(a.page).first().focus();
  await a.page.keyboard.press('End');
  await expect(gamma).toBeFocused();
  await a.page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(() => order(a.page)).toEqual(['1:Alpha', '1:Gamma', '1:Beta']);
  await expect.poll(() => order(b.page)).toEqual(['1:Alpha', '1:Gamma', '1:Beta']);
  await expect(gamma).toBeFocused();

  // Actions menu, keyboard only: Beta → "Einrücken" (under Gamma).
  await a.page.keyboard.press('ArrowDown');
  const beta = items(a.page).filter({ hasText: 'Beta' });
  await expect(beta).toBeFocused();
  await a.page.keyboard.press('Shift+F10');
  const menu = a.page.getByRole('menu', { name: 'Aktionen für „Beta“' });
  await expect(menu).toBeVisible();
  await expectNoA11yViolations(a.page, 'tree actions menu');
  await shot(a.page, 'tree-actions-menu');
  for (let i = 0; i < 10; i++) {
    if ((await a.page.evaluate(() => document.activeElement?.textContent)) === 'Einrücken') break;
    await a.page.keyboard.press('ArrowDown');
  }
  await expect(menu.getByRole('menuitem', { name: 'Einrücken' })).toBeFocused();
  await a.page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect.poll(() => order(a.page)).toEqual(['1:Alpha', '1:Gamma', '2:Beta']);
  // The other browser's tree follows (Gamma now has a child; open it there).
  const gammaB = items(b.page).filter({ hasText: 'Gamma' });
  await expect(gammaB).toHaveAttribute('aria-expanded', 'false');
  await gammaB.focus();
  await b.page.keyboard.press('ArrowRight');
  await expect.poll(() => order(b.page)).toEqual(['1:Alpha', '1:Gamma', '2:Beta']);
  // A reader gets no move shortcuts: the order stays.
  await b.page.keyboard.press('Alt+Shift+ArrowUp');

  await a.page.reload();
  await items(a.page).filter({ hasText: 'Gamma' }).focus();
  await a.page.keyboard.press('ArrowRight');
  await expect.poll(() => order(a.page)).toEqual(['1:Alpha', '1:Gamma', '2:Beta']);
  const tree = await api.ok<SpaceTreeDTO>('GET', `/api/wiki/spaces/${space.id}/tree`);
  const byTitle = new Map(tree.nodes.map((n) => [n.title, n]));
  expect(byTitle.get('Beta')?.parentId).toBe(byTitle.get('Gamma')?.id);

  // Reading Beta: the page navigation shows the way there, and a new sub-page arrives live.
  const betaId = byTitle.get('Beta')?.id ?? '';
  await b.page.goto(`/wiki/p/${betaId}`);
  const nav = b.page.getByRole('navigation', { name: 'Seiten in diesem Bereich' });
  await expect(nav.locator('[aria-current="page"]')).toHaveText('Beta');
  await expect(nav.getByRole('link', { name: 'Gamma' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Alpha' })).toBeVisible();
  await api.createPage(space.id, 'Delta', betaId);
  await expect(nav.getByRole('link', { name: 'Delta' })).toBeVisible();
  await nav.getByRole('link', { name: 'Delta' }).click();
  await expect(b.page.getByRole('heading', { level: 1 })).toHaveText('Delta');
  await expect(nav.locator('[aria-current="page"]')).toHaveText('Delta');
  await expectNoA11yViolations(b.page, 'page with space navigation');
  await a.context.close();
  await b.context.close();
});

test('a reader cannot edit; an outsider finds nothing in the UI and gets 404 from every route', async ({
  browser,
}) => {
  const api = await WikiApi.login('editor');
  const reader = await WikiApi.login('employee2');
  const space = await api.createSpace({ name: `Lesen ${uniq()}`, defaultRole: 'reader' });
  const p = await api.createPage(space.id, 'Nur zum Lesen');
  const a = await as(browser, 'editor');
  await openEditor(a.page, p.id);
  await caretToEndOfFirstParagraph(a.page);
  await a.page.keyboard.type('Text der Redaktion.');
  await expect.poll(() => api.text(p.id), { timeout: 20_000 }).toContain('Text der Redaktion.');

  const r = await as(browser, 'employee2');
  await r.page.goto(`/wiki/p/${p.id}`);
  const main = r.page.getByRole('main');
  await expect(main).toContainText('Text der Redaktion.');
  await expect(r.page.getByRole('heading', { level: 1 })).toHaveText('Nur zum Lesen');
  await expect(main.getByRole('link', { name: 'Bearbeiten' })).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Bearbeiten' })).toHaveCount(0);
  await expectNoA11yViolations(r.page, 'page view as reader');

  await r.page.goto(`/wiki/p/${p.id}/edit`);
  await expect(r.page.getByRole('alert')).toContainText('Sie dürfen diese Seite nur lesen.');
  await expect(r.page.locator('[contenteditable="true"]')).toHaveCount(0);
  await r.page.keyboard.type('Leser tippt hier.');
  await r.page.keyboard.press('Enter');
  await expectNoA11yViolations(r.page, 'editor as reader');
  expect(await reader.status('POST', `/api/wiki/pages/${p.id}/revisions`, {})).toBe(403);
  expect(await api.text(p.id)).not.toContain('Leser');

  // Outsiders: a restricted page (only the editor) and a space for portal admins only.
  const secret = await api.createPage(space.id, 'Vertraulich');
  await api.ok('PATCH', `/api/wiki/pages/${secret.id}`, {
    rev: secret.rev,
    restriction: { personIds: [api.personId], unitIds: [] },
  });
  const closed = await api.createSpace({
    name: `Geschlossen ${uniq()}`,
    audience: { units: [], roles: ['admin'], locationIds: [] },
  });
  const closedPage = await api.createPage(closed.id, 'Intern');
  for (const id of [secret.id, closedPage.id]) {
    for (const route of [
      '',
      '/backlinks',
      '/revisions',
      '/export.html',
      '/export.md',
      '/files',
      '/comments',
    ]) {
      expect(await reader.status('GET', `/api/wiki/pages/${id}${route}`), route).toBe(404);
    }
  }
  for (const route of ['', '/tree', '/members', '/archive', '/stale', '/templates'])
    expect(await reader.status('GET', `/api/wiki/spaces/${closed.id}${route}`), route).toBe(404);
  const tree = await reader.ok<SpaceTreeDTO>('GET', `/api/wiki/spaces/${space.id}/tree`);
  expect(tree.nodes.map((n) => n.title)).toEqual(['Nur zum Lesen']);

  await r.page.goto(`/wiki/p/${secret.id}`);
  await expect(r.page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
  await expect(r.page.getByRole('main')).not.toContainText('Vertraulich');
  await r.page.goto(`/wiki/spaces/${closed.id}`);
  await expect(r.page.getByRole('heading', { level: 1 })).toHaveText('Bereich nicht gefunden');
  await expectNoA11yViolations(r.page, 'space not found');
  await r.page.goto('/wiki');
  await expect(r.page.getByRole('main')).toContainText(space.name);
  await expect(r.page.getByRole('main')).not.toContainText(closed.name);
  await a.context.close();
  await r.context.close();
});

test('XSS payloads in titles, pasted content, comments and file names execute nothing', async ({
  browser,
}) => {
  const api = await WikiApi.login('editor');
  const payload = (tag: string) =>
    `<img src=x onerror="window.__xss='${tag}'"><script>window.__xss='${tag}'</script>`;
  const space = await api.createSpace({
    name: `XSS ${uniq()} ${payload('space')}`.slice(0, 80),
    defaultRole: 'editor',
  });
  const title = `Titel ${payload('title')}`;
  const p = await api.createPage(space.id, title);
  const fileName = `"><img src=x onerror="window.__xss='file'">.txt`;
  await uploadFile(api, p.id, fileName, 'Nur Text.');

  const a = await as(browser, 'editor');
  const hits = await trapScripts(a.context);
  const ed = await openEditor(a.page, p.id);
  await ed.click();
  await pasteHtml(
    a.page,
    `<p>Eingefügt <img src="x" onerror="window.__xss='paste'"><a href="javascript:window.__xss='link'">Klick mich</a></p>` +
      `<script>window.__xss='script'</script><p><a href="JaVaScRiPt:alert(1)">Zweiter Link</a></p>`,
    'Eingefügt Klick mich',
  );
  await expect(ed).toContainText('Klick mich');
  await expect(editorStatus(a.page)).toHaveText('Gespeichert');
  await expect.poll(() => api.text(p.id), { timeout: 20_000 }).toContain('Klick mich');

  await a.page.goto(`/wiki/p/${p.id}`);
  const main = a.page.getByRole('main');
  await expect(a.page.getByRole('heading', { level: 1 })).toHaveText(title);
  const link = main.getByText('Klick mich');
  await expect(link).toBeVisible();
  expect((await link.getAttribute('href')) ?? '').not.toMatch(/^\s*javascript:/i);
  await link.click({ noWaitAfter: true }).catch(() => undefined);
  await a.page.goto(`/wiki/p/${p.id}`);
  await main
    .getByText('Zweiter Link')
    .click({ noWaitAfter: true })
    .catch(() => undefined);
  await a.page.goto(`/wiki/p/${p.id}`);
  await expect(main.getByRole('link', { name: fileName })).toBeVisible();

  const comment = `Kommentar ${payload('comment')}`;
  await main.getByRole('textbox', { name: 'Neuer Kommentar' }).fill(comment);
  await main.getByRole('button', { name: 'Kommentieren' }).click();
  await expect(main.getByText(comment, { exact: true })).toBeVisible();
  await a.page.goto(`/wiki/spaces/${space.id}`);
  await expect(a.page.getByRole('treeitem').filter({ hasText: title })).toBeVisible();
  await a.page.goto(`/wiki/p/${p.id}/history`);
  await expect(a.page.getByRole('heading', { level: 1 })).toHaveText(`Verlauf: ${title}`);
  await a.page.goto('/wiki');
  await expect(a.page.getByRole('main')).toContainText(space.name);

  expect(await xssFlag(a.page)).toBeNull();
  expect(hits()).toEqual([]);
  await a.context.close();
});

test('approval: an editor submits, a space admin approves, readers see the text only then', async ({
  browser,
}) => {
  const adminApi = await WikiApi.login('mover');
  const editorApi = await WikiApi.login('employee');
  const readerApi = await WikiApi.login('employee2');
  const space = await adminApi.createSpace({
    name: `Freigabe ${uniq()}`,
    defaultRole: 'reader',
    approvalRequired: true,
  });
  await adminApi.setMember(space.id, editorApi.personId, 'editor');
  const title = `Freigabeseite ${uniq()}`;
  const p = await adminApi.createPage(space.id, title);

  const e = await as(browser, 'employee');
  await openEditor(e.page, p.id);
  await caretToEndOfFirstParagraph(e.page);
  await e.page.keyboard.type('Neuer Text zur Freigabe.');
  await expect
    .poll(() => editorApi.text(p.id, 'draftHtml'), { timeout: 20_000 })
    .toContain('Neuer Text zur Freigabe.');
  await e.page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(e.page.getByText('Zur Freigabe eingereicht', { exact: true })).toBeVisible();

  const r = await as(browser, 'employee2');
  await r.page.goto(`/wiki/p/${p.id}`);
  await expect(r.page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(r.page.getByRole('main')).not.toContainText('Neuer Text zur Freigabe.');
  expect(await readerApi.text(p.id)).not.toContain('Neuer Text');

  const m = await as(browser, 'mover');
  await m.page.goto('/wiki/reviews');
  await expect(m.page.getByRole('heading', { level: 1 })).toHaveText('Freigaben');
  await expectNoA11yViolations(m.page, 'reviews');
  await shot(m.page, 'reviews');
  await m.page.getByRole('button', { name: `„${title}“ freigeben` }).click();
  await expect(m.page.getByRole('button', { name: `„${title}“ freigeben` })).toHaveCount(0);

  // The reader's open page shows the published text (live invalidation, or after a reload).
  await expect(async () => {
    await expect(r.page.getByRole('main')).toContainText('Neuer Text zur Freigabe.', {
      timeout: 2000,
    });
  }).toPass({ timeout: 20_000 });
  expect(await readerApi.text(p.id)).toContain('Neuer Text zur Freigabe.');
  await e.context.close();
  await r.context.close();
  await m.context.close();
});

test('every wiki page at 1280, 390 and 320 px: no horizontal scroll, no axe findings; screenshots', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const api = await WikiApi.login('editor');
  const spaces = await api.ok<SpaceDTO[]>('GET', '/api/wiki/spaces');
  const stadt = spaces.find((s) => s.key === 'stadtverwaltung') as SpaceDTO;
  const tree = await api.ok<SpaceTreeDTO>('GET', `/api/wiki/spaces/${stadt.id}/tree`);
  // The demo page with the most to show (a table, a callout, sub-pages).
  const pick =
    tree.nodes.find((n) => n.parentId === null && tree.nodes.some((c) => c.parentId === n.id)) ??
    tree.nodes[0];
  const pageId = (pick as { id: string }).id;
  const views: [string, string, (pg: Page) => Promise<void>][] = [
    [
      'home',
      '/wiki',
      async (pg) => expect(pg.getByRole('heading', { level: 1 })).toHaveText('Wiki'),
    ],
    [
      'space',
      `/wiki/spaces/${stadt.id}`,
      async (pg) => expect(pg.getByRole('heading', { level: 1 })).toHaveText(stadt.name),
    ],
    [
      'settings',
      `/wiki/spaces/${stadt.id}?tab=settings`,
      async (pg) => expect(pg.getByRole('tabpanel')).toContainText('Einstellungen des Bereichs'),
    ],
    [
      'page',
      `/wiki/p/${pageId}`,
      async (pg) => expect(pg.getByRole('heading', { level: 1 })).toHaveText(pick?.title ?? ''),
    ],
    [
      'editor',
      `/wiki/p/${pageId}/edit`,
      async (pg) => expect(pg.locator('p[role="status"][data-state="saved"]')).toBeVisible(),
    ],
    [
      'history',
      `/wiki/p/${pageId}/history`,
      async (pg) => expect(pg.getByRole('heading', { level: 2, name: 'Versionen' })).toBeVisible(),
    ],
    [
      'reviews',
      '/wiki/reviews',
      async (pg) => expect(pg.getByRole('heading', { level: 1 })).toHaveText('Freigaben'),
    ],
  ];
  for (const [width, label] of [
    [1280, 'desktop'],
    [390, 'phone'],
    [320, 'narrow'],
  ] as const) {
    const who = await as(browser, 'admin', { width, height: 900 });
    for (const [name, url, ready] of views) {
      await who.page.goto(url);
      await ready(who.page);
      await expect(
        who.page.getByRole('main').locator('[aria-busy="true"], [role="progressbar"]'),
      ).toHaveCount(0);
      await expectNoHorizontalScroll(who.page);
      if (width !== 320) await shot(who.page, `${name}-${label}`);
      if (width === 1280) await expectNoA11yViolations(who.page, name);
    }
    await who.context.close();
  }
});

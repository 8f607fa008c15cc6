import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/n3b-shots';
mkdirSync(SHOTS, { recursive: true });

// An 8×6 PNG (the server re-encodes images, so it must be a real one).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGM4ISeHFTEMpAQAaYgwwWSFouIAAAAASUVORK5CYII=',
  'base64',
);

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
}

async function signedIn(browser: Browser, username: string, width = 1280): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'de-DE', viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await login(page, username);
  return page;
}

interface ChannelRow {
  id: string;
  abilities: { publish: boolean };
  requiresApproval: boolean;
}

/** A channel the signed-in editor publishes in without approval (created when the seed has none). */
async function ensureChannel(page: Page): Promise<string> {
  const list = (await (await page.request.get('/api/news/channels')).json()) as {
    data: ChannelRow[];
  };
  const found = list.data.find((c) => c.abilities.publish && !c.requiresApproval);
  if (found) return found.id;
  const res = await page.request.post('/api/news/channels', {
    headers: { 'X-CSRF-Token': await csrf(page) },
    data: {
      name: { de: 'Aus der Verwaltung', en: 'From the administration' },
      description: { de: '', en: '' },
    },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return ((await res.json()) as { data: { id: string } }).data.id;
}

/** Uploads an image through the dialog that insists on alt text. */
async function uploadImage(page: Page, dialogName: string, alt: string) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/Bilddatei/).setInputFiles({
    name: 'bild.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  // Without alt text the image cannot be added.
  const insert = dialog.getByRole('button', { name: 'Hochladen und einfügen' });
  await expect(insert).toBeDisabled();
  await expect(
    dialog.getByText('Ohne Alternativtext kann das Bild nicht eingefügt werden.'),
  ).toBeVisible();
  await expectNoA11yViolations(page, `${dialogName} dialog`);
  await dialog.getByRole('textbox', { name: /^Alternativtext/ }).fill(alt);
  await insert.click();
  await expect(dialog).toBeHidden();
}

test.describe('news editor', () => {
  test('writes a targeted article with images and a plain-language version; only its office sees it, live', async ({
    page,
    browser,
  }) => {
    // Four browser contexts and two uploads: more than the default minute on a loaded machine.
    test.slow();
    const stamp = Date.now();
    const title = `Haushaltssperre aufgehoben ${stamp}`;
    const plainTitle = `Es gibt wieder Geld ${stamp}`;

    // The reader in the targeted office has the feed open before the article exists.
    const reader = await signedIn(browser, 'employee');
    await reader.goto('/news');
    await expect(reader.getByRole('heading', { level: 1, name: 'Neuigkeiten' })).toBeVisible();
    // The same reader's start page, and another office's start page, open as well.
    const home = await signedIn(browser, 'employee');
    await home.goto('/');
    await expect(
      home.getByRole('heading', { level: 2, name: 'Nachrichten für mich' }),
    ).toBeVisible();
    const outsider = await signedIn(browser, 'employee2');
    await outsider.goto('/');
    await expect(
      outsider.getByRole('heading', { level: 2, name: 'Nachrichten für mich' }),
    ).toBeVisible();

    await login(page, 'editor');
    await ensureChannel(page);
    await page.goto('/news/manage');
    await expect(page.getByRole('heading', { level: 1, name: 'Beiträge verwalten' })).toBeVisible();
    await expectNoA11yViolations(page, 'manage page');
    await page.getByRole('link', { name: 'Neuer Beitrag' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Neuer Beitrag' })).toBeVisible();

    // German version: title, teaser, body with a heading, bold text and an inline image.
    const de = page.getByRole('tabpanel', { name: 'Deutsch' });
    await de.getByRole('textbox', { name: /^Titel/ }).fill(title);
    await de
      .getByRole('textbox', { name: 'Kurztext' })
      .fill('Die Stadtkämmerei gibt die Mittel frei.');
    const body = de.getByRole('textbox', { name: 'Text', exact: true });
    await body.click();
    await page.keyboard.type('Ab sofort gilt: ');
    await de.getByRole('button', { name: 'Fett' }).click();
    await expect(de.getByRole('button', { name: 'Fett' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.type('alle Mittel sind frei.');
    await de.getByRole('button', { name: 'Bild einfügen' }).click();
    await uploadImage(page, 'Bild in den Text einfügen', 'Diagramm der Haushaltsmittel');
    await expect(body.locator('img[alt="Diagramm der Haushaltsmittel"]')).toBeVisible();

    // Plain-language version with its reviewer.
    await page.getByRole('tab', { name: /Einfache Sprache/ }).click();
    const plain = page.getByRole('tabpanel', { name: /Einfache Sprache/ });
    await plain.getByRole('textbox', { name: /^Titel/ }).fill(plainTitle);
    await plain.getByRole('textbox', { name: 'Text', exact: true }).click();
    await page.keyboard.type('Die Stadt hat wieder Geld.');
    await plain.getByRole('combobox', { name: 'Geprüft von' }).fill('Laura');
    await page.getByRole('option', { name: /Laura Schmid/ }).click();

    // Cover image.
    await page.getByRole('button', { name: 'Titelbild wählen' }).click();
    await uploadImage(page, 'Titelbild hochladen', 'Das Rathaus am Marktplatz');
    await expect(page.getByRole('img', { name: 'Das Rathaus am Marktplatz' })).toBeVisible();

    // Audience: the office of `employee` (Stadtkämmerei) with its departments.
    const unitBox = page.getByRole('combobox', { name: 'Organisationseinheit hinzufügen' });
    const chosen = page.getByRole('listitem').filter({ hasText: /^20 Stadtkämmerei/ });
    // The suggestions can be replaced by a later answer just as the click lands (seen once in a
    // full run: the list stayed open, nothing chosen): choose again until the choice shows. The
    // list may stay open for the next choice (the page behind it is hidden); Escape closes it.
    await expect(async () => {
      await unitBox.fill('Stadtkämmerei');
      await page.getByRole('option', { name: /^20 Stadtkämmerei/ }).click({ timeout: 3_000 });
      await page.keyboard.press('Escape');
      await expect(chosen).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(
      page.getByRole('status').filter({ hasText: /Erreicht \d+ Person(en)? in 1 Amt/ }),
    ).toBeVisible();

    await expectNoA11yViolations(page, 'editor');
    await page.screenshot({ path: `${SHOTS}/editor-desktop.png`, fullPage: true });

    await page.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await expect(page).toHaveURL(/\/news\/[0-9a-f]{24}\/edit$/);
    await expect(page.getByText('Veröffentlicht', { exact: true }).first()).toBeVisible();
    const id = /\/news\/([0-9a-f]{24})\/edit/.exec(page.url())?.[1] ?? '';

    // The reader sees it arrive without reloading, in the feed and on the start page.
    await expect(reader.getByRole('link', { name: title })).toBeVisible();
    await expect(home.getByRole('link', { name: title })).toBeVisible();
    // The other office's open start page did not get it (the event went to the same moment).
    await expect(outsider.getByRole('link', { name: title })).toHaveCount(0);
    await reader.getByRole('link', { name: title }).click();
    await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(reader.locator('img[alt="Diagramm der Haushaltsmittel"]')).toBeVisible();
    await reader.getByText('Einfache Sprache', { exact: true }).click();
    await expect(reader.getByRole('heading', { level: 1, name: plainTitle })).toBeVisible();
    await expect(reader.getByText(/Geprüft von Laura Schmid/)).toBeVisible();

    // Another office: not in the feed, not by its address.
    await outsider.goto('/news');
    await expect(outsider.getByRole('heading', { level: 1, name: 'Neuigkeiten' })).toBeVisible();
    await expect(outsider.getByRole('link', { name: title })).toHaveCount(0);
    await outsider.goto(`/news/${id}`);
    await expect(
      outsider.getByText('Dieser Beitrag existiert nicht oder ist für Sie nicht sichtbar.'),
    ).toBeVisible();
    await expect(outsider.getByText(title)).toHaveCount(0);

    // The editor at phone width: no horizontal scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Beitrag bearbeiten' })).toBeVisible();
    // The stored article is loaded into the form (not an empty draft).
    await expect(
      page.getByRole('tabpanel', { name: 'Deutsch' }).getByRole('textbox', { name: /^Titel/ }),
    ).toHaveValue(title);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/editor-390.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(page);
    await reader.context().close();
    await home.context().close();
    await outsider.context().close();
  });

  test('mandatory acknowledgement: the open dashboard updates live when a reader confirms', async ({
    page,
    browser,
  }) => {
    await login(page, 'editor');
    await ensureChannel(page);

    // Written in the editor: mandatory with a deadline, for everyone.
    const title = `Dienstvereinbarung Digitalisierung ${Date.now()}`;
    await page.goto('/news/new');
    await page
      .getByRole('tabpanel', { name: 'Deutsch' })
      .getByRole('textbox', { name: /^Titel/ })
      .fill(title);
    await page.getByText('Kenntnisnahme verlangen').click();
    const deadline = new Date(Date.now() + 5 * 86_400_000);
    const local = `${deadline.getFullYear()}-${String(deadline.getMonth() + 1).padStart(2, '0')}-${String(deadline.getDate()).padStart(2, '0')}T12:00`;
    await page.getByLabel('Frist für die Kenntnisnahme').fill(local);
    await page.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await expect(page).toHaveURL(/\/news\/[0-9a-f]{24}\/edit$/);
    const id = /\/news\/([0-9a-f]{24})\/edit/.exec(page.url())?.[1] ?? '';

    await page.getByRole('link', { name: 'Stand der Kenntnisnahme' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Stand der Kenntnisnahme' }),
    ).toBeVisible();
    const numbers = page.getByText(/^\d+ von \d+ bestätigt/);
    await expect(numbers).toBeVisible();
    const before = Number(/^(\d+)/.exec((await numbers.textContent()) ?? '')?.[1]);
    await expect(page.getByRole('progressbar', { name: 'Bestätigt' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Laura Schmid' })).toBeVisible();
    await expectNoA11yViolations(page, 'dashboard');

    // Sorting by keyboard.
    await page.getByRole('button', { name: /^Amt/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('columnheader', { name: /^Amt/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    const reader = await signedIn(browser, 'employee');
    await reader.goto(`/news/${id}`);
    await reader.getByRole('button', { name: 'Gelesen und zur Kenntnis genommen' }).click();
    await expect(reader.getByText(/Sie haben die Kenntnisnahme am/)).toBeVisible();

    // No reload on the editor's side.
    await expect(page.getByText(new RegExp(`^${before + 1} von \\d+ bestätigt`))).toBeVisible();
    await expect(page.getByRole('link', { name: 'Laura Schmid' })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/dashboard-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/dashboard-390.png`, fullPage: true });
    await expect(page.getByRole('link', { name: 'Als CSV herunterladen' })).toHaveAttribute(
      'href',
      `/api/news/${id}/acknowledgements.csv`,
    );
    await reader.context().close();
  });

  test('channels page: create a channel with an office editor, by keyboard', async ({ page }) => {
    await login(page, 'editor');
    await page.goto('/news/channels');
    await expect(page.getByRole('heading', { level: 1, name: 'Kanäle' })).toBeVisible();
    const name = `Amtsblatt ${Date.now()}`;
    await page.getByRole('button', { name: 'Neuer Kanal' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Kanal anlegen' });
    await dialog.getByRole('textbox', { name: /^Name \(Deutsch\)/ }).fill(name);
    await dialog.getByRole('textbox', { name: /^Name \(Englisch\)/ }).fill(`${name} EN`);
    await dialog.getByRole('combobox', { name: 'Person hinzufügen' }).fill('Laura');
    await page.getByRole('option', { name: /Laura Schmid/ }).click();
    await expect(dialog.getByText('Laura Schmid', { exact: true })).toBeVisible();
    await expectNoA11yViolations(page, 'channel dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    await expectNoA11yViolations(page, 'channels page');
  });
});

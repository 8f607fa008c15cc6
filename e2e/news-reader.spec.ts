import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/n3a-shots';
mkdirSync(SHOTS, { recursive: true });

const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=1</script>';

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
}

const hex = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
const objectId = () => `${Math.floor(Date.now() / 1000).toString(16)}${hex(16)}`;

interface Created {
  id: string;
  title: string;
  plainTitle: string;
}

/** As the editor: a channel (existing or new) and a published article for everyone. */
async function publishArticle(page: Page, { mandatory = true } = {}): Promise<Created> {
  await login(page, 'editor');
  const token = await csrf(page);
  const headers = { 'X-CSRF-Token': token };
  const me = (await (await page.request.get('/api/me')).json()) as { data: { id: string } };
  const channels = (await (await page.request.get('/api/news/channels')).json()) as {
    data: { id: string }[];
  };
  let channelId = channels.data[0]?.id;
  if (!channelId) {
    const res = await page.request.post('/api/news/channels', {
      headers,
      data: {
        name: { de: 'Aus der Verwaltung', en: 'From the administration' },
        description: { de: '', en: '' },
      },
    });
    expect(res.status(), await res.text()).toBeLessThan(300);
    channelId = ((await res.json()) as { data: { id: string } }).data.id;
  }
  const id = objectId();
  const stamp = Date.now();
  // An attachment whose file name carries markup: it must show as text, never run.
  const upload = await page.request.post(`/api/news/${id}/uploads`, {
    headers,
    multipart: {
      file: {
        name: `Aushang ${XSS_IMG}.pdf`,
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBeLessThan(300);
  const attachment = ((await upload.json()) as { data: { fileId: string } }).data.fileId;
  const title = `Neue Öffnungszeiten ${stamp} ${XSS_IMG}`;
  const plainTitle = `Neue Zeiten im Bürgerbüro ${stamp}`;
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const created = await page.request.post('/api/news', {
    headers,
    data: {
      id,
      channelId,
      variants: {
        de: {
          title,
          teaser: `Ab März gelten neue Zeiten ${XSS_SCRIPT}`,
          body:
            `<h2>Was ändert sich?</h2><p>Die Bürgerbüros öffnen montags schon um 7 Uhr.</p>` +
            `${XSS_SCRIPT}<p onclick="window.__xss=1">Klick</p>${XSS_IMG}` +
            `<p><a href="javascript:window.__xss=1">Link</a> <a href="https://www.stuttgart.de">Stuttgart</a></p>`,
        },
        en: {
          title: `New opening hours ${stamp}`,
          teaser: 'New hours from March',
          body: '<p>The citizen offices open at 7 on Mondays.</p>',
        },
        plain: {
          title: plainTitle,
          teaser: 'Das Bürgerbüro macht früher auf.',
          body: '<p>Am Montag macht das Bürgerbüro um 7 Uhr auf.</p>',
          reviewedById: me.data.id,
        },
      },
      audience: { units: [], roles: [], locationIds: [] },
      attachmentIds: [attachment],
      mandatory: mandatory ? { deadline } : null,
      allowComments: true,
      allowReactions: true,
    },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  const rev = ((await created.json()) as { data: { rev: number } }).data.rev;
  const published = await page.request.post(`/api/news/${id}/publish`, {
    headers,
    data: { rev },
  });
  expect(published.status(), await published.text()).toBe(200);
  return { id, title, plainTitle };
}

/** Records speech calls (headless Chromium has no voices) and any dialog or XSS marker. */
async function instrument(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const calls: unknown[][] = [];
    (window as unknown as { __speech: unknown[][] }).__speech = calls;
    const synth = {
      speaking: false,
      paused: false,
      pending: false,
      speak: (u: SpeechSynthesisUtterance) => calls.push(['speak', u.text, u.lang]),
      pause: () => calls.push(['pause']),
      resume: () => calls.push(['resume']),
      cancel: () => calls.push(['cancel']),
      getVoices: () => [],
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  });
  return { dialogs };
}

const speech = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: unknown[][] }).__speech.map((c) => c[0]));

test.describe('news for readers', () => {
  test('employee reads, switches to plain language, listens, acknowledges, reacts and comments', async ({
    page,
    browser,
  }) => {
    const editorContext = await browser.newContext({ locale: 'de-DE' });
    const article = await publishArticle(await editorContext.newPage());
    await editorContext.close();

    const { dialogs } = await instrument(page);
    await login(page, 'employee');
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Neuigkeiten' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Neuigkeiten' })).toBeVisible();
    const card = page.getByRole('article').filter({ hasText: article.title });
    await expect(card).toBeVisible();
    await expect(card.getByText('Neu', { exact: true })).toBeVisible();
    await expect(card.getByText(/^Kenntnisnahme bis/)).toBeVisible();
    await expectNoA11yViolations(page, 'news list');
    await page.screenshot({ path: `${SHOTS}/list-desktop.png`, fullPage: true });

    // Filters live in the URL.
    await page.getByText('Nur mit Kenntnisnahme').click();
    await expect(page).toHaveURL(/mandatory=true/);
    await expect(card).toBeVisible();
    await page.getByText('Nur mit Kenntnisnahme').click();

    await card.getByRole('link', { name: article.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
    await expect(page.getByText('Die Bürgerbüros öffnen montags schon um 7 Uhr.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Stuttgart', exact: true })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    // The attachment's name is shown as text (whatever survived the server's clean-up).
    await expect(
      page.getByRole('region', { name: 'Anhänge' }).getByRole('link', { name: /Aushang/ }),
    ).toBeVisible();
    await expectNoA11yViolations(page, 'article');
    await page.screenshot({ path: `${SHOTS}/article-desktop.png`, fullPage: true });

    // Plain language with its reviewer.
    // react-aria keeps the native radio visually hidden: click its visible label.
    await page.getByText('Einfache Sprache', { exact: true }).click();
    await expect(page.getByRole('radio', { name: 'Einfache Sprache' })).toBeChecked();
    await expect(page.getByRole('heading', { level: 1, name: article.plainTitle })).toBeVisible();
    await expect(page.getByText(/^Geprüft von .+ am /)).toBeVisible();

    // Read aloud by keyboard: from the variant picker, Tab to play, Space to pause, Tab to stop.
    await page.getByRole('radio', { name: 'Einfache Sprache' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Vorlesen', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Fortsetzen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Stopp' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Vorlesen', exact: true })).toBeFocused();
    const calls = await speech(page);
    expect(calls).toEqual(expect.arrayContaining(['speak', 'pause', 'resume', 'cancel']));
    const spoken = await page.evaluate(() =>
      (window as unknown as { __speech: unknown[][] }).__speech
        .filter((c) => c[0] === 'speak')
        .map((c) => `${String(c[2])}:${String(c[1])}`),
    );
    expect(spoken.join(' ')).toContain('de-DE:');
    expect(spoken.join(' ')).toContain('Bürgerbüro');

    // Acknowledge.
    await page.getByRole('button', { name: 'Gelesen und zur Kenntnis genommen' }).click();
    await expect(page.getByRole('heading', { name: 'Kenntnisnahme bestätigt' })).toBeVisible();
    await expect(page.getByText(/Sie haben die Kenntnisnahme am .+ bestätigt\./)).toBeVisible();

    // React (toggle with aria-pressed and count).
    const like = page.getByRole('button', { name: /Gefällt mir/ });
    await expect(like).toHaveAttribute('aria-pressed', 'false');
    await like.click();
    await expect(like).toHaveAttribute('aria-pressed', 'true');
    await expect(like).toContainText('1');

    // Comment with a payload: shown as text, nothing runs.
    const payload = `Danke! ${XSS_IMG}${XSS_SCRIPT}`;
    await page.getByRole('textbox', { name: 'Ihr Kommentar' }).fill(payload);
    await page.getByRole('button', { name: 'Kommentar senden' }).click();
    const comments = page.getByRole('region', { name: /Kommentare/ });
    // The comment itself (the live copy can show before the field is cleared by the answer).
    await expect(comments.getByRole('article').getByText(payload)).toBeVisible();
    await comments.getByRole('button', { name: 'Antworten' }).first().click();
    await expect(page.getByRole('textbox', { name: /^Antwort an / })).toBeFocused();
    await page.keyboard.type('Gern geschehen.');
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    // In the list of answers (the field may still hold the text until the answer returns).
    await expect(
      comments.getByRole('list', { name: /^Antworten auf / }).getByText('Gern geschehen.'),
    ).toBeVisible();
    await expectNoA11yViolations(page, 'article with comments');
    await page.screenshot({ path: `${SHOTS}/article-comments.png`, fullPage: true });

    // Phone width: no horizontal scroll, screenshots to look at.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/article-390.png`, fullPage: true });
    await page.goto('/news');
    await expect(page.getByRole('heading', { level: 1, name: 'Neuigkeiten' })).toBeVisible();
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/list-390.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 700 });
    await expectNoHorizontalScroll(page);

    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(
      undefined,
    );
    expect(dialogs).toEqual([]);
  });

  test('a newly published article arrives in the open feed without reload', async ({
    page,
    browser,
  }) => {
    await login(page, 'employee2');
    await page.goto('/news');
    await expect(page.getByRole('heading', { level: 1, name: 'Neuigkeiten' })).toBeVisible();
    await expect(page.getByText(/Beitr(ag|äge)|Keine Beiträge/).first()).toBeVisible();
    const editorContext = await browser.newContext({ locale: 'de-DE' });
    // Not mandatory: its notification would take the live region's single message.
    const article = await publishArticle(await editorContext.newPage(), { mandatory: false });
    await editorContext.close();
    await expect(page.getByRole('article').filter({ hasText: article.title })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: `Neuer Beitrag: ${article.title}` }),
    ).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(
      undefined,
    );
  });
});

import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';

test.describe('app shell', () => {
  test('start page: landmarks, greeting, cards, no axe violations', async ({ page }) => {
    await login(page, 'employee');
    const me = (await (await page.request.get('/api/me')).json()) as {
      data: { displayName: string };
    };
    const first = me.data.displayName.split(' ')[0] ?? '';
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      new RegExp(`^Guten (Morgen|Tag|Abend), ${first}$`),
    );
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Schnellzugriff' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Barrierefreiheit' })).toBeVisible();
    // Only administrators see the admin area.
    await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
    await expectNoA11yViolations(page, 'start page');
    await page.screenshot({ path: '/tmp/h4-shots/start.png', fullPage: true });
  });

  test('keyboard only: skip link first, then every header control with a visible focus ring', async ({
    page,
  }) => {
    await login(page, 'employee');
    await page.goto('/');
    await expect(page.getByRole('banner')).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();

    await page.goto('/');
    await expect(page.getByRole('banner')).toBeVisible();
    const seen: { name: string; outline: boolean }[] = [];
    for (let i = 0; i < 17; i += 1) {
      await page.keyboard.press('Tab');
      seen.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return { name: '', outline: false };
          const style = getComputedStyle(el);
          const name =
            el.getAttribute('aria-label') ??
            el.getAttribute('placeholder') ??
            (el.textContent ?? '').trim();
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          return { name, outline };
        }),
      );
    }
    const expected = [
      /Zum Inhalt springen/,
      /Mitarbeiterportal/,
      /Name, Amt oder Zuständigkeit/,
      /English/,
      /Benachrichtigungen, \d+ ungelesen/,
      /Benutzermenü für/,
      /^Start$/,
      /^Räume$/,
      /^Lernen$/,
      /^Personen$/,
      /^Organisation$/,
    ];
    for (const pattern of expected) {
      const hit = seen.find((s) => pattern.test(s.name));
      expect(
        hit,
        `reached ${pattern} by Tab (${seen.map((s) => s.name).join(' | ')})`,
      ).toBeTruthy();
      expect(hit?.outline, `visible focus on ${pattern}`).toBe(true);
    }
  });

  test('route change moves focus to the heading and changes the document title', async ({
    page,
  }) => {
    await login(page, 'employee');
    await page.getByRole('link', { name: 'Alle Benachrichtigungen', exact: true }).click();
    const h1 = page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' });
    await expect(h1).toBeFocused();
    await expect(page).toHaveTitle('Benachrichtigungen – Mitarbeiterportal');
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Start' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page).toHaveTitle(/^Guten (Morgen|Tag|Abend), .+ – Mitarbeiterportal$/);
  });

  test('unknown path shows the 404 page', async ({ page }) => {
    await login(page, 'employee');
    await page.goto('/gibt-es-nicht');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }),
    ).toBeVisible();
    await expect(page).toHaveTitle('Seite nicht gefunden – Mitarbeiterportal');
    await expectNoA11yViolations(page, '404');
  });

  test('accessibility statement offers a feedback channel', async ({ page }) => {
    await login(page, 'employee');
    await page.getByRole('link', { name: 'Barrierefreiheit' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }),
    ).toBeFocused();
    await expect(
      page.getByRole('link', { name: 'E-Mail zur Barrierefreiheit schreiben' }),
    ).toHaveAttribute('href', /^mailto:barrierefreiheit@stuttgart\.example/);
    await expectNoA11yViolations(page, 'accessibility statement');
  });

  test('320 px: no horizontal scroll, navigation in the menu dialog', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await login(page, 'employee');
    await expectNoHorizontalScroll(page);
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeHidden();
    await page.getByRole('button', { name: 'Menü', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Menü' });
    await expect(dialog).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoA11yViolations(page, 'mobile menu');
    await page.screenshot({ path: '/tmp/h4-shots/mobile-menu.png' });
    await dialog.getByRole('link', { name: 'Personen' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/people/);
    await expectNoHorizontalScroll(page);
  });
});

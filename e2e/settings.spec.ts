import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';
import type { Page } from '@playwright/test';

/** Puts the person's settings back, so other specs start from the defaults. */
async function resetSettings(page: Page) {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  const res = await page.request.patch('/api/me/settings', {
    headers: { 'X-CSRF-Token': token },
    data: { language: 'de', textSize: 100, contrast: 'standard', reducedMotion: false },
  });
  expect(res.ok()).toBe(true);
}

test.describe('settings', () => {
  test.afterEach(async ({ page }) => {
    await resetSettings(page);
  });

  test('text size 200 %: everything scales and nothing scrolls sideways', async ({ page }) => {
    await login(page, 'employee');
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
    await expectNoA11yViolations(page, 'settings');
    await page.screenshot({ path: '/tmp/h4-shots/settings.png', fullPage: true });

    // The native input is visually hidden: click its visible label like a person would.
    await page.getByRole('main').getByText('200 %', { exact: true }).click();
    await expect(page.getByRole('radio', { name: '200 %' })).toBeChecked();
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize))
      .toBe('32px');
    await expectNoHorizontalScroll(page);
    // The header collapses into the menu when the text is this large.
    await expect(page.getByRole('button', { name: 'Menü', exact: true })).toBeVisible();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize))
      .toBe('32px');
    await page.screenshot({ path: '/tmp/h4-shots/text-200.png', fullPage: true });
  });

  test('high contrast applies at once, passes axe and persists', async ({ page }) => {
    await login(page, 'employee');
    await page.goto('/settings');
    await page.getByRole('main').getByText('Hoher Kontrast', { exact: true }).click();
    await expect(page.getByRole('switch', { name: /Hoher Kontrast/ })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
    await expectNoA11yViolations(page, 'settings in high contrast');
    await page.screenshot({ path: '/tmp/h4-shots/high-contrast.png', fullPage: true });
    await expect(
      page.getByRole('status').filter({ hasText: 'Einstellung gespeichert.' }),
    ).toHaveCount(1);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
    await page.goto('/');
    await expectNoA11yViolations(page, 'start page in high contrast');
    await page.screenshot({ path: '/tmp/h4-shots/high-contrast-start.png', fullPage: true });
  });

  test('reduced motion is applied to the document', async ({ page }) => {
    await login(page, 'employee');
    await page.goto('/settings');
    await page.getByRole('main').getByText('Bewegung reduzieren', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-reduced-motion', 'true');
  });

  test('switching to English changes the interface and persists after reload', async ({ page }) => {
    await login(page, 'employee');
    await page.goto('/settings');
    await page.getByRole('main').getByText('English', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page).toHaveTitle('Settings – Staff portal');
    await expectNoA11yViolations(page, 'settings in English');

    // The header switch goes back to German.
    await page.getByRole('banner').getByRole('button', { name: 'Deutsch' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  });
});

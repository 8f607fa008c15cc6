import { test, expect, login, expectNoA11yViolations } from './fixtures';
import type { Page } from '@playwright/test';

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
}

async function unreadFromBell(page: Page): Promise<number> {
  const label = await page
    .getByRole('button', { name: /^Benachrichtigungen, \d+ ungelesen$/ })
    .getAttribute('aria-label');
  return Number(/(\d+)/.exec(label ?? '')?.[1] ?? NaN);
}

test.describe('notifications', () => {
  test('a broadcast arrives live in another browser without reload', async ({ page, browser }) => {
    await login(page, 'employee');
    const me = (await (await page.request.get('/api/me')).json()) as { data: { id: string } };
    const before = await unreadFromBell(page);

    const adminContext = await browser.newContext({ locale: 'de-DE' });
    const admin = await adminContext.newPage();
    await login(admin, 'admin');
    const title = `Wartung E-Akte ${Date.now()}`;
    const res = await admin.request.post('/api/notifications/broadcast', {
      headers: { 'X-CSRF-Token': await csrf(admin) },
      data: {
        audience: { userIds: [me.data.id] },
        title,
        body: 'Am Samstag ist die E-Akte von 8 bis 12 Uhr nicht erreichbar.',
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    await adminContext.close();

    // No reload: the socket patches the bell, the start page card and the live region.
    await expect(
      page.getByRole('button', { name: `Benachrichtigungen, ${before + 1} ungelesen` }),
    ).toBeVisible();
    await expect(page.getByRole('main').getByText(title)).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: `Neue Benachrichtigung: ${title}` }),
    ).toHaveCount(1);

    await page.getByRole('button', { name: /^Benachrichtigungen, \d+ ungelesen$/ }).click();
    const panel = page.getByRole('dialog', { name: 'Benachrichtigungen' });
    await expect(panel.getByText(title)).toBeVisible();
    await expectNoA11yViolations(page, 'bell popover');
    await page.screenshot({ path: '/tmp/h4-shots/bell.png' });
    await panel.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
    await expect(
      page.getByRole('button', { name: 'Benachrichtigungen, 0 ungelesen' }),
    ).toBeVisible();
  });

  test('notifications page lists, filters and marks read', async ({ page, browser }) => {
    await login(page, 'employee2');
    const me = (await (await page.request.get('/api/me')).json()) as { data: { id: string } };
    const adminContext = await browser.newContext({ locale: 'de-DE' });
    const admin = await adminContext.newPage();
    await login(admin, 'admin');
    const title = `Rundschreiben ${Date.now()}`;
    const res = await admin.request.post('/api/notifications/broadcast', {
      headers: { 'X-CSRF-Token': await csrf(admin) },
      data: { audience: { userIds: [me.data.id] }, title, body: 'Bitte lesen.' },
    });
    expect(res.status(), await res.text()).toBe(200);
    await adminContext.close();

    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible();
    await expect(page.getByText(title)).toBeVisible();
    await expectNoA11yViolations(page, 'notifications page');
    await page.getByRole('button', { name: `„${title}“ als gelesen markieren` }).click();
    await expect(
      page.getByRole('button', { name: `„${title}“ als gelesen markieren` }),
    ).toHaveCount(0);
    await page.getByText('Nur ungelesene anzeigen').click();
    await expect(page.getByText(title)).toHaveCount(0);
  });
});

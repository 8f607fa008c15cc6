import { test, expect, login, expectNoA11yViolations, DEMO_PASSWORD } from './fixtures';

test.describe('sign-in and sign-out', () => {
  test('without a session every page sends you to login and back afterwards', async ({ page }) => {
    await page.goto('/settings');
    await expect(page).toHaveURL(/\/login\?returnTo=%2Fsettings/);
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await expect(page).toHaveTitle('Anmelden – Mitarbeiterportal');
    await expectNoA11yViolations(page, 'login');
    await page.screenshot({ path: '/tmp/h4-shots/login.png' });

    await page.getByLabel('Benutzername').fill('employee');
    await page.getByLabel('Passwort').fill('falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert')).toContainText('Benutzername oder Passwort ist falsch.');
    await expectNoA11yViolations(page, 'login with error');

    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  });

  test('empty fields are explained before anything is sent', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByText('Bitte geben Sie Ihren Benutzernamen ein.')).toBeVisible();
    await expect(page.getByText('Bitte geben Sie Ihr Passwort ein.')).toBeVisible();
  });

  test('returnTo never leaves the portal', async ({ page, baseURL }) => {
    await page.goto('/login?returnTo=//evil.example/steal');
    await page.getByLabel('Benutzername').fill('employee');
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  });

  test('logout from the user menu ends the session', async ({ page }) => {
    await login(page, 'employee');
    await page.getByRole('button', { name: /Benutzermenü für/ }).click();
    await page.getByRole('menuitem', { name: 'Abmelden' }).click();
    await expect(page).toHaveURL(/\/login/);
    // The login page can show before the logout answer has arrived; the session must end.
    await expect.poll(async () => (await page.request.get('/api/me')).status()).toBe(401);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('logout in one tab signs out the other tab of the same session', async ({
    page,
    context,
  }) => {
    await login(page, 'employee');
    const other = await context.newPage();
    await other.goto('/settings');
    await expect(other.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
    await page.getByRole('button', { name: /Benutzermenü für/ }).click();
    await page.getByRole('menuitem', { name: 'Abmelden' }).click();
    // session:ended over the socket: the other tab goes to login without a reload.
    await expect(other).toHaveURL(/\/login/);
  });

  test('a single sign-on error is explained', async ({ page }) => {
    await page.goto('/login?error=sso_unknown');
    await expect(page.getByRole('alert')).toContainText(
      'Single Sign-on ist im Portal nicht bekannt',
    );
  });
});

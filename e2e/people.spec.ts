import { mkdirSync } from 'node:fs';
import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';

mkdirSync('/tmp/h5-shots', { recursive: true });

test.describe('people directory, profile and org tree', () => {
  test('employee finds a colleague, opens the profile and edits their own profile', async ({
    page,
  }) => {
    await login(page, 'employee');
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Personen' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Personen finden' })).toBeFocused();
    await expect(page).toHaveTitle(/^Personen finden – /);
    await expectNoA11yViolations(page, 'directory');

    await page
      .getByRole('searchbox', { name: 'Name, Funktion oder Zuständigkeit' })
      .fill('hofmann');
    await expect(page).toHaveURL(/\/people\?q=hofmann$/);
    const card = page.getByRole('article', { name: 'Christine Hofmann' });
    await expect(card).toBeVisible();
    await expect(card.getByRole('link', { name: /E-Mail an Christine Hofmann/ })).toHaveAttribute(
      'href',
      /^mailto:/,
    );
    await expect(page.getByText(/^1 Person gefunden$/)).toBeVisible();
    await expectNoA11yViolations(page, 'directory with results');
    await page.screenshot({ path: '/tmp/h5-shots/e2e-directory.png', fullPage: true });

    await card.getByRole('link', { name: 'Christine Hofmann', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Christine Hofmann' })).toBeFocused();
    await expect(page).toHaveTitle(/^Christine Hofmann – /);
    await expect(page.getByRole('link', { name: /Haupt- und Personalamt/ }).first()).toBeVisible();
    // Someone else's profile is not editable.
    await expect(page.getByRole('button', { name: 'Mein Profil bearbeiten' })).toHaveCount(0);
    await expectNoA11yViolations(page, 'profile');

    // Own profile: edit dialog.
    await page.getByRole('button', { name: /Benutzermenü/ }).click();
    await page.getByRole('menuitem', { name: 'Mein Profil' }).click();
    await page.getByRole('button', { name: 'Mein Profil bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mein Profil bearbeiten' });
    await expect(dialog).toBeVisible();
    await expectNoA11yViolations(page, 'edit profile dialog');
    await dialog.getByRole('textbox', { name: 'Telefon' }).fill('+49 711 216-20999');
    await dialog
      .getByRole('textbox', { name: 'Zuständig für' })
      .fill('zuständig für Haushaltsplanung\nzuständig für Kassenprüfung');
    await page.screenshot({ path: '/tmp/h5-shots/e2e-edit-profile.png' });
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: '+49 711 216-20999' })).toBeVisible();
    await expect(page.getByText('zuständig für Kassenprüfung')).toBeVisible();
    // Focus returns to the button that opened the dialog.
    await expect(page.getByRole('button', { name: 'Mein Profil bearbeiten' })).toBeFocused();
  });

  test('org tree is operable by keyboard and leads to the unit page', async ({ page }) => {
    await login(page, 'employee');
    await page.goto('/org');
    const tree = page.getByRole('tree', { name: /Organigramm/ });
    await expect(tree).toBeVisible();
    await expectNoA11yViolations(page, 'org tree');

    const items = tree.getByRole('treeitem');
    const first = items.first();
    // One tab stop: the first unit.
    await first.focus();
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(first).toBeFocused();
    const office = (await first.textContent()) ?? '';
    expect(office).toContain('Haupt- und Personalamt');

    await page.keyboard.press('ArrowRight');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowRight');
    const child = tree.getByRole('treeitem', { name: /Personalservice/ });
    await expect(child).toBeFocused();
    await expect(child).toHaveAttribute('aria-level', '2');
    await page.keyboard.press('ArrowLeft');
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('End');
    await expect(items.last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(first).toBeFocused();
    await expectNoA11yViolations(page, 'org tree after keyboard use');
    await page.screenshot({ path: '/tmp/h5-shots/e2e-org.png', fullPage: true });

    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { level: 1, name: '10 Haupt- und Personalamt' }),
    ).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Mitarbeitende' })).toBeVisible();
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectNoA11yViolations(page, 'unit page');
  });

  test('directory and profile reflow at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await login(page, 'employee');
    await page.goto('/people?q=schmid');
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoA11yViolations(page, 'directory at 320 px');
    await page.screenshot({ path: '/tmp/h5-shots/e2e-directory-320.png' });
    await page.getByRole('article').first().getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expectNoHorizontalScroll(page);
    await page.goto('/org');
    await expect(page.getByRole('tree')).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

import { mkdirSync } from 'node:fs';
import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';

mkdirSync('/tmp/h5-shots', { recursive: true });

test.describe('admin area', () => {
  test('a non-admin sees no admin entry and /admin says no permission', async ({ page }) => {
    await login(page, 'employee');
    await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' })).toBeVisible();
    await expect(page).toHaveTitle(/^Keine Berechtigung – /);
    await expectNoA11yViolations(page, 'no permission');
    await page.goto('/admin/people');
    await expect(page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  test('admin creates a person who is then findable in the directory', async ({ page }) => {
    await login(page, 'admin');
    await page.getByRole('link', { name: 'Admin', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verwaltung' })).toBeFocused();
    await expectNoA11yViolations(page, 'admin overview');
    await page.screenshot({ path: '/tmp/h5-shots/e2e-admin.png', fullPage: true });

    await page.getByRole('link', { name: 'Öffnen: Personen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Personen verwalten' })).toBeFocused();
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoA11yViolations(page, 'admin people');
    await page.screenshot({ path: '/tmp/h5-shots/e2e-admin-people.png', fullPage: true });

    await page.getByRole('button', { name: 'Person anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Person anlegen' });
    await expect(dialog).toBeVisible();
    await expectNoA11yViolations(page, 'create person dialog');

    // Invalid input: the server's field issues appear at the fields, in German.
    await dialog.getByRole('textbox', { name: /Vorname/ }).fill('Jana');
    await dialog.getByRole('textbox', { name: /Benutzername/ }).fill('Jana Groß');
    await dialog.getByRole('textbox', { name: /E-Mail/ }).fill('jana@');
    await dialog.getByRole('button', { name: 'Person anlegen' }).click();
    await expect(dialog.getByText('Bitte eine gültige E-Mail-Adresse eingeben.')).toBeVisible();
    await expect(dialog.getByText(/Nur Kleinbuchstaben, Ziffern/).last()).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: /Nachname/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectNoA11yViolations(page, 'create person dialog with errors');
    await page.screenshot({ path: '/tmp/h5-shots/e2e-create-errors.png' });

    await dialog.getByRole('textbox', { name: /Nachname/ }).fill('Großmann-Özdemir');
    await dialog.getByRole('textbox', { name: /Benutzername/ }).fill('jana.grossmann');
    await dialog.getByRole('textbox', { name: /E-Mail/ }).fill('jana.grossmann@stuttgart.example');
    await dialog.getByRole('textbox', { name: /Funktion/ }).fill('Sachbearbeiterin Wohngeld');
    await dialog.getByRole('button', { name: /Organisationseinheit/ }).click();
    await page.getByRole('option', { name: /50 Sozialamt/ }).click();
    await dialog.getByRole('button', { name: 'Person anlegen' }).click();
    await expect(dialog.getByText('Jana Großmann-Özdemir wurde angelegt.')).toBeVisible();
    await expect(dialog.getByText(/^[A-Za-z0-9_-]{16}$/)).toBeVisible();
    await page.screenshot({ path: '/tmp/h5-shots/e2e-created.png' });
    await dialog.getByRole('button', { name: 'Schließen' }).click();
    await expect(dialog).toBeHidden();

    await page.goto('/people?q=grossmann');
    const card = page.getByRole('article', { name: 'Jana Großmann-Özdemir' });
    await expect(card).toBeVisible();
    await expect(card.getByText('Sachbearbeiterin Wohngeld')).toBeVisible();

    // Edit page: roles, active switch with confirmation.
    await page.goto('/admin/people');
    await page.getByRole('searchbox', { name: /Name, Funktion/ }).fill('grossmann');
    await page.getByRole('link', { name: 'Jana Großmann-Özdemir bearbeiten' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Jana Großmann-Özdemir bearbeiten' }),
    ).toBeFocused();
    await expectNoA11yViolations(page, 'edit person');
    await page.getByRole('checkbox', { name: 'Redaktion' }).check({ force: true });
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect(page.getByText('Änderungen gespeichert.').first()).toBeVisible();

    await page.getByRole('switch', { name: 'Konto aktiv' }).click({ force: true });
    const confirm = page.getByRole('alertdialog', { name: 'Konto deaktivieren?' });
    await expect(confirm).toBeVisible();
    await expectNoA11yViolations(page, 'deactivate confirmation');
    await confirm.getByRole('button', { name: 'Konto deaktivieren' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('switch', { name: 'Konto aktiv' })).not.toBeChecked();
    await page.screenshot({ path: '/tmp/h5-shots/e2e-edit-person.png', fullPage: true });
  });

  test('units, locations and audit pages', async ({ page }) => {
    await login(page, 'admin');
    await page.goto('/admin/units');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Organisationseinheiten' }),
    ).toBeVisible();
    await expect(page.getByRole('cell', { name: /Haupt- und Personalamt/ }).first()).toBeVisible();
    await expectNoA11yViolations(page, 'admin units');
    await page.getByRole('button', { name: 'Einheit anlegen' }).click();
    const unitDialog = page.getByRole('dialog', { name: 'Organisationseinheit anlegen' });
    await expect(unitDialog).toBeVisible();
    await expectNoA11yViolations(page, 'unit dialog');
    await unitDialog.getByRole('textbox', { name: /Bezeichnung/ }).fill('Team Digitale Services');
    await unitDialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(unitDialog).toBeHidden();
    const newUnit = page.getByRole('cell', { name: 'Team Digitale Services', exact: true });
    await expect(newUnit).toBeVisible();
    await page.screenshot({ path: '/tmp/h5-shots/e2e-units.png', fullPage: true });
    // An empty unit can be deleted after confirmation.
    await page.getByRole('button', { name: 'Team Digitale Services löschen' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Einheit löschen?' });
    await expectNoA11yViolations(page, 'delete unit confirmation');
    await confirm.getByRole('button', { name: 'Löschen' }).click();
    await expect(newUnit).toHaveCount(0);

    await page.goto('/admin/locations');
    await expect(page.getByRole('heading', { level: 1, name: 'Standorte' })).toBeVisible();
    await expectNoA11yViolations(page, 'admin locations');
    await page.getByRole('button', { name: 'Standort anlegen' }).click();
    const locDialog = page.getByRole('dialog', { name: 'Standort anlegen' });
    await locDialog.getByRole('textbox', { name: /Bezeichnung/ }).fill('Bürgerbüro Bad Cannstatt');
    await locDialog.getByRole('textbox', { name: /Postleitzahl/ }).fill('123');
    await locDialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(locDialog.getByRole('textbox', { name: /Postleitzahl/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectNoA11yViolations(page, 'location dialog with error');
    await locDialog.getByRole('textbox', { name: /Postleitzahl/ }).fill('70372');
    await locDialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(locDialog).toBeHidden();
    await expect(
      page.getByRole('cell', { name: 'Bürgerbüro Bad Cannstatt', exact: true }),
    ).toBeVisible();

    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /auth\.login/ }).first()).toBeVisible();
    await expectNoA11yViolations(page, 'audit log');
    await page.screenshot({ path: '/tmp/h5-shots/e2e-audit.png', fullPage: true });

    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: '/tmp/h5-shots/e2e-audit-320.png' });
    await page.goto('/admin/people');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

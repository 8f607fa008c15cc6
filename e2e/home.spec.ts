import { test, expect, login, expectNoA11yViolations, expectNoHorizontalScroll } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/n4-shots';

/** Keyboard only: focus moves with Tab from a known control, activation with Enter / Space. */
async function press(target: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await target.focus();
  await expect(target).toBeFocused();
  await target.page().keyboard.press(key);
}

/**
 * A control inside a grid list row: the row takes focus first (what the arrow keys do), then Tab
 * walks through the row's controls (`keyboardNavigationBehavior="tab"`) until the target has it.
 */
async function pressInRow(row: Locator, target: Locator, key: 'Enter' | 'Space' = 'Enter') {
  const page = row.page();
  await row.focus();
  await expect(row).toBeFocused();
  for (let i = 0; i < 12; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
  await page.keyboard.press(key);
}

/** Widget headings of the board, in order. */
async function boardTitles(page: Page): Promise<string[]> {
  return page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
}

test.describe('start page', () => {
  test('customised by keyboard only, kept after reload, reset to default', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await login(page, 'hr');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Nachrichten für mich' })).toBeVisible();
    const initial = await boardTitles(page);
    expect(initial).toEqual([
      'Nachrichten für mich',
      'Zur Kenntnisnahme',
      'Meine Apps',
      'Benachrichtigungen',
      'Meine Chats',
      'Mein Urlaub',
      'Wiki',
      'Meine Räume',
      'Fällige Schulungen',
      'Meine Kurse',
      'Schnellzugriff',
      'Mein Profil',
    ]);
    await expectNoA11yViolations(page, 'start page');
    await page.screenshot({ path: `${SHOTS}/board-desktop.png`, fullPage: true });

    await press(page.getByRole('button', { name: 'Startseite anpassen' }));
    await expect(page.getByRole('heading', { name: 'Startseite anpassen' })).toBeFocused();
    const list = page.getByRole('grid', { name: 'Kacheln der Startseite' });
    await expect(list).toBeVisible();
    await expectNoA11yViolations(page, 'customise mode');
    await page.screenshot({ path: `${SHOTS}/board-customise.png`, fullPage: true });

    // Remove two widgets.
    const row = (name: string) => list.getByRole('row').filter({ hasText: name });
    await pressInRow(
      row('Schnellzugriff'),
      page.getByRole('button', { name: 'Schnellzugriff entfernen' }),
    );
    await expect(page.getByRole('status')).toHaveText(/Schnellzugriff entfernt/);
    // Focus went to the next card's remove button: that is "Mein Profil".
    await expect(page.getByRole('button', { name: 'Mein Profil entfernen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(list.getByRole('row')).toHaveCount(10);

    // Add "Mein Profil" back from the catalogue (select by keyboard), then move it and widen it.
    const select = page.getByRole('button', { name: /Kachel hinzufügen/ });
    await press(select);
    const option = page.getByRole('option', { name: 'Mein Profil' });
    await expect(page.getByRole('listbox')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(option).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(select).toContainText('Mein Profil');
    await press(page.getByRole('button', { name: 'Hinzufügen', exact: true }));
    await expect(page.getByRole('status')).toHaveText(/Mein Profil hinzugefügt/);
    await expect(page.getByRole('button', { name: 'Mein Profil nach vorn' })).toBeFocused();
    await page.keyboard.press('Enter'); // one position earlier: before "Meine Kurse"
    await expect(page.getByRole('status')).toHaveText(/Position 10 von 11/);
    await expect(page.getByRole('button', { name: 'Mein Profil nach vorn' })).toBeFocused();
    const sizes = page.getByRole('group', { name: 'Breite von Mein Profil' });
    await pressInRow(row('Mein Profil'), sizes.getByRole('button', { name: 'Breit' }), 'Space');
    await expect(sizes.getByRole('button', { name: 'Breit' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    // Move "Meine Apps" to the front with the keyboard drag and drop of the grid list.
    await pressInRow(
      row('Meine Apps'),
      page.getByRole('button', { name: 'Meine Apps verschieben' }),
    );
    // The first drop target depends on the layout (react-aria picks it); walk left until the drop
    // indicator is before the first card.
    const first = list.locator('[role=row][data-key="news"]');
    for (let i = 0; i < 12 && (await first.getAttribute('data-drop-target')) === null; i++) {
      await page.keyboard.press('ArrowLeft');
    }
    await expect(first).toHaveAttribute('data-drop-target', 'true');
    await page.keyboard.press('Enter');
    await expect(list.getByRole('row').first()).toContainText('Meine Apps');

    await press(page.getByRole('button', { name: 'Speichern' }));
    await expect(page.getByRole('status')).toHaveText(/Startseite gespeichert/);
    await expect(page.getByRole('button', { name: 'Startseite anpassen' })).toBeFocused();
    const expected = [
      'Meine Apps',
      'Nachrichten für mich',
      'Zur Kenntnisnahme',
      'Benachrichtigungen',
      'Meine Chats',
      'Mein Urlaub',
      'Wiki',
      'Meine Räume',
      'Fällige Schulungen',
      'Mein Profil',
      'Meine Kurse',
    ];
    await expect.poll(() => boardTitles(page)).toEqual(expected);

    await page.reload();
    await expect(main.getByRole('heading', { name: 'Meine Apps' })).toBeVisible();
    await expect.poll(() => boardTitles(page)).toEqual(expected);
    // The wide profile card spans the whole row.
    const profile = main
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Mein Profil' }) });
    const box = await profile.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(900);

    // Narrow screen: one column, no horizontal scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/board-390.png`, fullPage: true });
    await press(page.getByRole('button', { name: 'Startseite anpassen' }));
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/board-customise-390.png`, fullPage: true });
    await press(page.getByRole('button', { name: 'Abbrechen' }));
    await page.setViewportSize({ width: 1280, height: 900 });

    // Reset to default (confirmed in a dialog).
    await press(page.getByRole('button', { name: 'Startseite anpassen' }));
    await press(page.getByRole('button', { name: 'Auf Standard zurücksetzen' }));
    const dialog = page.getByRole('alertdialog', { name: 'Startseite zurücksetzen?' });
    await expect(dialog).toBeVisible();
    await expectNoA11yViolations(page, 'reset dialog');
    await press(dialog.getByRole('button', { name: 'Zurücksetzen' }));
    await expect(page.getByRole('status')).toHaveText(/auf den Standard zurückgesetzt/);
    await expect.poll(() => boardTitles(page)).toEqual(initial);
    await page.reload();
    await expect(main.getByRole('heading', { name: 'Mein Profil' })).toBeVisible();
    await expect.poll(() => boardTitles(page)).toEqual(initial);
  });

  test('pin an app and see it on the start page', async ({ page }) => {
    await login(page, 'mover');
    const apps = page
      .getByRole('main')
      .locator('section')
      .filter({
        has: page.getByRole('heading', { name: 'Meine Apps' }),
      });
    // Suggested apps are pinned until the person arranges their own.
    await expect(apps.getByRole('link', { name: /E-Mail und Kalender/ })).toBeVisible();
    await expect(apps.getByRole('link', { name: /Raumbuchung/ })).toHaveCount(0);

    await press(apps.getByRole('link', { name: 'Apps auswählen und ordnen' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Meine Apps' })).toBeVisible();
    await expectNoA11yViolations(page, 'apps page');
    await press(page.getByRole('button', { name: 'Raumbuchung anheften' }));
    await expect(page.getByRole('status')).toHaveText(/Raumbuchung angeheftet/);
    const pinned = page.getByRole('grid', { name: 'Angeheftete Apps' });
    await expect(pinned.getByRole('row').last()).toContainText('Raumbuchung');
    await pressInRow(
      pinned.getByRole('row').filter({ hasText: 'Raumbuchung' }),
      page.getByRole('button', { name: 'Raumbuchung nach oben' }),
    );
    await expect(page.getByRole('status')).toHaveText(/Position 3 von 4/);
    await pressInRow(
      pinned.getByRole('row').filter({ hasText: 'E-Mail und Kalender' }),
      page.getByRole('button', { name: 'E-Mail und Kalender lösen' }),
    );
    await expect(page.getByRole('status')).toHaveText(/E-Mail und Kalender gelöst/);
    await expectNoA11yViolations(page, 'apps page after changes');
    await page.screenshot({ path: `${SHOTS}/apps-page.png`, fullPage: true });

    await page.goto('/');
    const tiles = apps.getByRole('list').getByRole('link');
    await expect(apps.getByRole('link', { name: /Raumbuchung/ })).toBeVisible();
    const room = apps.getByRole('link', { name: 'Raumbuchung (öffnet in neuem Tab)' });
    await expect(room).toHaveAttribute('target', '_blank');
    await expect(room).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(room).toHaveAttribute('href', 'https://raeume.stuttgart.example/');
    await expect(apps.getByRole('link', { name: /E-Mail und Kalender/ })).toHaveCount(0);
    const names = (await tiles.allTextContents()).map((s) => s.replace(/\s*\(öffnet.*$/, ''));
    // Suggested were E-Mail, IT-Servicedesk, Zeiterfassung (by name); Raumbuchung moved up one.
    expect(names).toEqual(['IT-Servicedesk', 'Raumbuchung', 'Zeiterfassung']);
  });

  test('admins manage the app catalogue and default layouts', async ({ page }) => {
    await login(page, 'admin');
    await page.goto('/admin/apps');
    await expect(page.getByRole('heading', { level: 1, name: 'App-Katalog' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'E-Akte', exact: true })).toBeVisible();
    await expectNoA11yViolations(page, 'app catalogue');
    await page.getByRole('button', { name: 'App hinzufügen' }).click();
    const dialog = page.getByRole('dialog', { name: 'App hinzufügen' });
    await dialog.getByLabel('Name (Deutsch)').fill('Bibliothek');
    await dialog.getByLabel('Name (Englisch)').fill('Library');
    await dialog.getByLabel('Adresse (https://…)').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(
      dialog.getByText('Bitte geben Sie eine Adresse mit http:// oder https:// an.'),
    ).toBeVisible();
    await expectNoA11yViolations(page, 'app form with errors');
    await dialog.getByLabel('Adresse (https://…)').fill('https://bibliothek.stuttgart.example/');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('cell', { name: 'Bibliothek', exact: true })).toBeVisible();

    await page.goto('/admin/home-layouts');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Standardlayouts der Startseite' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Standardlayout anlegen' }).click();
    const form = page.getByRole('dialog', { name: 'Standardlayout anlegen' });
    await form.getByLabel('Name').fill('Verwaltung');
    await expectNoA11yViolations(page, 'default layout form');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByRole('cell', { name: 'Verwaltung', exact: true })).toBeVisible();
    await expectNoA11yViolations(page, 'default layouts');
    await page.getByRole('button', { name: 'Verwaltung löschen' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Löschen' }).click();
    await expect(page.getByRole('cell', { name: 'Verwaltung', exact: true })).toHaveCount(0);
  });
});

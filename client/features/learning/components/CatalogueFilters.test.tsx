import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n, renderWithRouter } from '../../../test/render';
import { CatalogueFilters } from './CatalogueFilters';

beforeEach(async () => {
  await i18n.changeLanguage('de');
});

const categories = [
  {
    id: '64b000000000000000000ca1',
    name: { de: 'Datenschutz', en: 'Data protection' },
    courseCount: 3,
  },
];

describe('CatalogueFilters', () => {
  it('labels every filter and turns "Nur Pflichtschulungen" on and off', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { rerender } = renderWithRouter(
      <CatalogueFilters value={{ kind: 'course' }} onChange={onChange} categories={categories} />,
    );
    expect(await screen.findByRole('searchbox', { name: 'Kurse durchsuchen' })).toBeVisible();
    expect(screen.getByRole('button', { name: /Kategorie/ })).toBeVisible();
    expect(screen.getByRole('button', { name: /Art/ })).toHaveTextContent('Online-Kurs');
    expect(screen.getByRole('button', { name: /Sprache/ })).toBeVisible();
    await user.click(screen.getByRole('checkbox', { name: 'Nur Pflichtschulungen' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'course', mandatory: 'true' });
    rerender(
      <CatalogueFilters
        value={{ kind: 'course', mandatory: 'true' }}
        onChange={onChange}
        categories={categories}
      />,
    );
    expect(screen.getByRole('checkbox', { name: 'Nur Pflichtschulungen' })).toBeChecked();
  });

  it('searches once typing settles and keeps the other filters', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithRouter(
      <CatalogueFilters value={{ language: 'de' }} onChange={onChange} categories={categories} />,
    );
    await user.type(await screen.findByRole('searchbox', { name: 'Kurse durchsuchen' }), 'Akte');
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ language: 'de', q: 'Akte' }));
    // Not once per key.
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('chooses a category from the list and resets all filters', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithRouter(
      <CatalogueFilters value={{ kind: 'training' }} onChange={onChange} categories={categories} />,
    );
    await user.click(await screen.findByRole('button', { name: /Kategorie/ }));
    await user.click(await screen.findByRole('option', { name: 'Datenschutz' }));
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'training',
      categoryId: '64b000000000000000000ca1',
    });
    await user.click(screen.getByRole('button', { name: 'Filter zurücksetzen' }));
    expect(onChange).toHaveBeenLastCalledWith({});
  });
});

import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UnitDTO } from '@shared/org/types';
import { orgKeys } from '../features/people/queries';
import { renderWithRouter, testMe, testQueryClient } from '../test/render';
import { UnitSearch } from './UnitSearch';

const unit = (id: string, name: string, number: string | null, path: string[]): UnitDTO => ({
  id,
  name,
  number,
  kind: 'department',
  parentId: path.at(-1) ?? null,
  path,
  leader: null,
  locationId: null,
  memberCount: 0,
  childCount: 0,
  abilities: { update: false, delete: false },
});
const office = unit('u1', 'Stadtkämmerei', '20', []);
const budget = unit('u2', 'Haushalt', '20-2', ['u1']);
const tax = unit('u3', 'Steuern', '20-3', ['u1']);

function setup(exclude: string[]) {
  const qc = testQueryClient(testMe());
  qc.setQueryData(orgKeys.units(), [office, budget, tax]);
  const onAdd = vi.fn();
  renderWithRouter(
    <UnitSearch
      exclude={exclude}
      onAdd={onAdd}
      label="Einheit hinzufügen"
      placeholder="Name oder Nummer"
      showAllLabel="Alle Einheiten zeigen"
      emptyText="Keine Einheit gefunden"
    />,
    { qc },
  );
  return onAdd;
}

describe('UnitSearch', () => {
  it('offers units with their office, not the excluded ones, and adds the chosen one', async () => {
    const onAdd = setup(['u3']);
    const box = screen.getByRole('combobox', { name: 'Einheit hinzufügen' });
    await userEvent.type(box, 'haus');
    const option = await screen.findByRole('option', { name: '20-2 Haushalt (Stadtkämmerei)' });
    await userEvent.type(box, '{Backspace}{Backspace}{Backspace}{Backspace}steu');
    expect(await screen.findByText('Keine Einheit gefunden')).toBeVisible();
    expect(option).not.toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.type(box, '20-2');
    await userEvent.click(await screen.findByRole('option', { name: /Haushalt/ }));
    expect(onAdd).toHaveBeenCalledWith('u2');
    expect(box).toHaveValue('');
  });
});

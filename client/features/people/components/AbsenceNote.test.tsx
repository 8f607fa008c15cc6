import { describe, it, expect, afterEach } from 'vitest';
import { screen } from '@testing-library/react';
import type { AbsenceDTO } from '@shared/leave/types';
import { AbsenceNote } from './AbsenceNote';
import { i18n, renderWithRouter } from '../../../test/render';

const absence = (deputy: boolean): AbsenceDTO => ({
  personId: 'p1',
  until: '2026-08-14',
  deputy: deputy
    ? {
        id: 'p2',
        displayName: 'Max Mover',
        position: null,
        unitId: 'u1',
        initials: 'MM',
        photoUrl: null,
      }
    : null,
});

describe('AbsenceNote (hand-over on the profile)', () => {
  afterEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('German: the last day in words and the deputy as a link to their profile', async () => {
    await i18n.changeLanguage('de');
    renderWithRouter(<AbsenceNote absence={absence(true)} />);
    const note = await screen.findByTestId('absence');
    expect(note.textContent).toBe('Im Urlaub bis Fr., 14. August 2026 · , Vertretung: Max Mover');
    expect(screen.getByRole('link', { name: 'Max Mover' }).getAttribute('href')).toBe('/people/p2');
  });

  it('English, compact (directory card) and without a deputy', async () => {
    await i18n.changeLanguage('en');
    renderWithRouter(<AbsenceNote absence={absence(false)} compact />);
    const note = await screen.findByTestId('absence');
    expect(note.textContent).toBe('On leave until 08/14/2026');
    expect(screen.queryByRole('link')).toBeNull();
  });
});

import { describe, it, expect, beforeEach } from 'vitest';
import { act, screen } from '@testing-library/react';
import { Link } from 'react-router';
import { Page } from './Page';
import { i18n, renderRoutes } from '../test/render';

const routes = [
  {
    path: '/',
    element: (
      <Page title="Start">
        <Link to="/other">weiter</Link>
      </Page>
    ),
  },
  { path: '/other', element: <Page title="Andere Seite" /> },
];

describe('Page', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('sets the document title with the portal name', () => {
    renderRoutes(routes);
    expect(document.title).toBe('Start – Mitarbeiterportal');
    expect(screen.getByRole('heading', { level: 1, name: 'Start' })).toBeInTheDocument();
  });

  it('does not steal focus on the first load (the skip link must come first)', () => {
    renderRoutes(routes);
    expect(screen.getByRole('heading', { level: 1 })).not.toHaveFocus();
  });

  it('moves focus to the new heading and changes the title after navigation', async () => {
    const { router } = renderRoutes(routes);
    await act(() => router.navigate('/other'));
    const heading = screen.getByRole('heading', { level: 1, name: 'Andere Seite' });
    expect(heading).toHaveFocus();
    expect(document.title).toBe('Andere Seite – Mitarbeiterportal');
  });

  it('uses the English portal name in English', async () => {
    await i18n.changeLanguage('en');
    renderRoutes(routes);
    expect(document.title).toBe('Start – Staff portal');
  });
});

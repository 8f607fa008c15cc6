import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PersonDTO } from '@shared/people/types';
import { DirectoryPage } from './DirectoryPage';
import { i18n, renderRoutes } from '../../../test/render';
import { resetCsrf } from '../../../lib/api';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const person = (id: string, givenName: string, familyName: string): PersonDTO => ({
  id,
  displayName: `${givenName} ${familyName}`,
  givenName,
  familyName,
  username: givenName.toLowerCase(),
  position: 'Sachbearbeiterin Wohngeld',
  unitId: 'u1',
  unit: { id: 'u1', name: 'Sozialamt', number: '50' },
  location: null,
  initials: `${givenName[0]}${familyName[0]}`,
  photoUrl: null,
  email: `${givenName.toLowerCase()}@stuttgart.example`,
  phone: '+49 711 216-50123',
  languages: [],
  responsibilities: [],
  roles: [],
  manager: null,
  deputy: null,
  leads: [],
  active: true,
  abilities: {
    update: false,
    updateRoles: false,
    deactivate: false,
    updateOwnProfile: false,
    resetPassword: false,
  },
});

describe('DirectoryPage', () => {
  let requests: URL[];

  beforeEach(async () => {
    await i18n.changeLanguage('de');
    resetCsrf();
    requests = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string) => {
        const url = new URL(String(input), 'http://localhost');
        requests.push(url);
        if (url.pathname === '/api/units') return json({ data: [] });
        if (url.pathname === '/api/locations') return json({ data: [] });
        if (url.pathname === '/api/people') {
          const q = url.searchParams.get('q');
          if (url.searchParams.get('cursor') === 'c2')
            return json({ data: [person('3', 'Jonas', 'Müller')], nextCursor: null });
          if (q === 'müller')
            return json({ data: [person('2', 'Petra', 'Müller')], nextCursor: 'c2' });
          return json({ data: [person('1', 'Erika', 'Muster')], nextCursor: null });
        }
        return json({ error: { code: 'not_found', message: 'nf' } }, 404);
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it(
    'searches after a pause, keeps the query in the URL and loads more by cursor',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { router } = renderRoutes([{ path: '/people', element: <DirectoryPage /> }], {
        path: '/people',
      });

      expect(
        await screen.findByRole('link', { name: 'Erika Muster' }, { timeout: 8000 }),
      ).toBeInTheDocument();
      await user.type(
        screen.getByRole('searchbox', { name: 'Name, Funktion oder Zuständigkeit' }),
        'müller',
      );

      expect(
        await screen.findByRole('link', { name: 'Petra Müller' }, { timeout: 8000 }),
      ).toBeInTheDocument();
      expect(router.state.location.search).toBe('?q=m%C3%BCller');
      // Debounced: no request per keystroke.
      const searches = requests
        .filter((u) => u.pathname === '/api/people')
        .map((u) => u.searchParams.get('q'));
      expect(searches).not.toContain('m');
      expect(searches).toContain('müller');
      expect(screen.getByText('1 Person angezeigt, weitere verfügbar')).toBeInTheDocument();

      const card = screen.getByRole('article', { name: 'Petra Müller' });
      expect(within(card).getByRole('link', { name: /Petra Müller anrufen/ })).toHaveAttribute(
        'href',
        'tel:+4971121650123',
      );
      expect(within(card).getByRole('link', { name: /E-Mail an Petra Müller/ })).toHaveAttribute(
        'href',
        'mailto:petra@stuttgart.example',
      );

      await user.click(screen.getByRole('button', { name: 'Weitere laden' }));
      expect(
        await screen.findByRole('link', { name: 'Jonas Müller' }, { timeout: 8000 }),
      ).toBeInTheDocument();
      expect(screen.getByText('2 Personen gefunden')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Weitere laden' })).not.toBeInTheDocument();
    },
  );

  it('reads the search from the URL and says when nothing matches', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string) => {
        const url = new URL(String(input), 'http://localhost');
        if (url.pathname === '/api/people') {
          expect(url.searchParams.get('q')).toBe('xyz');
          return json({ data: [], nextCursor: null });
        }
        return json({ data: [] });
      }),
    );
    renderRoutes([{ path: '/people', element: <DirectoryPage /> }], { path: '/people?q=xyz' });
    expect(await screen.findByText('Keine Personen gefunden')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getByRole('searchbox', { name: 'Name, Funktion oder Zuständigkeit' }),
      ).toHaveValue('xyz'),
    );
  });
});

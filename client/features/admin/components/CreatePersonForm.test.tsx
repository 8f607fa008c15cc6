import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreatePersonForm } from './CreatePersonForm';
import { i18n, renderWithRouter } from '../../../test/render';
import { resetCsrf } from '../../../lib/api';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const unit = {
  id: '64b0000000000000000000aa',
  name: 'Sozialamt',
  number: '50',
  kind: 'office',
  parentId: null,
  path: [],
  leader: null,
  locationId: null,
  memberCount: 3,
  childCount: 0,
  abilities: { update: true, delete: false },
};

describe('CreatePersonForm', () => {
  let posted: Record<string, unknown>[];
  let answer: () => Response;

  beforeEach(async () => {
    await i18n.changeLanguage('de');
    resetCsrf();
    posted = [];
    answer = () =>
      json(
        {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid.',
            details: [
              { path: 'email', code: 'invalid_email', message: 'invalid_email' },
              { path: 'username', code: 'invalid_username', message: 'invalid_username' },
              { path: 'familyName', code: 'too_small', message: 'Too small' },
            ],
          },
        },
        400,
      );
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string, init?: RequestInit) => {
        const url = new URL(String(input), 'http://localhost');
        if (url.pathname === '/api/auth/csrf') return json({ token: 't1' });
        if (url.pathname === '/api/units') return json({ data: [unit] });
        if (url.pathname === '/api/locations') return json({ data: [] });
        if (url.pathname === '/api/people' && init?.method === 'POST') {
          posted.push(JSON.parse(String(init.body)) as Record<string, unknown>);
          return answer();
        }
        return json({ error: { code: 'not_found', message: 'nf' } }, 404);
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it(
    'shows the server validation issues at their fields, in German',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      renderWithRouter(<CreatePersonForm onDone={() => {}} />);
      await user.type(screen.getByRole('textbox', { name: /Vorname/ }), 'Jana');
      await user.type(screen.getByRole('textbox', { name: /Benutzername/ }), 'Jana Groß');
      await user.type(screen.getByRole('textbox', { name: /E-Mail/ }), 'jana@');
      await user.click(screen.getByRole('button', { name: 'Person anlegen' }));

      const email = screen.getByRole('textbox', { name: /E-Mail/ });
      expect(
        await screen.findByText(
          'Bitte eine gültige E-Mail-Adresse eingeben.',
          {},
          { timeout: 8000 },
        ),
      ).toBeInTheDocument();
      expect(email).toHaveAttribute('aria-invalid', 'true');
      expect(email).toHaveAccessibleDescription(/gültige E-Mail-Adresse/);
      expect(screen.getByRole('textbox', { name: /Benutzername/ })).toHaveAccessibleDescription(
        /Nur Kleinbuchstaben, Ziffern/,
      );
      // An empty required field says "please fill in" rather than the raw "too short".
      expect(screen.getByRole('textbox', { name: /Nachname/ })).toHaveAccessibleDescription(
        'Bitte ausfüllen.',
      );
      // Every issue is shown at a field: no duplicate summary alert.
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(posted[0]).toMatchObject({
        givenName: 'Jana',
        username: 'Jana Groß',
        email: 'jana@',
        roles: ['employee'],
      });
      expect(posted[0]).not.toHaveProperty('unitId');
    },
  );

  it('shows the one-time password after creating', { timeout: 30_000 }, async () => {
    answer = () =>
      json(
        {
          data: {
            person: { id: '64b0000000000000000000bb', displayName: 'Jana Groß' },
            initialPassword: 'Xy7_kP2mQr9sT4vW',
          },
        },
        201,
      );
    const user = userEvent.setup();
    renderWithRouter(<CreatePersonForm onDone={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: /Vorname/ }), 'Jana');
    await user.click(screen.getByRole('button', { name: 'Person anlegen' }));
    expect(await screen.findByText('Xy7_kP2mQr9sT4vW', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText('Jana Groß wurde angelegt.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Profil öffnen' })).toHaveAttribute(
      'href',
      '/admin/people/64b0000000000000000000bb',
    );
  });
});

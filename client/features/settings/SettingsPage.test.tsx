import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeDTO } from '@shared/people/types';
import { SettingsPage } from './SettingsPage';
import { useApplySettings } from './useApplySettings';
import { useMe } from '../auth/queries';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../test/render';
import { resetCsrf } from '../../lib/api';

function WithApply() {
  const me = useMe();
  useApplySettings(me.settings);
  return <SettingsPage />;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('SettingsPage', () => {
  let patches: unknown[];
  let me: MeDTO;

  beforeEach(async () => {
    await i18n.changeLanguage('de');
    resetCsrf();
    patches = [];
    me = testMe();
    // The network is the boundary here: answer like the server does.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string, init?: RequestInit) => {
        const url = String(input);
        if (url.endsWith('/api/auth/csrf')) return json({ token: 't1' });
        if (url.endsWith('/api/me/settings') && init?.method === 'PATCH') {
          const body = JSON.parse(String(init.body)) as Partial<MeDTO['settings']>;
          patches.push(body);
          me = { ...me, settings: { ...me.settings, ...body } };
          return json({ data: me });
        }
        return json({ error: { code: 'not_found', message: 'nf' } }, 404);
      }),
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    const root = document.documentElement;
    root.style.fontSize = '';
    delete root.dataset.contrast;
    delete root.dataset.reducedMotion;
  });

  it('shows the saved settings', () => {
    renderWithRouter(<WithApply />, {
      qc: testQueryClient(
        testMe({
          settings: { language: 'de', textSize: 150, contrast: 'high', reducedMotion: true },
        }),
      ),
    });
    expect(screen.getByRole('radio', { name: '150 %' })).toBeChecked();
    expect(screen.getByRole('switch', { name: /Hoher Kontrast/ })).toBeChecked();
    expect(screen.getByRole('switch', { name: /Bewegung reduzieren/ })).toBeChecked();
    expect(document.documentElement.style.fontSize).toBe('150%');
  });

  it('applies high contrast at once and saves it', async () => {
    const user = userEvent.setup();
    renderWithRouter(<WithApply />, { qc: testQueryClient(me) });
    await user.click(screen.getByRole('switch', { name: /Hoher Kontrast/ }));
    expect(document.documentElement.dataset.contrast).toBe('high');
    await waitFor(() => expect(patches).toEqual([{ contrast: 'high' }]));
  });

  it('changes the text size of the whole page', async () => {
    const user = userEvent.setup();
    renderWithRouter(<WithApply />, { qc: testQueryClient(me) });
    await user.click(screen.getByRole('radio', { name: '200 %' }));
    expect(document.documentElement.style.fontSize).toBe('200%');
    await waitFor(() => expect(patches).toEqual([{ textSize: 200 }]));
  });

  it('switches the language of the interface', async () => {
    const user = userEvent.setup();
    renderWithRouter(<WithApply />, { qc: testQueryClient(me) });
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(patches).toEqual([{ language: 'en' }]));
  });

  it('rolls back and explains when saving fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string) =>
        String(input).endsWith('/api/auth/csrf')
          ? json({ token: 't1' })
          : json({ error: { code: 'service_unavailable', message: 'down' } }, 503),
      ),
    );
    const user = userEvent.setup();
    renderWithRouter(<WithApply />, { qc: testQueryClient(me) });
    await user.click(screen.getByRole('switch', { name: /Bewegung reduzieren/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Der Dienst ist gerade nicht erreichbar',
    );
    expect(screen.getByRole('switch', { name: /Bewegung reduzieren/ })).not.toBeChecked();
    expect(document.documentElement.dataset.reducedMotion).toBe('false');
  });
});

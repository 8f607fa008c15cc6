import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WikiSearchHitDTO } from '@shared/wiki/types';
import { i18n, renderWithRouter } from '../../../test/render';
import { LinkDialog, isSafeHref } from './LinkDialog';

const hit = (id: string, title: string): WikiSearchHitDTO => ({
  id,
  spaceId: '65a0000000000000000000aa',
  spaceName: 'Personalamt',
  title,
  breadcrumbs: [{ id: '11111111-1111-4111-8111-111111111111', title: 'Regeln' }],
  updatedAt: '2026-03-01T09:00:00.000Z',
  excerpt: '',
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('LinkDialog', () => {
  let queries: string[];

  beforeEach(async () => {
    await i18n.changeLanguage('de');
    queries = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string) => {
        const url = new URL(String(input), 'http://localhost');
        if (url.pathname === '/api/wiki/search') {
          const q = url.searchParams.get('q') ?? '';
          queries.push(q);
          return json({
            data: q.toLowerCase().startsWith('url')
              ? [
                  hit('22222222-2222-4222-8222-222222222222', 'Urlaub beantragen'),
                  hit('33333333-3333-4333-8333-333333333333', 'Urlaubsvertretung'),
                ]
              : [],
          });
        }
        return json({ error: { code: 'not_found', message: 'nope' } }, 404);
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const open = (props: Partial<Parameters<typeof LinkDialog>[0]> = {}) => {
    const onApply = vi.fn();
    const onRemove = vi.fn();
    renderWithRouter(
      <LinkDialog
        isOpen
        onOpenChange={() => {}}
        initialHref=""
        onApply={onApply}
        onRemove={onRemove}
        {...props}
      />,
    );
    return { onApply, onRemove };
  };

  it('finds wiki pages by title and links the chosen one as /wiki/p/<id>', async () => {
    const user = userEvent.setup();
    const { onApply } = open();
    await user.click(screen.getByRole('tab', { name: 'Wiki-Seite' }));
    const box = screen.getByRole('combobox', { name: 'Seite suchen' });
    await user.click(box);
    await user.paste('Urlaub');
    const option = await screen.findByRole('option', { name: /Urlaubsvertretung/ });
    expect(screen.getByRole('option', { name: /Urlaub beantragen/ })).toHaveTextContent(
      'Personalamt › Regeln',
    );
    await user.click(option);
    expect(onApply).toHaveBeenCalledWith({
      href: '/wiki/p/33333333-3333-4333-8333-333333333333',
      text: 'Urlaubsvertretung',
    });
    expect(queries).toEqual(['Urlaub']);
  }, 15_000);

  it('says so when no page matches', async () => {
    const user = userEvent.setup();
    open();
    await user.click(screen.getByRole('tab', { name: 'Wiki-Seite' }));
    await user.click(screen.getByRole('combobox', { name: 'Seite suchen' }));
    await user.paste('Parken');
    await waitFor(() => expect(queries).toContain('Parken'));
    expect(await screen.findByText('Keine Seite gefunden.')).toBeInTheDocument();
  }, 15_000);

  it('opens on the page tab when the link already points to a wiki page', () => {
    open({ initialHref: '/wiki/p/22222222-2222-4222-8222-222222222222' });
    expect(screen.getByRole('tab', { name: 'Wiki-Seite' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('sets a web address, refuses unsafe ones and removes with an empty field', async () => {
    const user = userEvent.setup();
    const { onApply, onRemove } = open({ initialHref: 'https://example.org' });
    const field = screen.getByRole('textbox', { name: /Adresse \(URL\)/ });
    await user.clear(field);
    await user.click(field);
    await user.paste('javascript:alert(1)');
    expect(screen.getByText('Diese Adresse ist nicht erlaubt.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Link setzen' }));
    expect(onApply).not.toHaveBeenCalled();

    await user.clear(field);
    await user.paste('https://www.stuttgart.de');
    await user.click(screen.getByRole('button', { name: 'Link setzen' }));
    expect(onApply).toHaveBeenCalledWith({
      href: 'https://www.stuttgart.de',
      text: 'https://www.stuttgart.de',
    });

    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Link entfernen' }));
    expect(onRemove).toHaveBeenCalled();
  }, 15_000);

  it('accepts only http(s), mailto and portal paths', () => {
    expect(isSafeHref('/wiki/p/x')).toBe(true);
    expect(isSafeHref('mailto:a@b.de')).toBe(true);
    expect(isSafeHref('//evil.example')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
  });
});

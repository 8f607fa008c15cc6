import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n, renderRoutes } from '../../../test/render';
import { pid } from '../test-data';
import { PageContent } from './PageContent';

const xss = [
  '<p>Hallo</p>',
  '<img src="x" onerror="window.__pwned = 1">',
  '<img src="/api/wiki/pages/00000000-0000-4000-8000-000000000002/files/64b0000000000000000000f1" onerror="window.__pwned = 2" alt="Plan">',
  '<a href="javascript:window.__pwned=3">Klick</a>',
  '<a href="JaVaScRiPt:alert(1)">Zwei</a>',
  '<script>window.__pwned = 4</script>',
  '<svg><script>window.__pwned = 5</script></svg>',
  '<div data-callout="" data-tone="warning" onclick="window.__pwned=6" style="color:red"><p>Vorsicht</p></div>',
  '<h2 id="h-1">Ok</h2><h2 id="evil">Nicht</h2>',
  '<iframe src="https://evil.example"></iframe>',
  '<form action="/x"><input name="a"></form>',
  `<a href="/wiki/p/${pid(5)}">Intern</a>`,
  '<a href="https://example.org">Extern</a>',
  '<table><tbody><tr><td>A</td></tr></tbody></table>',
].join('');

function render(html: string) {
  return renderRoutes(
    [
      { path: '/wiki/p/:pageId', element: <PageContent html={html} /> },
      { path: '/wiki/p/:pageId/other', element: <p>nie</p> },
    ],
    { path: `/wiki/p/${pid(2)}` },
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => {
  delete (window as unknown as Record<string, unknown>).__pwned;
});

describe('PageContent', () => {
  it('keeps hostile HTML inert: no handlers, scripts, javascript: links, foreign images or frames', async () => {
    const { container } = render(xss);
    await screen.findByText('Hallo');
    const html = container.innerHTML;
    expect(html).not.toMatch(/onerror|onclick|<script|<iframe|<form|<input|javascript:|style=/i);
    // The foreign image is gone; the wiki file image stays, lazily loaded.
    const imgs = container.querySelectorAll('img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]?.getAttribute('src')).toMatch(/^\/api\/wiki\/pages\//);
    expect(imgs[0]?.getAttribute('loading')).toBe('lazy');
    // The links survive as text, without the dangerous target.
    expect(screen.getByText('Klick').closest('a')?.hasAttribute('href')).toBe(false);
    expect(screen.getByText('Zwei').closest('a')?.hasAttribute('href')).toBe(false);
    // Only heading anchors `h-<n>` keep their id.
    expect(container.querySelector('#h-1')).not.toBeNull();
    expect(container.querySelector('#evil')).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('labels callouts with icon and text (not colour alone) and wraps tables in a scroll region', async () => {
    render(xss);
    const note = await screen.findByRole('note');
    expect(note).toHaveAttribute('data-tone', 'warning');
    expect(note.textContent).toContain('Achtung');
    expect(note.textContent).toContain('Vorsicht');
    const region = screen.getByRole('region', { name: 'Tabelle' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region.querySelector('table')).not.toBeNull();
  });

  it('opens external links in a new tab without opener; internal page links navigate in the app', async () => {
    const user = userEvent.setup();
    const { router } = render(xss);
    const ext = await screen.findByRole('link', { name: 'Extern' });
    expect(ext).toHaveAttribute('target', '_blank');
    expect(ext).toHaveAttribute('rel', 'noopener noreferrer');
    await user.click(screen.getByRole('link', { name: 'Intern' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/wiki/p/${pid(5)}`));
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SpaceTreeDTO, TreeNodeDTO } from '@shared/wiki/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { wikiKeys } from '../keys';
import { SPACE_ID, node, pid, treeNodes } from '../test-data';
import { NAV_LEVEL_MAX, SpaceNav } from './SpaceNav';

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Wide screens start with the list open, phones with it closed. */
function setup(pageId: string, nodes: TreeNodeDTO[] = treeNodes(), wide = true) {
  vi.stubGlobal('matchMedia', (q: string) => ({ matches: wide, media: q }));
  const qc = testQueryClient(testMe());
  qc.setQueryData<SpaceTreeDTO>(wikiKeys.tree(SPACE_ID), { spaceId: SPACE_ID, nodes });
  renderWithRouter(<SpaceNav spaceId={SPACE_ID} spaceName="Bürgerbüro" pageId={pageId} />, {
    qc,
  });
  return screen.getByRole('navigation', { name: 'Seiten in diesem Bereich' });
}

const linkNames = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('SpaceNav', () => {
  it('shows the top pages, the way down to this page and its siblings; this page is marked', () => {
    const nav = setup(pid(3));
    expect(linkNames(nav)).toEqual([
      'Handbuch',
      'Anträge',
      'Formulare',
      'Kontakte',
      'Alle Seiten von Bürgerbüro',
    ]);
    const current = within(nav).getByText('Fristen');
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(current.closest('a')).toBeNull();
  });

  it("opens this page's sub-pages and keeps other branches closed", () => {
    const nav = setup(pid(1));
    expect(linkNames(nav)).toEqual([
      'Anträge',
      'Fristen',
      'Formulare',
      'Kontakte',
      'Alle Seiten von Bürgerbüro',
    ]);
    expect(within(nav).getByRole('link', { name: 'Anträge' })).toHaveAttribute(
      'href',
      `/wiki/p/${pid(2)}`,
    );
  });

  it('leaves templates out and keeps the current page on a level that is cut short', () => {
    const many = Array.from({ length: NAV_LEVEL_MAX + 5 }, (_, i) =>
      node(100 + i, null, i, `Seite ${i + 1}`),
    );
    const template = {
      ...node(99, null, NAV_LEVEL_MAX + 5, 'Vorlage Protokoll'),
      isTemplate: true,
    };
    const last = pid(100 + NAV_LEVEL_MAX + 4);
    const nav = setup(last, [...many, template]);
    expect(within(nav).queryByText('Vorlage Protokoll')).toBeNull();
    expect(within(nav).getAllByRole('listitem')).toHaveLength(NAV_LEVEL_MAX + 1);
    expect(within(nav).getByText(`Seite ${NAV_LEVEL_MAX + 5}`)).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('reading a template: the template is shown as this page', () => {
    const nodes = [...treeNodes(), { ...node(9, null, 3, 'Vorlage Protokoll'), isTemplate: true }];
    const nav = setup(pid(9), nodes);
    expect(within(nav).getByText('Vorlage Protokoll')).toHaveAttribute('aria-current', 'page');
  });

  it('on phones the list starts closed behind a button that opens it', async () => {
    const user = userEvent.setup();
    const nav = setup(pid(3), treeNodes(), false);
    const toggle = within(nav).getByRole('button', { name: 'Seiten in diesem Bereich' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(nav).queryByRole('link', { name: 'Handbuch' })).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(nav).getByRole('link', { name: 'Handbuch' })).toBeVisible();
    await user.click(toggle);
    expect(within(nav).queryByRole('link', { name: 'Handbuch' })).toBeNull();
  });
});

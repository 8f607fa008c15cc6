import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SpaceTreeDTO, TreeNodeDTO } from '@shared/wiki/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { wikiKeys } from '../keys';
import { useTree } from '../queries';
import { applyMove } from '../tree-model';
import { SPACE_ID, fakeFetch, pid, treeNodes } from '../test-data';
import { LiveAnnouncer } from '../../../components/LiveAnnouncer';
import { PageTree, type PageTreeProps } from './PageTree';

/** The tree as the space page shows it: from the query cache (optimistic moves, refetches). */
function LiveTree(props: Omit<PageTreeProps, 'nodes' | 'spaceId'>) {
  const tree = useTree(SPACE_ID);
  return tree.data ? <PageTree spaceId={SPACE_ID} nodes={tree.data.nodes} {...props} /> : null;
}

const treePath = `/api/wiki/spaces/${SPACE_ID}/tree`;

function setup(opts: { canOrganise?: boolean; nodes?: TreeNodeDTO[] } = {}) {
  const nodes = opts.nodes ?? treeNodes();
  const qc = testQueryClient(testMe());
  qc.setQueryData<SpaceTreeDTO>(wikiKeys.tree(SPACE_ID), { spaceId: SPACE_ID, nodes });
  const onOpen = vi.fn();
  const onAction = vi.fn();
  renderWithRouter(
    <>
      <LiveAnnouncer />
      <LiveTree canOrganise={opts.canOrganise ?? false} onOpen={onOpen} onAction={onAction} />
    </>,
    { qc },
  );
  return { onOpen, onAction, qc };
}

const item = (name: string) => screen.getByRole('treeitem', { name });
const names = () =>
  within(screen.getByRole('tree'))
    .getAllByRole('treeitem')
    .map((el) => el.textContent);

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('PageTree keyboard model', () => {
  it('is one tab stop; arrows move, right expands and enters, left collapses and goes up', async () => {
    const user = userEvent.setup();
    setup();
    expect(names()).toEqual(['Handbuch', 'Formulare', 'Kontakte']);
    expect(item('Handbuch')).toHaveAttribute('aria-expanded', 'false');
    expect(item('Handbuch')).toHaveAttribute('aria-level', '1');
    expect(item('Formulare')).toHaveAttribute('aria-posinset', '2');
    expect(item('Formulare')).toHaveAttribute('aria-setsize', '3');

    await user.tab();
    expect(item('Handbuch')).toHaveFocus();
    expect(item('Formulare')).toHaveAttribute('tabindex', '-1');

    await user.keyboard('{ArrowRight}');
    expect(item('Handbuch')).toHaveAttribute('aria-expanded', 'true');
    expect(names()).toEqual(['Handbuch', 'Anträge', 'Fristen', 'Formulare', 'Kontakte']);
    expect(item('Handbuch')).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(item('Anträge')).toHaveFocus());
    expect(item('Anträge')).toHaveAttribute('aria-level', '2');

    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(item('Fristen')).toHaveFocus());
    await user.keyboard('{ArrowLeft}');
    await waitFor(() => expect(item('Handbuch')).toHaveFocus());
    await user.keyboard('{ArrowLeft}');
    expect(item('Handbuch')).toHaveAttribute('aria-expanded', 'false');

    await user.keyboard('{End}');
    await waitFor(() => expect(item('Kontakte')).toHaveFocus());
    await user.keyboard('{Home}');
    await waitFor(() => expect(item('Handbuch')).toHaveFocus());
    await user.keyboard('{ArrowUp}');
    expect(item('Handbuch')).toHaveFocus();
  });

  it('Enter opens the focused page; typing jumps to a title', async () => {
    const user = userEvent.setup();
    const { onOpen } = setup();
    await user.tab();
    await user.keyboard('k');
    await waitFor(() => expect(item('Kontakte')).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: pid(5) }));
  });

  it('Alt+Shift+arrows move the page with its rev and announce where it went', async () => {
    const user = userEvent.setup();
    const moved = applyMove(treeNodes(), pid(4), { parentId: null, index: 0 });
    const fake = fakeFetch({ [`GET ${treePath}`]: { spaceId: SPACE_ID, nodes: moved } });
    vi.stubGlobal('fetch', vi.fn(fake.fn));
    setup({ canOrganise: true });
    await user.tab();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(item('Formulare')).toHaveFocus());

    await user.keyboard('{Alt>}{Shift>}{ArrowUp}{/Shift}{/Alt}');
    // Applied at once in the shown tree, focus stays on the moved page.
    expect(names()).toEqual(['Formulare', 'Handbuch', 'Kontakte']);
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'POST',
        path: `/api/wiki/pages/${pid(4)}/move`,
        body: { rev: 4, parentId: null, index: 0 },
      }),
    );
    await waitFor(() => expect(item('Formulare')).toHaveFocus());
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        '„Formulare“ verschoben: oberste Ebene, Position 1 von 3.',
      ),
    );
  });

  it('indent puts the page under its previous sibling, outdent back after its parent', async () => {
    const user = userEvent.setup();
    const moved = applyMove(treeNodes(), pid(5), { parentId: pid(4), index: 0 });
    const fake = fakeFetch({ [`GET ${treePath}`]: { spaceId: SPACE_ID, nodes: moved } });
    vi.stubGlobal('fetch', vi.fn(fake.fn));
    setup({ canOrganise: true });
    await user.tab();
    await user.keyboard('{End}');
    await waitFor(() => expect(item('Kontakte')).toHaveFocus());
    await user.keyboard('{Alt>}{Shift>}{ArrowRight}{/Shift}{/Alt}');
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'POST',
        path: `/api/wiki/pages/${pid(5)}/move`,
        body: { rev: 5, parentId: pid(4), index: 0 },
      }),
    );
    // The new parent opens so the moved page stays visible (and focused).
    await waitFor(() => expect(item('Kontakte')).toHaveAttribute('aria-level', '2'));
    expect(item('Formulare')).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(item('Kontakte')).toHaveFocus());

    await user.keyboard('{Alt>}{Shift>}{ArrowLeft}{/Shift}{/Alt}');
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        method: 'POST',
        path: `/api/wiki/pages/${pid(5)}/move`,
        body: { rev: 5, parentId: null, index: 2 },
      }),
    );
  });

  it('readers get no move: the shortcut sends nothing and there is no actions button', async () => {
    const user = userEvent.setup();
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    setup({ canOrganise: false });
    await user.tab();
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: /Aktionen für/ })).toBeNull();
    expect(names()).toEqual(['Handbuch', 'Formulare', 'Kontakte']);
  });

  it('Shift+F10 opens the actions menu of the focused page; impossible moves are disabled', async () => {
    const user = userEvent.setup();
    const { onAction } = setup({ canOrganise: true });
    await user.tab();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await screen.findByRole('menu', { name: 'Aktionen für „Handbuch“' });
    expect(within(menu).getByRole('menuitem', { name: 'Nach oben' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await user.click(within(menu).getByRole('menuitem', { name: 'Archivieren' }));
    expect(onAction).toHaveBeenCalledWith('archive', expect.objectContaining({ id: pid(1) }));
  });
});

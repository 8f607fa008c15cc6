import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DiffDTO, PageDTO, RevisionDTO } from '@shared/wiki/types';
import { i18n, renderRoutes } from '../../../test/render';
import { WikiHistoryPage } from './WikiHistoryPage';

const pageId = '22222222-2222-4222-8222-222222222222';
const revId = (n: number) => `65a0000000000000000000a${n}`;

const rev = (number: number, more: Partial<RevisionDTO> = {}): RevisionDTO => ({
  id: revId(number),
  pageId,
  number,
  kind: number === 1 ? 'created' : 'manual',
  note: number === 2 ? 'Fristen ergänzt' : null,
  authors: [
    {
      id: '64b000000000000000000002',
      displayName: 'Max Beispiel',
      position: null,
      unitId: null,
      initials: 'MB',
      photoUrl: null,
    },
  ],
  createdAt: `2026-03-0${number}T09:00:00.000Z`,
  createdBy: null,
  title: 'Urlaub',
  ...more,
});

const page = (edit: boolean): PageDTO => ({
  id: pageId,
  spaceId: '65a0000000000000000000aa',
  spaceName: 'Personalamt',
  parentId: null,
  title: 'Urlaub',
  breadcrumbs: [],
  html: '<p>jetzt</p>',
  toc: [],
  draftHtml: null,
  owner: null,
  reviewBy: null,
  restriction: null,
  restrictedBy: null,
  archived: false,
  isTemplate: false,
  review: { state: 'none', requestedBy: null, requestedAt: null, comment: null },
  watching: false,
  commentCount: 0,
  updatedAt: '2026-03-03T09:00:00.000Z',
  updatedBy: null,
  publishedAt: null,
  rev: 4,
  abilities: {
    read: true,
    comment: true,
    edit,
    organise: edit,
    restrict: false,
    review: false,
    viewDraft: edit,
    restore: edit,
  },
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('WikiHistoryPage', () => {
  let diffs: string[];
  let restored: string[];
  let canEdit: boolean;

  beforeEach(async () => {
    await i18n.changeLanguage('de');
    diffs = [];
    restored = [];
    canEdit = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: URL | string, init?: RequestInit) => {
        const url = new URL(String(input), 'http://localhost');
        const p = url.pathname;
        if (p === '/api/auth/csrf') return json({ token: 'csrf' });
        if (p === `/api/wiki/pages/${pageId}`) return json({ data: page(canEdit) });
        if (p === `/api/wiki/pages/${pageId}/revisions`)
          return json({ data: [rev(3), rev(2), rev(1)], nextCursor: null });
        if (p === `/api/wiki/pages/${pageId}/diff`) {
          const from = url.searchParams.get('from') ?? '';
          const to = url.searchParams.get('to') ?? '';
          diffs.push(`${from}>${to}`);
          const d: DiffDTO = {
            from: rev(Number(from.slice(-1))),
            to: rev(Number(to.slice(-1))),
            titleChanged: null,
            blocks: [
              {
                kind: 'changed',
                block: 'paragraph',
                parts: [
                  { op: 'removed', text: `alt${from.slice(-1)}` },
                  { op: 'added', text: `neu${to.slice(-1)}` },
                ],
              },
            ],
          };
          return json({ data: d });
        }
        const m = /\/revisions\/([0-9a-f]{24})(\/restore)?$/.exec(p);
        if (m && m[2] && init?.method === 'POST') {
          restored.push(m[1] as string);
          return json({ data: rev(4, { kind: 'restore' }) });
        }
        if (m)
          return json({
            data: {
              ...rev(Number(m[1]?.slice(-1))),
              html: '<p>Erste Fassung<img src=x onerror=alert(1)></p>',
            },
          });
        return json({ error: { code: 'not_found', message: 'nope' } }, 404);
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const show = (path = `/wiki/p/${pageId}/history`) =>
    renderRoutes(
      [
        { path: '/wiki/p/:pageId/history', element: <WikiHistoryPage /> },
        { path: '/wiki/p/:pageId', element: <p>Leseansicht</p> },
      ],
      { path },
    );

  it('lists revisions and compares the newest with the one before by default', async () => {
    show();
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByText('Fristen ergänzt')).toBeInTheDocument();
    expect(within(list).getAllByText('Von Max Beispiel')).toHaveLength(3);
    expect(screen.getByRole('radio', { name: 'von: Version 2' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'bis: Version 3' })).toBeChecked();
    expect(
      await screen.findByRole('heading', { name: 'Unterschiede: Version 2 → Version 3' }),
    ).toBeInTheDocument();
    expect(diffs).toEqual([`${revId(2)}>${revId(3)}`]);
  });

  it('compares what is picked in the two radio groups and keeps it in the address', async () => {
    const user = userEvent.setup();
    const { router } = show();
    await user.click(await screen.findByRole('radio', { name: 'von: Version 1' }));
    expect(await screen.findByText('neu3')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Unterschiede: Version 1 → Version 3' }),
    ).toBeInTheDocument();
    expect(diffs).toContain(`${revId(1)}>${revId(3)}`);
    expect(router.state.location.search).toBe(`?from=${revId(1)}&to=${revId(3)}`);
    // Only one "von" at a time (a radio group).
    expect(screen.getByRole('radio', { name: 'von: Version 2' })).not.toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'bis: Version 2' }));
    await waitFor(() => expect(diffs).toContain(`${revId(1)}>${revId(2)}`));
  });

  it('starts from ?from=&to= in the address', async () => {
    show(`/wiki/p/${pageId}/history?from=${revId(1)}&to=${revId(2)}`);
    expect(await screen.findByRole('radio', { name: 'von: Version 1' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'bis: Version 2' })).toBeChecked();
    await waitFor(() => expect(diffs).toEqual([`${revId(1)}>${revId(2)}`]));
  });

  it('shows one revision sanitised and restores it after confirmation', async () => {
    const user = userEvent.setup();
    const { router } = show();
    await user.click(await screen.findByRole('button', { name: 'Version 1 ansehen' }));
    const text = await screen.findByText('Erste Fassung');
    expect(text.closest('section')?.querySelector('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Diese Version wiederherstellen' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Version wiederherstellen?' });
    await user.click(
      within(dialog).getByRole('button', { name: 'Diese Version wiederherstellen' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe(`/wiki/p/${pageId}`));
    expect(restored).toEqual([revId(1)]);
  });

  it('offers no restore without the edit right', async () => {
    canEdit = false;
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Version 1 ansehen' }));
    await screen.findByText('Erste Fassung');
    expect(screen.queryByRole('button', { name: 'Diese Version wiederherstellen' })).toBeNull();
  });
});

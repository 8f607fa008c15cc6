import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoomDTO, RoomFilesDTO } from '@shared/rooms/types';
import { i18n, renderWithRouter } from '../../../test/render';
import { resetCsrf } from '../../../lib/api';
import FilesTab from './FilesTab';

const person = {
  id: 'p1',
  displayName: 'Erika Muster',
  position: null,
  unitId: null,
  initials: 'EM',
  photoUrl: null,
};
const room = {
  id: 'r1',
  archived: false,
  abilities: { contribute: true, moderate: false },
} as unknown as RoomDTO;
const listing: RoomFilesDTO = {
  folder: null,
  breadcrumbs: [],
  folders: [
    { id: 'd1', name: 'Protokolle', parentId: null, abilities: { rename: true, delete: false } },
  ],
  files: [
    {
      id: 'f1',
      name: 'Bericht.pdf',
      folderId: null,
      contentType: 'application/pdf',
      size: 1536,
      version: 2,
      preview: 'pdf',
      url: '/api/rooms/r1/files/f1/download',
      previewUrl: '/api/rooms/r1/files/f1/preview?v=2',
      uploadedBy: person,
      updatedAt: new Date().toISOString(),
      versions: [],
      abilities: { rename: true, delete: true, newVersion: true },
    },
  ],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
let calls: { path: string; method: string; query: string; body: unknown }[];
let answer: (c: { path: string; method: string }) => Response;

beforeEach(async () => {
  await i18n.changeLanguage('de');
  resetCsrf();
  calls = [];
  answer = () => json(200, { data: listing });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: URL | string, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/auth/csrf') return json(200, { token: 'tok' });
      const call = {
        path: url.pathname,
        method: init.method ?? 'GET',
        query: url.search,
        body: init.body,
      };
      calls.push(call);
      return answer(call);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('FilesTab', () => {
  it('lists folders and files with size, version and uploader; upload and new folder for members', async () => {
    renderWithRouter(<FilesTab room={room} />);
    const table = await screen.findByRole('table', { name: 'Ordner und Dateien in Dateien' });
    expect(within(table).getByRole('link', { name: /Ordner:\s*Protokolle/ })).toHaveAttribute(
      'href',
      '/?folder=d1',
    );
    const row = within(table).getByRole('row', { name: /Bericht\.pdf/ });
    expect(row).toHaveTextContent('1,5 KB');
    expect(row).toHaveTextContent('Erika Muster');
    expect(within(row).getByRole('button', { name: 'Bericht.pdf' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dateien hochladen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neuer Ordner' })).toBeInTheDocument();
  });

  it('offers only the actions the abilities allow', async () => {
    const user = userEvent.setup();
    renderWithRouter(<FilesTab room={room} />);
    await user.click(await screen.findByRole('button', { name: 'Aktionen für Protokolle' }));
    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Umbenennen', 'Verschieben']);
  });

  it('deletes a file after confirming; shows a taken name on rename in German', async () => {
    const user = userEvent.setup();
    renderWithRouter(<FilesTab room={room} />);
    await user.click(await screen.findByRole('button', { name: 'Aktionen für Bericht.pdf' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Löschen' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Datei löschen?' });
    expect(confirm).toHaveTextContent('mit allen 2 Versionen');
    answer = (c) =>
      c.method === 'DELETE' ? json(200, { data: { ok: true } }) : json(200, { data: listing });
    await user.click(within(confirm).getByRole('button', { name: 'Endgültig löschen' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/rooms/r1/files/f1')).toBe(
        true,
      ),
    );

    answer = (c) =>
      c.method === 'PATCH'
        ? json(409, { error: { code: 'conflict', message: 'taken' } })
        : json(200, { data: listing });
    await user.click(await screen.findByRole('button', { name: 'Aktionen für Bericht.pdf' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Umbenennen' }));
    const dialog = await screen.findByRole('dialog', { name: '„Bericht.pdf“ umbenennen' });
    const field = within(dialog).getByRole('textbox', { name: /Neuer Name/ });
    await user.clear(field);
    await user.type(field, 'Protokoll.pdf');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Hier gibt es schon einen Ordner oder eine Datei mit diesem Namen.',
    );
  });

  it('shows the preview of a PDF in a titled frame', async () => {
    const user = userEvent.setup();
    renderWithRouter(<FilesTab room={room} />);
    await user.click(await screen.findByRole('button', { name: 'Bericht.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vorschau: Bericht.pdf' });
    expect(within(dialog).getByTitle('PDF-Vorschau von Bericht.pdf')).toHaveAttribute(
      'src',
      '/api/rooms/r1/files/f1/preview?v=2',
    );
  });

  it('hides upload and folder creation in an archived room', async () => {
    renderWithRouter(
      <FilesTab
        room={{ ...room, archived: true, abilities: { ...room.abilities, contribute: false } }}
      />,
    );
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Dateien hochladen' })).toBeNull();
    expect(screen.getByText(/archiviert/)).toBeInTheDocument();
  });
});

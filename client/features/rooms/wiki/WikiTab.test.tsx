import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import type { SpaceDTO } from '@shared/wiki/types';
import type { RoomDTO } from '@shared/rooms/types';
import { i18n, renderWithRouter, testMe, testQueryClient } from '../../../test/render';
import { SPACE_ID, fakeFetch, treeNodes } from '../../wiki/test-data';
import WikiTab from './WikiTab';

const space = (edit: boolean): SpaceDTO => ({
  id: SPACE_ID,
  key: 'akte',
  name: 'Digitale Akte',
  description: '',
  kind: 'room',
  roomId: '64b0000000000000000000bb',
  audience: { units: [], roles: [], locations: [] } as unknown as SpaceDTO['audience'],
  defaultRole: 'reader',
  approvalRequired: false,
  myRole: edit ? 'editor' : 'reader',
  pageCount: 5,
  updatedAt: '2026-11-20T10:00:00.000Z',
  rev: 1,
  abilities: { read: true, comment: true, edit, manage: false },
});

const room = (over: Partial<RoomDTO>) =>
  ({
    id: '64b0000000000000000000bb',
    wikiSpaceId: SPACE_ID,
    abilities: { read: true },
    ...over,
  }) as RoomDTO;

function setup(edit: boolean, r: Partial<RoomDTO> = {}) {
  const fake = fakeFetch({
    [`GET /api/wiki/spaces/${SPACE_ID}`]: space(edit),
    [`GET /api/wiki/spaces/${SPACE_ID}/tree`]: { spaceId: SPACE_ID, nodes: treeNodes() },
  });
  vi.stubGlobal('fetch', vi.fn(fake.fn));
  renderWithRouter(<WikiTab room={room(r)} />, { qc: testQueryClient(testMe()) });
}

beforeEach(async () => {
  await i18n.changeLanguage('de');
});
afterEach(() => vi.unstubAllGlobals());

describe('WikiTab', () => {
  it("shows the room space's page tree, 'Neue Seite' for editors and 'Im Wiki öffnen'", async () => {
    setup(true);
    expect(await screen.findByRole('tree')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Seiten in „Digitale Akte“' })).toBeInTheDocument();
    expect(screen.getByText('Handbuch')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neue Seite' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Im Wiki öffnen' })).toHaveAttribute(
      'href',
      `/wiki/spaces/${SPACE_ID}`,
    );
  });

  it('readers get no "Neue Seite"', async () => {
    setup(false);
    expect(await screen.findByRole('tree')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Neue Seite' })).toBeNull();
  });

  it('a room without a wiki space says so', () => {
    setup(false, { wikiSpaceId: null });
    expect(screen.getByText('Kein Wiki-Bereich')).toBeInTheDocument();
  });
});

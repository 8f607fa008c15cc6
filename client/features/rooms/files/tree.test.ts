import { describe, expect, it } from 'vitest';
import type { RoomFolderDTO } from '@shared/rooms/types';
import { MAX_UPLOAD_BYTES, folderChoices, formatSize, splitBySize } from './tree';

const f = (id: string, name: string, parentId: string | null): RoomFolderDTO => ({
  id,
  name,
  parentId,
  abilities: { rename: true, delete: false },
});

describe('folderChoices', () => {
  const folders = [
    f('a', 'Protokolle', null),
    f('b', '2026', 'a'),
    f('c', 'Mai', 'b'),
    f('d', 'Archiv', null),
  ];

  it('labels every folder with its path, sorted', () => {
    expect(folderChoices(folders).map((c) => c.path)).toEqual([
      'Archiv',
      'Protokolle',
      'Protokolle / 2026',
      'Protokolle / 2026 / Mai',
    ]);
  });

  it('leaves out the moved folder and everything below it', () => {
    expect(folderChoices(folders, 'b').map((c) => c.id)).toEqual(['d', 'a']);
  });

  it('survives a cycle in the data', () => {
    expect(folderChoices([f('x', 'X', 'y'), f('y', 'Y', 'x')])).toHaveLength(2);
  });
});

describe('formatSize', () => {
  it('uses the reader’s number format', () => {
    expect(formatSize(12, 'de')).toBe('12 B');
    expect(formatSize(1536, 'de')).toBe('1,5 KB');
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(50 * 1024 * 1024, 'en')).toBe('50 MB');
  });
});

describe('splitBySize', () => {
  it('refuses files over 50 MB before uploading', () => {
    const small = new File(['x'], 'a.txt');
    const big = { name: 'b.iso', size: MAX_UPLOAD_BYTES + 1 } as File;
    expect(splitBySize([small, big])).toEqual({ ok: [small], tooLarge: [big] });
  });
});

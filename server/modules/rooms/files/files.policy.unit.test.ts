import { describe, expect, it } from 'vitest';
import {
  fileAbilities,
  folderAbilities,
  isSelfOrDescendant,
  keepExtension,
  previewKind,
  sameKind,
  uniqueName,
} from './files.policy';

const member = { contribute: true, moderate: false };
const moderator = { contribute: true, moderate: true };
const archived = { contribute: false, moderate: false };

describe('room file abilities', () => {
  it.each([
    ['author', member, 'me', { rename: true, delete: true, newVersion: true }],
    ['other member', member, 'other', { rename: false, delete: false, newVersion: true }],
    ['moderator', moderator, 'other', { rename: true, delete: true, newVersion: true }],
    ['archived author', archived, 'me', { rename: false, delete: false, newVersion: false }],
  ])('%s', (_name, room, author, expected) => {
    expect(fileAbilities(room, 'me', author)).toEqual(expected);
  });

  it('folders: rename by author or moderator, delete by moderators only', () => {
    expect(folderAbilities(member, 'me', 'me')).toEqual({ rename: true, delete: false });
    expect(folderAbilities(member, 'me', 'x')).toEqual({ rename: false, delete: false });
    expect(folderAbilities(moderator, 'me', 'x')).toEqual({ rename: true, delete: true });
    expect(folderAbilities(archived, 'me', 'me')).toEqual({ rename: false, delete: false });
  });
});

describe('room file helpers', () => {
  it('previews raster images and PDF only', () => {
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('application/pdf')).toBe('pdf');
    for (const t of ['image/svg+xml', 'text/html', 'text/plain; charset=utf-8', 'application/zip'])
      expect(previewKind(t)).toBeNull();
  });

  it('a version must keep the type', () => {
    expect(sameKind('text/plain; charset=utf-8', 'text/plain')).toBe(true);
    expect(sameKind('application/pdf', 'image/png')).toBe(false);
  });

  it('numbers colliding names case-insensitively', () => {
    const taken = new Set(['bericht.pdf', 'bericht (2).pdf']);
    expect(uniqueName('Bericht.pdf', (k) => taken.has(k))).toBe('Bericht (3).pdf');
    expect(uniqueName('Neu.pdf', (k) => taken.has(k))).toBe('Neu.pdf');
    expect(uniqueName('Bericht (2).pdf', (k) => taken.has(k))).toBe('Bericht (3).pdf');
    expect(uniqueName('README', (k) => k === 'readme')).toBe('README (2)');
  });

  it('keeps the real extension on rename', () => {
    expect(keepExtension('neu.html', 'alt.pdf')).toBe('neu.html.pdf');
    expect(keepExtension('Neu.PDF', 'alt.pdf')).toBe('Neu.PDF');
    expect(keepExtension('ohne', 'alt')).toBe('ohne');
  });

  it('finds moves into itself or below, and survives cycles', () => {
    const parents: Record<string, string | null> = { a: null, b: 'a', c: 'b', x: 'y', y: 'x' };
    const up = (id: string) => parents[id];
    expect(isSelfOrDescendant('a', 'a', up)).toBe(true);
    expect(isSelfOrDescendant('a', 'c', up)).toBe(true);
    expect(isSelfOrDescendant('c', 'a', up)).toBe(false);
    expect(isSelfOrDescendant('a', null, up)).toBe(false);
    expect(isSelfOrDescendant('a', 'x', up)).toBe(true);
  });
});

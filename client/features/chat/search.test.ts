import { describe, expect, it } from 'vitest';
import { foldChar, snippetOf } from './search';

describe('chat search snippets', () => {
  it('folds like the server (umlauts, ß, accents, case)', () => {
    expect(['Ä', 'ö', 'ü', 'ß', 'é', 'X'].map(foldChar)).toEqual([
      'ae',
      'oe',
      'ue',
      'ss',
      'e',
      'x',
    ]);
  });

  it('marks the match as written, also when the query is folded', () => {
    expect(snippetOf('Die Grüße aus Stuttgart', 'gruesse')).toEqual({
      before: 'Die ',
      match: 'Grüße',
      after: ' aus Stuttgart',
    });
    expect(snippetOf('Treffen im Rathaus', 'RATHAUS').match).toBe('Rathaus');
  });

  it('cuts long texts around the match', () => {
    const text = `${'a'.repeat(100)} Treffer ${'b'.repeat(100)}`;
    const s = snippetOf(text, 'treffer', 10);
    expect(s.before).toBe(`…${'a'.repeat(9)} `);
    expect(s.match).toBe('Treffer');
    expect(s.after).toBe(` ${'b'.repeat(9)}…`);
  });

  it('shows the start of the text when the match is not in it (e.g. only in a file name)', () => {
    expect(snippetOf('kurz', 'xyz')).toEqual({ before: '', match: '', after: 'kurz' });
    expect(snippetOf('x'.repeat(30), 'y', 5).after).toBe(`${'x'.repeat(10)}…`);
  });
});

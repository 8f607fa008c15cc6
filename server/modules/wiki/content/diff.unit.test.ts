import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { diffDocs, flattenBlocks } from './diff';

const p = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const row = (...cells: string[]): JSONContent => ({
  type: 'tableRow',
  content: cells.map((c) => ({ type: 'tableCell', content: [p(c)] })),
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

describe('wiki diff', () => {
  it('aligns blocks and gives word parts for a changed one', () => {
    const blocks = diffDocs(
      doc(p('Erster Absatz.'), p('Die Sitzung ist am Montag.'), p('Weg damit.')),
      doc(p('Erster Absatz.'), p('Die Sitzung ist am Dienstag.'), {
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: 'Neu' }],
      }),
    );
    expect(blocks.map((b) => [b.kind, b.block])).toEqual([
      ['same', 'paragraph'],
      ['changed', 'paragraph'],
      ['changed', 'heading2'],
    ]);
    expect(blocks[1]!.parts).toEqual([
      { op: 'same', text: 'Die Sitzung ist am ' },
      { op: 'removed', text: 'Montag' },
      { op: 'added', text: 'Dienstag' },
      { op: 'same', text: '.' },
    ]);
  });

  it('diffs tables row by row', () => {
    const table = (...rows: JSONContent[]): JSONContent => ({ type: 'table', content: rows });
    const blocks = diffDocs(
      doc(table(row('Name', 'Raum'), row('Meier', '101'), row('Schulz', '102'))),
      doc(
        table(row('Name', 'Raum'), row('Meier', '105'), row('Schulz', '102'), row('Yilmaz', '103')),
      ),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['same', 'changed', 'same', 'added']);
    expect(blocks[1]!.parts).toEqual([
      { op: 'same', text: 'Meier | ' },
      { op: 'removed', text: '101' },
      { op: 'added', text: '105' },
    ]);
    expect(blocks[3]).toEqual({
      kind: 'added',
      block: 'tableRow',
      parts: [{ op: 'added', text: 'Yilmaz | 103' }],
    });
  });

  it('labels list items, callouts and removed blocks', () => {
    const list: JSONContent = {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [p('Punkt')] }],
    };
    expect(flattenBlocks(doc(list, { type: 'callout', content: [p('Hinweis')] }))).toEqual([
      { block: 'listItem', text: 'Punkt' },
      { block: 'callout', text: 'Hinweis' },
    ]);
    expect(diffDocs(doc(p('a'), p('b')), doc(p('a'))).map((b) => b.kind)).toEqual([
      'same',
      'removed',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { wikiExtensions } from './extensions';

describe('wiki document schema', () => {
  it('has the nodes and marks the editor offers', () => {
    const schema = getSchema(wikiExtensions({ collaboration: true }));
    for (const n of [
      'heading',
      'bulletList',
      'orderedList',
      'codeBlock',
      'table',
      'tableRow',
      'tableCell',
      'tableHeader',
      'image',
      'callout',
      'blockquote',
    ]) {
      expect(schema.nodes[n], n).toBeDefined();
    }
    for (const m of ['link', 'bold', 'italic', 'underline', 'strike', 'code']) {
      expect(schema.marks[m], m).toBeDefined();
    }
  });
});

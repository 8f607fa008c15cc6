import type { JSONContent } from '@tiptap/core';
import { pageLinkHref } from '@shared/wiki/extensions';

/**
 * Content builders for the demo wiki (ProseMirror JSON in the schema of `wikiExtensions()`), so
 * the pages in `wiki.ts` read like text: `doc(h(2, 'Titel'), p('Satz ', link('Seite', id)))`.
 */

type Inline = string | JSONContent;

const inline = (parts: Inline[]): JSONContent[] =>
  parts.filter((x) => x !== '').map((x) => (typeof x === 'string' ? { type: 'text', text: x } : x));

export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
export const p = (...parts: Inline[]): JSONContent => ({
  type: 'paragraph',
  content: inline(parts),
});
export const h = (level: 2 | 3 | 4, text: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
export const b = (text: string): JSONContent => ({ type: 'text', text, marks: [{ type: 'bold' }] });
export const i = (text: string): JSONContent => ({
  type: 'text',
  text,
  marks: [{ type: 'italic' }],
});
export const code = (text: string): JSONContent => ({
  type: 'text',
  text,
  marks: [{ type: 'code' }],
});
/** A link to another wiki page (backlinks are read from these) or any path/URL. */
export const link = (text: string, pageIdOrHref: string): JSONContent => ({
  type: 'text',
  text,
  marks: [
    {
      type: 'link',
      attrs: {
        href: /^[0-9a-f-]{36}$/.test(pageIdOrHref) ? pageLinkHref(pageIdOrHref) : pageIdOrHref,
      },
    },
  ],
});

const item = (x: Inline | Inline[]): JSONContent => ({
  type: 'listItem',
  content: [p(...(Array.isArray(x) ? x : [x]))],
});
export const ul = (...items: (Inline | Inline[])[]): JSONContent => ({
  type: 'bulletList',
  content: items.map(item),
});
export const ol = (...items: (Inline | Inline[])[]): JSONContent => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items.map(item),
});

/** A table; the first row is the header row. */
export const table = (header: string[], ...rows: Inline[][]): JSONContent => ({
  type: 'table',
  content: [
    {
      type: 'tableRow',
      content: header.map((text) => ({ type: 'tableHeader', content: [p(text)] })),
    },
    ...rows.map((cells) => ({
      type: 'tableRow',
      content: cells.map((c) => ({ type: 'tableCell', content: [p(c)] })),
    })),
  ],
});

export const callout = (
  tone: 'info' | 'warning' | 'success' | 'danger',
  ...content: JSONContent[]
): JSONContent => ({ type: 'callout', attrs: { tone }, content });

export const codeBlock = (text: string): JSONContent => ({
  type: 'codeBlock',
  attrs: { language: null },
  content: [{ type: 'text', text }],
});

export const quote = (...content: JSONContent[]): JSONContent => ({ type: 'blockquote', content });

/** Plain text of a document (for tests and the benchmark's expectations). */
export function plainText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(plainText).join(node.type === 'doc' ? '\n' : ' ');
}

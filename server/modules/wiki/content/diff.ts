import { diffArrays, diffWordsWithSpace } from 'diff';
import type { JSONContent } from '@tiptap/core';
import type { DiffBlockDTO } from '@shared/wiki/types';

/**
 * A readable diff of two versions of a page (pure): the documents are flattened into blocks
 * (paragraphs, headings, list items, code, table rows, images, rules), aligned with `diffArrays`
 * over the blocks' texts; a removed block directly followed by an added one becomes one
 * `changed` block with word-level parts.
 */

export interface FlatBlock {
  block: string;
  text: string;
}

const CONTAINERS: Record<string, string> = {
  listItem: 'listItem',
  blockquote: 'blockquote',
  callout: 'callout',
};

const inlineText = (n: JSONContent): string =>
  n.type === 'text'
    ? (n.text ?? '')
    : n.type === 'hardBreak'
      ? '\n'
      : (n.content ?? []).map(inlineText).join('');

/** The blocks of a document in reading order. */
export function flattenBlocks(doc: JSONContent): FlatBlock[] {
  const out: FlatBlock[] = [];
  const walk = (n: JSONContent, context: string | null) => {
    switch (n.type) {
      case 'paragraph':
        out.push({ block: context ?? 'paragraph', text: inlineText(n) });
        return;
      case 'heading':
        out.push({ block: `heading${Number(n.attrs?.level ?? 1)}`, text: inlineText(n) });
        return;
      case 'codeBlock':
        out.push({ block: 'codeBlock', text: inlineText(n) });
        return;
      case 'tableRow':
        out.push({
          block: 'tableRow',
          text: (n.content ?? []).map((c) => inlineText(c).trim()).join(' | '),
        });
        return;
      case 'image':
        out.push({
          block: 'image',
          text: String(n.attrs?.alt ?? '') || String(n.attrs?.src ?? ''),
        });
        return;
      case 'horizontalRule':
        out.push({ block: 'horizontalRule', text: '—' });
        return;
      default:
        for (const c of n.content ?? []) walk(c, (n.type && CONTAINERS[n.type]) ?? context);
    }
  };
  walk(doc, null);
  return out.filter((b) => b.block !== 'paragraph' || b.text.trim() !== '');
}

const key = (b: FlatBlock) => `${b.block}\u0000${b.text}`;

export function diffDocs(from: JSONContent, to: JSONContent): DiffBlockDTO[] {
  const a = flattenBlocks(from);
  const b = flattenBlocks(to);
  const changes = diffArrays(a.map(key), b.map(key));
  const unkey = (k: string): FlatBlock => {
    const i = k.indexOf('\u0000');
    return { block: k.slice(0, i), text: k.slice(i + 1) };
  };
  const result: DiffBlockDTO[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const blocks = c.value.map(unkey);
    if (!c.added && !c.removed) {
      for (const x of blocks)
        result.push({ kind: 'same', block: x.block, parts: [{ op: 'same', text: x.text }] });
      continue;
    }
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      const added = next.value.map(unkey);
      const pairs = Math.min(blocks.length, added.length);
      for (let j = 0; j < pairs; j++) {
        const parts = diffWordsWithSpace(blocks[j]!.text, added[j]!.text).map((p) => ({
          op: p.added ? ('added' as const) : p.removed ? ('removed' as const) : ('same' as const),
          text: p.value,
        }));
        result.push({ kind: 'changed', block: added[j]!.block, parts });
      }
      for (const x of blocks.slice(pairs))
        result.push({ kind: 'removed', block: x.block, parts: [{ op: 'removed', text: x.text }] });
      for (const x of added.slice(pairs))
        result.push({ kind: 'added', block: x.block, parts: [{ op: 'added', text: x.text }] });
      i += 1;
      continue;
    }
    const op = c.added ? ('added' as const) : ('removed' as const);
    for (const x of blocks)
      result.push({ kind: op, block: x.block, parts: [{ op, text: x.text }] });
  }
  return result;
}

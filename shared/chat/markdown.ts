/**
 * The chat's markdown subset, parsed into a small AST that the client renders as React elements
 * and the server uses for mentions and previews. Never produces or passes through HTML: `<b>` is
 * text. Linear-time (line-based blocks, single-scan inlines; see `./markdown-inline.ts`).
 *
 * Blocks: paragraphs (a newline is a line break), ``` fenced code ```, `> quotes` (nesting up to
 * 5 levels), `- item` / `1. item` lists. Inlines: `**strong**`, `*em*` / `_em_`, `~~strike~~`,
 * `` `code` ``, `[text](url)`, bare `https://…` autolinks, `@username`, `@channel` (`@all`,
 * `@alle`), backslash escapes. Links: http(s) and mailto only; anything else stays text.
 */
import { parseInline } from './markdown-inline';

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'strike'; children: MdInline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: MdInline[] } // http(s) and mailto only
  | { type: 'mention'; username: string } // @username  [a-z0-9._-]+
  | { type: 'mentionAll' } // @channel (also @all / @alle)
  | { type: 'break' };

export type MdBlock =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'code'; text: string } // ``` fenced ```
  | { type: 'quote'; children: MdBlock[] } // > quote
  | { type: 'list'; ordered: boolean; items: MdInline[][] }; // - item / 1. item

export { isSafeHref } from './markdown-inline';

const MAX_QUOTE_DEPTH = 5;

interface Fence {
  char: '`' | '~';
  length: number;
}

function openingFence(line: string): Fence | null {
  const trimmed = line.replace(/^ {0,3}/, '');
  const char = trimmed[0];
  if (char !== '`' && char !== '~') return null;
  let length = 0;
  while (trimmed[length] === char) length++;
  if (length < 3) return null;
  // A backtick fence's info string may not contain backticks (```code``` on one line is inline).
  if (char === '`' && trimmed.slice(length).includes('`')) return null;
  return { char, length };
}

/** Length of a line's closing fence at its end, or -1; a fence alone on a line closes too. */
function closingFenceAt(line: string, fence: Fence): number {
  const trimmed = line.trimEnd();
  let k = trimmed.length;
  while (k > 0 && trimmed[k - 1] === fence.char) k--;
  return trimmed.length - k >= fence.length ? k : -1;
}

interface ListMarker {
  ordered: boolean;
  start: number;
  content: string;
}

function listMarker(line: string): ListMarker | null {
  const bullet = /^ *[-*+][ \t]+(\S.*)$/.exec(line);
  if (bullet) return { ordered: false, start: 1, content: bullet[1]! };
  const ordered = /^ *(\d{1,9})[.)][ \t]+(\S.*)$/.exec(line);
  if (ordered) return { ordered: true, start: Number(ordered[1]), content: ordered[2]! };
  return null;
}

const isBlank = (line: string) => line.trim() === '';
const isQuote = (line: string) => /^ {0,3}>/.test(line);
const stripQuote = (line: string) => line.replace(/^ {0,3}> ?/, '');

/** Whether `line` ends a paragraph (CommonMark: only a list starting at 1 interrupts one). */
function interruptsParagraph(line: string, depth: number): boolean {
  if (openingFence(line) || (isQuote(line) && depth < MAX_QUOTE_DEPTH)) return true;
  const marker = listMarker(line);
  return marker !== null && (!marker.ordered || marker.start === 1);
}

function parseBlocks(lines: string[], depth: number): MdBlock[] {
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = openingFence(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const end = closingFenceAt(lines[i]!, fence);
        if (end >= 0) {
          if (lines[i]!.slice(0, end).trim()) body.push(lines[i]!.slice(0, end));
          i++;
          break;
        }
        body.push(lines[i]!);
        i++;
      }
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    if (isQuote(line) && depth < MAX_QUOTE_DEPTH) {
      const inner: string[] = [];
      while (i < lines.length && isQuote(lines[i]!)) inner.push(stripQuote(lines[i++]!));
      blocks.push({ type: 'quote', children: parseBlocks(inner, depth + 1) });
      continue;
    }
    const marker = listMarker(line);
    if (marker) {
      const items: string[][] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const m = listMarker(current);
        if (m && m.ordered === marker.ordered) {
          items.push([m.content]);
          i++;
        } else if (!m && /^\s{2,}\S/.test(current) && items.length > 0) {
          items[items.length - 1]!.push(current.trim()); // continuation of the item
          i++;
        } else if (
          isBlank(current) &&
          i + 1 < lines.length &&
          listMarker(lines[i + 1]!)?.ordered === marker.ordered
        ) {
          i++; // a loose list stays one list
        } else break;
      }
      blocks.push({
        type: 'list',
        ordered: marker.ordered,
        items: items.map((item) => parseInline(item.join('\n'))),
      });
      continue;
    }
    const paragraph: string[] = [line.trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i]!) && !interruptsParagraph(lines[i]!, depth)) {
      paragraph.push(lines[i]!.trim());
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}

export function parseMarkdown(source: string): MdBlock[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'), 0);
}

function walkInline(nodes: MdInline[], visit: (node: MdInline) => void) {
  for (const node of nodes) {
    visit(node);
    if (
      node.type === 'strong' ||
      node.type === 'em' ||
      node.type === 'strike' ||
      node.type === 'link'
    )
      walkInline(node.children, visit);
  }
}

function walkBlocks(blocks: MdBlock[], visit: (node: MdInline) => void) {
  for (const block of blocks) {
    if (block.type === 'paragraph') walkInline(block.children, visit);
    else if (block.type === 'quote') walkBlocks(block.children, visit);
    else if (block.type === 'list') for (const item of block.items) walkInline(item, visit);
  }
}

/** People mentioned (lower-case usernames, first occurrence order) and whether `@channel` was used. */
export function extractMentions(source: string): { usernames: string[]; all: boolean } {
  const usernames = new Set<string>();
  let all = false;
  walkBlocks(parseMarkdown(source), (node) => {
    if (node.type === 'mention') usernames.add(node.username);
    else if (node.type === 'mentionAll') all = true;
  });
  return { usernames: [...usernames], all };
}

function inlineText(nodes: MdInline[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') out += node.text;
    else if (node.type === 'mention') out += `@${node.username}`;
    else if (node.type === 'mentionAll') out += '@channel';
    else if (node.type === 'break') out += ' ';
    else out += inlineText(node.children);
  }
  return out;
}

function blocksText(blocks: MdBlock[]): string[] {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') parts.push(inlineText(block.children));
    else if (block.type === 'code') parts.push(block.text);
    else if (block.type === 'quote') parts.push(...blocksText(block.children));
    else for (const item of block.items) parts.push(inlineText(item));
  }
  return parts;
}

/**
 * One line of plain text (markers removed, whitespace collapsed) for previews, notifications and
 * search; with `max`, at most `max` characters (code points), ending in `…` when shortened.
 */
export function toPlainText(source: string, max?: number): string {
  const text = blocksText(parseMarkdown(source)).join(' ').replace(/\s+/g, ' ').trim();
  if (max === undefined) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 0) return '';
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * Inline part of the chat markdown subset (see `./markdown.ts`). One left-to-right scan builds a
 * linked list of items; emphasis is resolved with CommonMark's delimiter stack (with "openers
 * bottom", so unmatched markers never cause a rescan) and links with a bracket stack. Every
 * look-ahead uses tables computed once per text, so the whole pass is linear in the input.
 */
import type { MdInline } from './markdown';

interface Delim {
  char: '*' | '_' | '~';
  count: number;
  origCount: number;
  canOpen: boolean;
  canClose: boolean;
  item: Item;
  prev: Delim | null;
  next: Delim | null;
}

/** A node of the working list; `node === null` means literal `char × count` (a delimiter run). */
interface Item {
  node: MdInline | null;
  char: string;
  count: number;
  prev: Item | null;
  next: Item | null;
}

interface Bracket {
  item: Item;
  /** Top of the delimiter stack when `[` was seen: emphasis inside the link text stops there. */
  delimBottom: Delim | null;
}

const MAX_URL = 2048;
const ESCAPABLE = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const TRAILING_URL_PUNCTUATION = '?!.,:;*_~\'"';
const MENTION_ALL = new Set(['channel', 'all', 'alle']);

const isWhitespace = (c: string) => c === '' || c === ' ' || c === '\t' || c === '\n';
const isPunctuation = (c: string) => c !== '' && /[\p{P}\p{S}]/u.test(c);
const isAlnum = (c: string) => /[\p{L}\p{N}]/u.test(c);
const isUsernameChar = (c: string) => /[A-Za-z0-9._-]/.test(c);
/** Characters that end a URL (and may not appear in a link target). */
const isUrlBreak = (c: string) =>
  c <= ' ' || c === '<' || c === '>' || c === '"' || c === '`' || c === '\u007f';

/** `next[i]` = first index ≥ i where `test` holds (or `text.length`). */
function nextIndexTable(text: string, test: (c: string) => boolean): Int32Array {
  const table = new Int32Array(text.length + 1);
  table[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) table[i] = test(text[i]!) ? i : table[i + 1]!;
  return table;
}

export function isSafeHref(href: string): boolean {
  if (href.length === 0 || href.length > MAX_URL) return false;
  for (const c of href) if (isUrlBreak(c)) return false;
  const lower = href.toLowerCase();
  if (lower.startsWith('http://') || lower.startsWith('https://')) {
    const rest = href.slice(href.indexOf('//') + 2);
    return rest.length > 0 && /^[\p{L}\p{N}[]/u.test(rest);
  }
  if (lower.startsWith('mailto:')) return /^[^@\s]+@[^@\s]+$/.test(href.slice(7));
  return false;
}

export function parseInline(text: string): MdInline[] {
  const n = text.length;
  const nextParen = nextIndexTable(text, (c) => c === ')');
  const nextUrlBreak = nextIndexTable(text, isUrlBreak);
  // Code spans: starts of maximal backtick runs by length, each with a forward-only cursor.
  const runs = new Map<number, { starts: number[]; cursor: number }>();
  for (let i = 0; i < n;) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (j < n && text[j] === '`') j++;
    const entry = runs.get(j - i) ?? { starts: [], cursor: 0 };
    entry.starts.push(i);
    runs.set(j - i, entry);
    i = j;
  }
  const closingRun = (from: number, length: number): number => {
    const entry = runs.get(length);
    if (!entry) return -1;
    while (entry.cursor < entry.starts.length && entry.starts[entry.cursor]! < from) entry.cursor++;
    return entry.cursor < entry.starts.length ? entry.starts[entry.cursor]! : -1;
  };

  const head: Item = { node: null, char: '', count: 0, prev: null, next: null };
  let tail = head;
  let delims: Delim | null = null;
  const brackets: Bracket[] = [];
  /** Brackets below this index are inactive (no links inside a link). */
  let activeFrom = 0;
  let buffer = '';

  const append = (item: Item) => {
    item.prev = tail;
    tail.next = item;
    tail = item;
    return item;
  };
  const flush = () => {
    if (buffer)
      append({ node: { type: 'text', text: buffer }, char: '', count: 0, prev: null, next: null });
    buffer = '';
  };
  const pushNode = (node: MdInline) => {
    flush();
    return append({ node, char: '', count: 0, prev: null, next: null });
  };
  const removeDelim = (d: Delim) => {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    if (delims === d) delims = d.prev;
  };
  const removeItem = (item: Item) => {
    item.prev!.next = item.next;
    if (item.next) item.next.prev = item.prev;
    if (tail === item) tail = item.prev!;
  };
  /** Moves the items strictly between `from` and `to` (or to the end) into an array. */
  const cut = (from: Item, to: Item | null): MdInline[] => {
    const out: MdInline[] = [];
    for (let it = from.next; it && it !== to; it = it.next) pushMerged(out, toNode(it));
    from.next = to;
    if (to) to.prev = from;
    else tail = from;
    return out;
  };
  const insertAfter = (at: Item, node: MdInline) => {
    const item: Item = { node, char: '', count: 0, prev: at, next: at.next };
    if (at.next) at.next.prev = item;
    else tail = item;
    at.next = item;
  };

  const processEmphasis = (bottom: Delim | null) => {
    let first: Delim | null = delims;
    while (first && first.prev !== bottom) first = first.prev;
    if (!first || first === bottom) return;
    const openersBottom = new Map<string, Delim | null>();
    let current: Delim | null = first;
    while (current) {
      if (!current.canClose) {
        current = current.next;
        continue;
      }
      const key = `${current.char}${current.canOpen ? 1 : 0}${current.origCount % 3}`;
      const limit = openersBottom.has(key) ? openersBottom.get(key)! : bottom;
      let opener: Delim | null = current.prev;
      while (opener && opener !== bottom && opener !== limit) {
        if (opener.char === current.char && opener.canOpen) {
          const oddMatch =
            current.char !== '~' &&
            (opener.canClose || current.canOpen) &&
            (opener.origCount + current.origCount) % 3 === 0 &&
            !(opener.origCount % 3 === 0 && current.origCount % 3 === 0);
          if (!oddMatch) break;
        }
        opener = opener.prev;
      }
      if (opener && opener !== bottom && opener !== limit) {
        const use = current.char === '~' ? 2 : opener.count >= 2 && current.count >= 2 ? 2 : 1;
        const type = current.char === '~' ? 'strike' : use === 2 ? 'strong' : 'em';
        opener.count -= use;
        current.count -= use;
        opener.item.count = opener.count;
        current.item.count = current.count;
        const children = cut(opener.item, current.item);
        insertAfter(opener.item, { type, children });
        for (let d = current.prev; d && d !== opener; d = d.prev) removeDelim(d);
        if (opener.count === 0) {
          removeItem(opener.item);
          removeDelim(opener);
        }
        if (current.count === 0) {
          const next: Delim | null = current.next;
          removeItem(current.item);
          removeDelim(current);
          current = next;
        }
      } else {
        openersBottom.set(key, current.prev);
        const next: Delim | null = current.next;
        if (!current.canOpen) removeDelim(current);
        current = next;
      }
    }
    while (delims && delims !== bottom) removeDelim(delims);
  };

  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < n && ESCAPABLE.includes(text[i + 1]!)) {
      buffer += text[i + 1];
      i += 2;
    } else if (c === '\n') {
      buffer = buffer.trimEnd();
      pushNode({ type: 'break' });
      i++;
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    } else if (c === '`') {
      let j = i;
      while (j < n && text[j] === '`') j++;
      const close = closingRun(j, j - i);
      if (close < 0) {
        buffer += text.slice(i, j);
        i = j;
        continue;
      }
      let code = text.slice(j, close).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim())
        code = code.slice(1, -1);
      pushNode({ type: 'code', text: code });
      i = close + (j - i);
    } else if (c === '*' || c === '_' || c === '~') {
      let j = i;
      while (j < n && text[j] === c) j++;
      const count = j - i;
      if (c === '~' && count !== 2) {
        buffer += text.slice(i, j);
        i = j;
        continue;
      }
      const before = i > 0 ? text[i - 1]! : '';
      const after = j < n ? text[j]! : '';
      const leftFlanking =
        !isWhitespace(after) &&
        (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
      const rightFlanking =
        !isWhitespace(before) &&
        (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
      const intraword = c === '_';
      const canOpen = leftFlanking && (!intraword || !rightFlanking || isPunctuation(before));
      const canClose = rightFlanking && (!intraword || !leftFlanking || isPunctuation(after));
      flush();
      const item = append({ node: null, char: c, count, prev: null, next: null });
      if (canOpen || canClose) {
        const d: Delim = {
          char: c,
          count,
          origCount: count,
          canOpen,
          canClose,
          item,
          prev: delims,
          next: null,
        };
        if (delims) delims.next = d;
        delims = d;
      }
      i = j;
    } else if (c === '[') {
      const item = pushNode({ type: 'text', text: '[' });
      brackets.push({ item, delimBottom: delims });
      i++;
    } else if (c === ']') {
      const opener = brackets.pop();
      const active = opener !== undefined && brackets.length >= activeFrom;
      activeFrom = Math.min(activeFrom, brackets.length);
      const close = i + 1 < n && text[i + 1] === '(' ? (nextParen[i + 2] ?? n) : n;
      const href = close < n ? text.slice(i + 2, close).trim() : '';
      if (opener && active && close < n && nextUrlBreak[i + 2]! >= close && isSafeHref(href)) {
        flush();
        processEmphasis(opener.delimBottom);
        const children = flattenLinks(cut(opener.item, null));
        removeItem(opener.item);
        pushNode({
          type: 'link',
          href,
          children: children.length ? children : [{ type: 'text', text: href }],
        });
        activeFrom = brackets.length;
        i = close + 1;
      } else {
        buffer += ']';
        i++;
      }
    } else if (c === '@' && (i === 0 || !/[A-Za-z0-9.\-@+/]/.test(text[i - 1]!))) {
      let j = i + 1;
      while (j < n && isUsernameChar(text[j]!)) j++;
      while (j > i + 1 && '.-_'.includes(text[j - 1]!)) j--;
      const name = text.slice(i + 1, j).toLowerCase();
      if (!name || name.length > 64) {
        buffer += '@';
        i++;
        continue;
      }
      pushNode(
        MENTION_ALL.has(name) ? { type: 'mentionAll' } : { type: 'mention', username: name },
      );
      i = j;
    } else if (
      (c === 'h' || c === 'H') &&
      (i === 0 || !isAlnum(text[i - 1]!)) &&
      startsWithUrl(text, i)
    ) {
      let end = nextUrlBreak[i]!;
      end = Math.min(end, i + MAX_URL);
      end = trimUrlEnd(text, i, end);
      const href = text.slice(i, end);
      if (isSafeHref(href)) {
        pushNode({ type: 'link', href, children: [{ type: 'text', text: href }] });
        i = end;
      } else {
        buffer += c;
        i++;
      }
    } else {
      buffer += c;
      i++;
    }
  }
  flush();
  processEmphasis(null);
  return cut(head, null);
}

function startsWithUrl(text: string, i: number): boolean {
  const start = text.slice(i, i + 8).toLowerCase();
  return start.startsWith('http://') || start.startsWith('https://');
}

/** GFM rule: trailing punctuation and unbalanced closing parentheses are not part of the URL. */
function trimUrlEnd(text: string, start: number, end: number): number {
  let open = 0;
  let close = 0;
  for (let k = start; k < end; k++) {
    if (text[k] === '(') open++;
    else if (text[k] === ')') close++;
  }
  while (end > start) {
    const last = text[end - 1]!;
    if (TRAILING_URL_PUNCTUATION.includes(last)) end--;
    else if (last === ')' && close > open) {
      close--;
      end--;
    } else break;
  }
  return end;
}

function toNode(item: Item): MdInline {
  return item.node ?? { type: 'text', text: item.char.repeat(item.count) };
}

function pushMerged(out: MdInline[], node: MdInline) {
  const last = out[out.length - 1];
  if (node.type === 'text') {
    if (!node.text) return;
    if (last?.type === 'text') {
      out[out.length - 1] = { type: 'text', text: last.text + node.text };
      return;
    }
  }
  out.push(node);
}

/** No links (or mention chips) inside a link's text: keep their text. */
function flattenLinks(nodes: MdInline[]): MdInline[] {
  const out: MdInline[] = [];
  for (const node of nodes) {
    if (node.type === 'link')
      for (const child of flattenLinks(node.children)) pushMerged(out, child);
    else if (node.type === 'mention') pushMerged(out, { type: 'text', text: `@${node.username}` });
    else if (node.type === 'mentionAll') pushMerged(out, { type: 'text', text: '@channel' });
    else if (node.type === 'strong' || node.type === 'em' || node.type === 'strike')
      out.push({ type: node.type, children: flattenLinks(node.children) });
    else pushMerged(out, node);
  }
  return out;
}

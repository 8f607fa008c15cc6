import type { JSONContent } from '@tiptap/core';

/**
 * A wiki document (ProseMirror JSON of the `wikiExtensions` schema) as Markdown (GFM): every
 * node of the schema, text escaped so that nothing in it turns into Markdown syntax or HTML.
 * Pure: used by the export route and usable in the browser.
 */

const CALLOUT_ALERT: Record<string, string> = {
  info: 'NOTE',
  warning: 'WARNING',
  success: 'TIP',
  danger: 'CAUTION',
};

/** Escapes Markdown and HTML specials in running text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~{}]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/^(\s*)([#>+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/**
 * Link targets a wiki page may hold (the HTML snapshot applies the same rule): web, mail,
 * same-site paths and anchors; not `//host` or `/\host` (browsers read both as another host).
 */
export const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;
/** Images only from the portal itself (the snapshot keeps only the page's own files). */
const SAFE_SRC = /^\/(?![/\\])/;

/** The attribute as a destination if it passes `rule`, else null (the document is client input). */
const safeUrl = (value: unknown, rule: RegExp): string | null => {
  const url = typeof value === 'string' ? value.trim() : '';
  return rule.test(url) ? destination(url) : null;
};

/** A URL as a link or image destination: no spaces, parentheses or angle brackets unencoded. */
const destination = (url: string) =>
  url
    .trim()
    .replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const longestRun = (text: string, ch: string) =>
  Math.max(0, ...[...text.matchAll(new RegExp(`\\${ch}+`, 'g'))].map((m) => m[0].length));

function inlineCode(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

type Mark = NonNullable<JSONContent['marks']>[number];

function textNode(node: JSONContent): string {
  const marks: Mark[] = node.marks ?? [];
  const raw = node.text ?? '';
  if (marks.some((m) => m.type === 'code')) {
    const code = inlineCode(raw);
    const href = safeUrl(marks.find((m) => m.type === 'link')?.attrs?.href, SAFE_HREF);
    return href ? `[${code}](${href})` : code;
  }
  // Emphasis must hug the text: leading/trailing spaces go outside the delimiters.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw) ?? [];
  if (!core) return raw.replace(/[^\S\n]+/g, ' ');
  let out = escapeMarkdown(core);
  for (const m of marks) {
    if (m.type === 'bold') out = `**${out}**`;
    else if (m.type === 'italic') out = `_${out}_`;
    else if (m.type === 'strike') out = `~~${out}~~`;
  }
  const href = safeUrl(marks.find((m) => m.type === 'link')?.attrs?.href, SAFE_HREF);
  if (href) out = `[${out}](${href})`;
  return `${lead}${out}${trail}`;
}

function inline(nodes: JSONContent[] | undefined): string {
  return (nodes ?? [])
    .map((n) => {
      if (n.type === 'text') return textNode(n);
      if (n.type === 'hardBreak') return '\\\n';
      if (n.type === 'image') return image(n);
      return inline(n.content);
    })
    .join('');
}

function image(n: JSONContent): string {
  const alt = escapeMarkdown(String(n.attrs?.alt ?? ''));
  const src = safeUrl(n.attrs?.src, SAFE_SRC);
  return src ? `![${alt}](${src})` : alt;
}

const prefixLines = (text: string, first: string, rest: string) =>
  text
    .split('\n')
    .map((line, i) =>
      line ? (i === 0 ? first : rest) + line : i === 0 ? first.trimEnd() : rest.trimEnd(),
    )
    .join('\n');

function cellText(cell: JSONContent): string {
  return (cell.content ?? [])
    .map((b) => (b.type === 'paragraph' || b.type === 'heading' ? inline(b.content) : plain(b)))
    .join(' ')
    .replace(/\\\n/g, ' ')
    .replace(/\n/g, ' ')
    .trim();
}

/** Text of any node without syntax (table cells holding lists or code). */
function plain(n: JSONContent): string {
  if (n.type === 'text') return escapeMarkdown(n.text ?? '');
  return (n.content ?? []).map(plain).join(' ');
}

function table(n: JSONContent): string {
  const rows = (n.content ?? []).map((row) => {
    const cells: string[] = [];
    for (const cell of row.content ?? []) {
      cells.push(cellText(cell));
      const span = Number(cell.attrs?.colspan ?? 1);
      for (let i = 1; i < span && i < 100; i++) cells.push('');
    }
    return cells;
  });
  if (!rows.length) return '';
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [
    line(head),
    `| ${Array.from({ length: width }, () => '---').join(' | ')} |`,
    ...body.map(line),
  ].join('\n');
}

function block(n: JSONContent): string {
  switch (n.type) {
    case 'paragraph':
      return inline(n.content);
    case 'heading': {
      const level = Math.min(4, Math.max(1, Number(n.attrs?.level ?? 1)));
      return `${'#'.repeat(level)} ${inline(n.content)}`;
    }
    case 'blockquote':
      return prefixLines(blocks(n.content), '> ', '> ');
    case 'callout': {
      const alert = CALLOUT_ALERT[String(n.attrs?.tone ?? 'info')] ?? 'NOTE';
      return prefixLines(`[!${alert}]\n${blocks(n.content)}`, '> ', '> ');
    }
    case 'codeBlock': {
      const text = (n.content ?? []).map((c) => c.text ?? '').join('');
      const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
      const lang = String(n.attrs?.language ?? '').replace(/[^\w+-]/g, '');
      return `${fence}${lang}\n${text}\n${fence}`;
    }
    case 'horizontalRule':
      return '---';
    case 'image':
      return image(n);
    case 'bulletList':
      return (n.content ?? []).map((li) => listItem(li, '- ')).join('\n');
    case 'orderedList': {
      const start = Math.max(0, Number(n.attrs?.start ?? 1)) || 1;
      return (n.content ?? []).map((li, i) => listItem(li, `${start + i}. `)).join('\n');
    }
    case 'table':
      return table(n);
    default:
      return n.content ? blocks(n.content) : '';
  }
}

function listItem(li: JSONContent, marker: string): string {
  const body = (li.content ?? []).map(block).join('\n');
  return prefixLines(body, marker, ' '.repeat(marker.length));
}

function blocks(nodes: JSONContent[] | undefined): string {
  return (nodes ?? [])
    .map(block)
    .filter((s) => s !== '')
    .join('\n\n');
}

/** The document as Markdown, optionally under a `# title`. */
export function toMarkdown(doc: JSONContent, title?: string): string {
  const body = blocks(doc.content);
  const head = title ? `# ${escapeMarkdown(title)}\n\n` : '';
  return `${head}${body}\n`;
}

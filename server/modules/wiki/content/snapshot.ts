import DOMPurify from 'isomorphic-dompurify';
import { generateHTML } from '@tiptap/html/server';
import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { COLLAB_FIELD } from '@shared/wiki/schemas';
import { PAGE_LINK_RE, calloutTones, wikiExtensions } from '@shared/wiki/extensions';
import { SAFE_HREF } from '@shared/wiki/markdown';
import type { TocEntryDTO } from '@shared/wiki/types';

/**
 * The reading snapshot of a page: Y fragment → ProseMirror JSON → HTML through the one schema
 * (`wikiExtensions`) → a strict allow-list of exactly the schema's elements → heading anchors,
 * outline, plain text, page links and file ids. Whatever a client pushes into the Y document,
 * only this survives into what readers, search and export see.
 */

export interface RenderedSnapshot {
  html: string;
  text: string;
  toc: TocEntryDTO[];
  links: string[];
  fileIds: string[];
}

const ALLOWED_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'hr',
  'br',
  'strong',
  'em',
  'u',
  's',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'div',
];
const ALLOWED_ATTR = [
  'href',
  'rel',
  'src',
  'alt',
  'colspan',
  'rowspan',
  'data-callout',
  'data-tone',
  'start',
];

const SPAN = /^\d{1,3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Per-call state of the hook (sanitize() is synchronous, so a module variable is enough). */
interface RunState {
  fileRe: RegExp | null;
  headings: number;
  toc: TocEntryDTO[];
  fileIds: Set<string>;
  hrefs: string[];
}
let run: RunState | null = null;

const fileIdOf = (url: string): string | null => {
  const m = run?.fileRe?.exec(url);
  return m ? (m[1] as string).toLowerCase() : null;
};

/**
 * Attached only while a wiki snapshot is sanitised: `isomorphic-dompurify` is one shared
 * instance, and a permanent hook would change every other module's sanitising.
 */
const wikiHook = (node: Node) => {
  const el = node as Element;
  const tag = el.tagName?.toLowerCase();
  if (!tag || !run) return;
  if (tag === 'a') {
    const href = (el.getAttribute('href') ?? '').trim();
    if (!href || !SAFE_HREF.test(href)) el.removeAttribute('href');
    else {
      run.hrefs.push(href);
      const fileId = fileIdOf(href);
      if (fileId) run.fileIds.add(fileId);
    }
    el.setAttribute('rel', 'noopener noreferrer');
  } else {
    el.removeAttribute('href');
    el.removeAttribute('rel');
  }
  if (tag === 'img') {
    const fileId = fileIdOf(el.getAttribute('src') ?? '');
    if (!fileId) {
      el.remove();
      return;
    }
    run.fileIds.add(fileId);
    if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
  } else {
    el.removeAttribute('src');
    el.removeAttribute('alt');
  }
  if (tag === 'td' || tag === 'th') {
    for (const a of ['colspan', 'rowspan']) {
      const v = el.getAttribute(a);
      if (v !== null && !SPAN.test(v)) el.removeAttribute(a);
    }
  } else {
    el.removeAttribute('colspan');
    el.removeAttribute('rowspan');
  }
  if (tag === 'ol') {
    const v = el.getAttribute('start');
    if (v !== null && !SPAN.test(v)) el.removeAttribute('start');
  } else el.removeAttribute('start');
  if (tag === 'div' && el.hasAttribute('data-callout')) {
    const tone = el.getAttribute('data-tone') ?? '';
    el.setAttribute('data-callout', '');
    el.setAttribute(
      'data-tone',
      (calloutTones as readonly string[]).includes(tone) ? tone : 'info',
    );
  } else {
    el.removeAttribute('data-callout');
    el.removeAttribute('data-tone');
  }
  const level = /^h([1-4])$/.exec(tag);
  if (level) {
    run.headings += 1;
    const anchor = `h-${run.headings}`;
    el.setAttribute('id', anchor);
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) run.toc.push({ level: Number(level[1]) as 1 | 2 | 3 | 4, text, anchor });
  }
};

/** Sanitises wiki HTML for page `pageId` (images only from this page's own file route). */
export function sanitizeWikiHtml(
  html: string,
  pageId: string,
): { html: string; toc: TocEntryDTO[]; fileIds: string[]; hrefs: string[] } {
  const id = UUID.test(pageId) ? pageId.toLowerCase() : null;
  run = {
    fileRe: id ? new RegExp(`^/api/wiki/pages/${id}/files/([0-9a-f]{24})$`, 'i') : null,
    headings: 0,
    toc: [],
    fileIds: new Set(),
    hrefs: [],
  };
  const state = run;
  DOMPurify.addHook('afterSanitizeAttributes', wikiHook);
  try {
    const clean = html.trim()
      ? DOMPurify.sanitize(html, {
          ALLOWED_TAGS,
          ALLOWED_ATTR,
          ALLOW_DATA_ATTR: false,
          ALLOW_ARIA_ATTR: false,
          ALLOW_UNKNOWN_PROTOCOLS: false,
          KEEP_CONTENT: true,
        })
      : '';
    return { html: clean, toc: state.toc, fileIds: [...state.fileIds], hrefs: state.hrefs };
  } finally {
    DOMPurify.removeHook('afterSanitizeAttributes', wikiHook);
    run = null;
  }
}

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'codeBlock',
  'listItem',
  'tableCell',
  'tableHeader',
  'blockquote',
  'callout',
  'horizontalRule',
]);

/** Plain text of a document: blocks on their own lines (search, excerpts, diff). */
export function plainText(doc: JSONContent): string {
  const out: string[] = [];
  const walk = (n: JSONContent) => {
    if (n.type === 'text') out.push(n.text ?? '');
    else if (n.type === 'hardBreak') out.push('\n');
    for (const c of n.content ?? []) walk(c);
    if (n.type && BLOCKS.has(n.type)) out.push('\n');
  };
  walk(doc);
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Page ids linked from these hrefs (no duplicates, not the page itself). */
export function pageLinks(hrefs: string[], selfId: string): string[] {
  const ids = new Set<string>();
  for (const href of hrefs) {
    for (const m of href.matchAll(new RegExp(PAGE_LINK_RE.source, 'gi'))) {
      const id = (m[1] as string).toLowerCase();
      if (id !== selfId.toLowerCase()) ids.add(id);
    }
  }
  return [...ids].sort();
}

export const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The ProseMirror JSON of a page's Y document. */
export function docJSON(doc: Y.Doc): JSONContent {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(COLLAB_FIELD)) as JSONContent;
  return json.content?.length ? json : EMPTY_DOC;
}

/** Renders and sanitises a document (ProseMirror JSON) of page `pageId`. */
export function renderSnapshot(json: JSONContent, pageId: string): RenderedSnapshot {
  let html = '';
  try {
    html = generateHTML(json, wikiExtensions());
  } catch {
    // Content outside the schema (a hostile client) renders as nothing rather than failing the store.
    html = '';
  }
  const clean = sanitizeWikiHtml(html, pageId);
  return {
    html: clean.html,
    text: plainText(json),
    toc: clean.toc,
    links: pageLinks(clean.hrefs, pageId),
    fileIds: clean.fileIds,
  };
}

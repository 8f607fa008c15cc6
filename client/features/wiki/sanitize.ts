import createDOMPurify from 'dompurify';
import type { CalloutTone } from '@shared/wiki/extensions';

/** The server's snapshot allow-list (what `wikiExtensions()` renders), applied again before rendering. */
export const WIKI_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'strong',
  'em',
  'u',
  's',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'hr',
  'br',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'colgroup',
  'col',
  'div',
];
export const WIKI_ATTRS = [
  'href',
  'rel',
  'target',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'colspan',
  'rowspan',
  'start',
  'id',
  'data-callout',
  'data-tone',
];

const SAFE_HREF = /^(?:https?:|mailto:|\/(?!\/)|#)/i;
const SAFE_SRC = /^\/api\/wiki\/pages\/[0-9a-f-]{36}\/files\/[0-9a-f]{24}$/i;
const HEADING_ID = /^h-\d+$/;
const TONES = new Set(['info', 'warning', 'success', 'danger']);
export const INTERNAL_PAGE =
  /^\/wiki\/p\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:#h-\d+)?$/i;

let purifier: ReturnType<typeof createDOMPurify> | null = null;

/** A private DOMPurify instance, so these hooks change nobody else's sanitising. */
function getPurifier() {
  if (purifier) return purifier;
  const p = createDOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (!el.tagName) return;
    if (el.hasAttribute('id') && !HEADING_ID.test(el.getAttribute('id') ?? ''))
      el.removeAttribute('id');
    if (el.tagName === 'A') {
      const href = (el.getAttribute('href') ?? '').trim();
      if (!SAFE_HREF.test(href)) el.removeAttribute('href');
      if (/^https?:/i.test(href)) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      } else {
        el.removeAttribute('target');
      }
    }
    if (el.tagName === 'IMG') {
      const src = el.getAttribute('src') ?? '';
      if (!SAFE_SRC.test(src)) el.remove();
      else el.setAttribute('loading', 'lazy');
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
    if (el.tagName === 'DIV') {
      // Only callouts are divs in the schema; their tone comes from a fixed list.
      if (!el.hasAttribute('data-callout')) el.removeAttribute('data-tone');
      else if (!TONES.has(el.getAttribute('data-tone') ?? '')) el.setAttribute('data-tone', 'info');
    }
  });
  purifier = p;
  return p;
}

/** Texts put into the snapshot: callout labels by tone and the name of a table's scroll box. */
export type SnapshotLabels = Record<CalloutTone, string> & { table: string };

const ICONS: Record<CalloutTone, string> = { info: 'ℹ', warning: '⚠', success: '✓', danger: '⛔' };

/**
 * Sanitises snapshot HTML and prepares it for reading: callouts get a visible label with icon
 * (the tone is never told by colour alone), wide tables a focusable scroll box.
 */
export function prepareSnapshot(
  html: string,
  labels: SnapshotLabels,
  classes: { callout?: string; calloutLabel?: string; tableWrap?: string } = {},
): string {
  const frag = getPurifier().sanitize(html, {
    ALLOWED_TAGS: WIKI_TAGS,
    ALLOWED_ATTR: [...WIKI_ATTRS, 'loading'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  const doc = frag.ownerDocument;
  frag.querySelectorAll('div[data-callout]').forEach((box) => {
    const tone = (box.getAttribute('data-tone') ?? 'info') as CalloutTone;
    if (classes.callout) box.setAttribute('class', classes.callout);
    box.setAttribute('role', 'note');
    const label = doc.createElement('p');
    if (classes.calloutLabel) label.setAttribute('class', classes.calloutLabel);
    const icon = doc.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = `${ICONS[tone]} `;
    const strong = doc.createElement('strong');
    strong.textContent = labels[tone];
    label.append(icon, strong);
    box.prepend(label);
  });
  frag.querySelectorAll('table').forEach((table) => {
    const wrap = doc.createElement('div');
    if (classes.tableWrap) wrap.setAttribute('class', classes.tableWrap);
    // Scrollable on phones; focusable so keyboard users can scroll it.
    wrap.setAttribute('tabindex', '0');
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', labels.table);
    table.replaceWith(wrap);
    wrap.append(table);
  });
  const box = doc.createElement('div');
  box.append(frag);
  return box.innerHTML;
}

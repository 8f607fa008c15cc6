import DOMPurify from 'isomorphic-dompurify';

/**
 * The one rich-text sanitiser (run on write) for the editor's HTML (news articles, course
 * descriptions and lessons): a strict allow-list of the formatting the editor produces. No
 * styles, no classes, no event handlers; links only to http(s), mailto or relative targets;
 * images only from the caller's own authorised file route (`imageSrc`), else none.
 */
const ALLOWED_TAGS = [
  'p',
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
];
const ALLOWED_ATTR = ['href', 'rel', 'target', 'src', 'alt', 'width', 'height'];

// Relative paths, but not `//host` or `/\\host` (browsers read both as another host).
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;
const DIMENSION = /^\d{1,5}$/;

// The image rule of the call in progress (sanitize() is synchronous, so one variable is enough).
let currentImageSrc: RegExp | null = null;

/**
 * Attached only while sanitising: `isomorphic-dompurify` is one shared instance, and a permanent
 * hook would strip images and links from every other module's sanitising.
 */
const richHook = (node: Node) => {
  const el = node as Element;
  const tag = el.tagName?.toLowerCase();
  if (tag === 'a') {
    const href = (el.getAttribute('href') ?? '').trim();
    if (!href || !SAFE_HREF.test(href)) el.removeAttribute('href');
    const target = el.getAttribute('target');
    if (target !== null && target !== '_blank') el.removeAttribute('target');
    el.setAttribute('rel', 'noopener noreferrer');
  } else {
    el.removeAttribute('href');
    el.removeAttribute('rel');
    el.removeAttribute('target');
  }
  if (tag === 'img') {
    const src = el.getAttribute('src') ?? '';
    if (!currentImageSrc || !currentImageSrc.test(src)) {
      el.remove();
      return;
    }
    for (const dim of ['width', 'height']) {
      const v = el.getAttribute(dim);
      if (v !== null && !DIMENSION.test(v)) el.removeAttribute(dim);
    }
    if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
  } else {
    el.removeAttribute('src');
    el.removeAttribute('alt');
    el.removeAttribute('width');
    el.removeAttribute('height');
  }
};

/** Sanitised rich HTML. `imageSrc` must match an image's whole `src` (anchored), else it goes. */
export function sanitizeRichHtml(html: string, opts: { imageSrc: RegExp | null }): string {
  if (!html.trim()) return '';
  currentImageSrc = opts.imageSrc;
  DOMPurify.addHook('afterSanitizeAttributes', richHook);
  try {
    return DOMPurify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      KEEP_CONTENT: true,
    });
  } finally {
    DOMPurify.removeHook('afterSanitizeAttributes', richHook);
    currentImageSrc = null;
  }
}

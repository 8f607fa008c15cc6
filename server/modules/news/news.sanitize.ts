import DOMPurify from 'isomorphic-dompurify';

/**
 * The one rich-text sanitiser for articles (run on write): a strict allow-list of the formatting
 * the editor produces. No styles, no classes, no event handlers; links only to http(s), mailto or
 * relative targets; images only from this article's own authorised file route.
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

// The article being sanitised (sanitize() is synchronous, so one module variable is enough).
let currentArticleId = '';

/**
 * Attached only while an article is sanitised: `isomorphic-dompurify` is one shared instance, and
 * a permanent hook would strip images and links from every other module's sanitising.
 */
const articleHook = (node: Node) => {
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
    const own = new RegExp(`^/api/news/${currentArticleId}/files/[0-9a-f]{24}$`);
    if (!currentArticleId || !own.test(src)) {
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

/** Sanitised HTML for an article body (images must point at `/api/news/<articleId>/files/…`). */
export function sanitizeArticleHtml(html: string, articleId: string): string {
  if (!html.trim()) return '';
  currentArticleId = /^[0-9a-f]{24}$/i.test(articleId) ? articleId.toLowerCase() : '';
  DOMPurify.addHook('afterSanitizeAttributes', articleHook);
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
    DOMPurify.removeHook('afterSanitizeAttributes', articleHook);
    currentArticleId = '';
  }
}

/** File ids of the inline images in sanitised HTML (to check they belong to the article). */
export function inlineImageIds(html: string): string[] {
  return [...html.matchAll(/\/api\/news\/[0-9a-f]{24}\/files\/([0-9a-f]{24})/gi)].map(
    (m) => m[1] as string,
  );
}

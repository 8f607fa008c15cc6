import { useMemo } from 'react';
import createDOMPurify from 'dompurify';
import styles from './RichText.module.css';

/** The server's allow-list (news.sanitize.ts), applied a second time before rendering. */
export const RICH_TEXT_TAGS = [
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
export const RICH_TEXT_ATTRS = ['href', 'rel', 'target', 'src', 'alt', 'width', 'height'];

const SAFE_HREF = /^(?:https?:|mailto:|\/(?!\/)|#)/i;
/** News articles' own files: the default image rule (learning passes its course pattern). */
export const NEWS_IMAGE_SRC = /^\/api\/news\/[0-9a-f]{24}\/files\/[0-9a-f]{24}$/i;

let purifier: ReturnType<typeof createDOMPurify> | null = null;
// The image rule of the call in progress (sanitize() is synchronous, so one variable is enough).
let imageSrc: RegExp | null = NEWS_IMAGE_SRC;

/** A private DOMPurify instance, so the hooks here do not change anyone else's sanitising. */
function getPurifier() {
  if (purifier) return purifier;
  const p = createDOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_HREF.test(href.trim())) node.removeAttribute('href');
      // External links open in a new tab without handing over this window.
      if (/^https?:/i.test(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else if (node.hasAttribute('target')) {
        node.setAttribute('rel', 'noopener noreferrer');
      }
    }
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!imageSrc || !imageSrc.test(src)) node.remove();
      else node.setAttribute('loading', 'lazy');
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
  });
  purifier = p;
  return p;
}

/**
 * Sanitises rich HTML with the allow-list (exported for tests). Images stay only when their whole
 * `src` matches `allowedImageSrc` (anchored; `null`: no images at all).
 */
export function sanitizeRichText(
  html: string,
  allowedImageSrc: RegExp | null = NEWS_IMAGE_SRC,
): string {
  const p = getPurifier();
  imageSrc = allowedImageSrc;
  try {
    return p.sanitize(html, {
      ALLOWED_TAGS: RICH_TEXT_TAGS,
      ALLOWED_ATTR: [...RICH_TEXT_ATTRS, 'loading'],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
    });
  } finally {
    imageSrc = NEWS_IMAGE_SRC;
  }
}

/**
 * Renders server-sanitised rich text after a second sanitising pass in the browser. `imageSrc`:
 * which image sources may show (default: news files; course pages pass their course's pattern).
 */
export function RichText({
  html,
  lang,
  imageSrc: allowed = NEWS_IMAGE_SRC,
}: {
  html: string;
  lang?: string;
  imageSrc?: RegExp | null;
}) {
  const clean = useMemo(() => sanitizeRichText(html, allowed), [html, allowed]);
  return (
    <div
      className={styles.richText}
      lang={lang}
      // Sanitised twice (server on write, DOMPurify here) with a strict allow-list.
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}

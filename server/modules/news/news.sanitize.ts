import { sanitizeRichHtml } from '../../lib/rich-html';

/**
 * Article bodies use the shared rich-text allow-list (`server/lib/rich-html.ts`); images only
 * from this article's own authorised file route.
 */
export function sanitizeArticleHtml(html: string, articleId: string): string {
  const id = /^[0-9a-f]{24}$/i.test(articleId) ? articleId.toLowerCase() : '';
  return sanitizeRichHtml(html, {
    imageSrc: id ? new RegExp(`^/api/news/${id}/files/[0-9a-f]{24}$`) : null,
  });
}

/** File ids of the inline images in sanitised HTML (to check they belong to the article). */
export function inlineImageIds(html: string): string[] {
  return [...html.matchAll(/\/api\/news\/[0-9a-f]{24}\/files\/([0-9a-f]{24})/gi)].map(
    (m) => m[1] as string,
  );
}

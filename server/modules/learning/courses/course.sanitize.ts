import { courseImageSrc } from '@shared/learning/images';
import { sanitizeRichHtml } from '../../../lib/rich-html';

/** Course descriptions and lesson texts: the shared allow-list; images only from this course's files. */
export function sanitizeCourseHtml(html: string, courseId: string): string {
  return sanitizeRichHtml(html, { imageSrc: courseImageSrc(courseId) });
}

/** File ids of the inline images in sanitised HTML (to check they belong to the course). */
export function inlineFileIds(html: string): string[] {
  return [...html.matchAll(/\/api\/learning\/courses\/[0-9a-f]{24}\/files\/([0-9a-f]{24})/gi)].map(
    (m) => (m[1] as string).toLowerCase(),
  );
}

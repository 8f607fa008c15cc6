/**
 * Inline images in course descriptions and lesson texts may only show this course's own files
 * (`/api/learning/courses/<courseId>/files/<fileId>`). The server drops every other image on save
 * (course.sanitize.ts); the browser's renderer drops them again with the same pattern.
 */
export function courseImageSrc(courseId: string): RegExp | null {
  if (!/^[0-9a-f]{24}$/i.test(courseId)) return null;
  return new RegExp(`^/api/learning/courses/${courseId.toLowerCase()}/files/[0-9a-f]{24}$`);
}


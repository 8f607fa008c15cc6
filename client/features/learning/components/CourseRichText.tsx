import { useMemo } from 'react';
import { courseImageSrc } from '@shared/learning/images';
import { RichText } from '../../../components/rich-text/RichText';

/** Lesson texts and course descriptions: rich text whose images may only be this course's files. */
export function CourseRichText({ courseId, html }: { courseId: string; html: string }) {
  const imageSrc = useMemo(() => courseImageSrc(courseId), [courseId]);
  return <RichText html={html} imageSrc={imageSrc} />;
}

import { useTranslation } from 'react-i18next';
import type { LessonFileDTO } from '@shared/learning/types';
import { ImageUploadDialog } from '../../../../components/rich-text/ImageUploadDialog';
import { uploadCourseFile } from '../api';

/** What the server takes for purpose `image` (it checks the bytes, not this list). */
export const courseImageAccept = 'image/png,image/jpeg,image/webp';

/**
 * Uploads an image as a course file and hands back its URL with the alt text. Alt text is
 * required (no decorative images in lesson texts).
 */
export function CourseImageDialog({
  courseId,
  isOpen,
  onOpenChange,
  onInsert,
}: {
  courseId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onInsert: (image: { src: string; alt: string }) => void;
}) {
  const { t } = useTranslation('learningAuthor');
  return (
    <ImageUploadDialog<LessonFileDTO>
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      accept={courseImageAccept}
      texts={{
        title: t('image.title'),
        file: t('image.file'),
        fileHelp: t('image.fileHelp'),
        alt: t('image.alt'),
        altHelp: t('image.altHelp'),
        altRequired: t('image.altRequired'),
        uploading: t('image.uploading'),
        insert: t('image.insert'),
        cancel: t('image.cancel'),
      }}
      upload={(f) => uploadCourseFile(courseId, f, 'image', () => undefined)}
      onUploaded={(stored, alt) => onInsert({ src: stored.url, alt })}
    />
  );
}

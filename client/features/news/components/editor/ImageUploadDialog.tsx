import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsUploadDTO } from '@shared/news/types';
import { ImageUploadDialog as UploadDialog } from '../../../../components/rich-text/ImageUploadDialog';
import { newUploadId, uploadNewsFile } from '../../editor-api';

export interface UploadedImage {
  fileId: string;
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

/** Uploads an image for an article (alt text required), retried under one upload id per file. */
export function ImageUploadDialog({
  articleId,
  title,
  isOpen,
  onOpenChange,
  onInsert,
}: {
  articleId: string;
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onInsert: (image: UploadedImage) => void;
}) {
  const { t } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const [uploadId, setUploadId] = useState(newUploadId);
  return (
    <UploadDialog<NewsUploadDTO>
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      accept="image/png,image/jpeg,image/webp,image/gif"
      texts={{
        title,
        file: t('editor.image.file'),
        alt: t('editor.image.alt'),
        altHelp: t('editor.image.altHelp'),
        altRequired: t('editor.image.altRequired'),
        uploading: t('editor.image.uploading'),
        insert: t('editor.image.insert'),
        cancel: t('editor.cancel'),
      }}
      upload={(f) => uploadNewsFile(articleId, f, uploadId)}
      onFileChosen={() => setUploadId(newUploadId())}
      onUploaded={(u, alt) =>
        onInsert({ fileId: u.fileId, url: u.url, alt, width: u.width, height: u.height })
      }
    />
  );
}

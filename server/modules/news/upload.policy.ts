import type { Article } from './article.model';
import {
  canEditInChannel,
  canReadArticle,
  canWriteNews,
  type NewsViewer,
  type PolicyArticle,
} from './news.policy';

/**
 * Uploading: for an article that exists, whoever may edit it; for one not saved yet (the editor
 * generated its id), whoever may write news somewhere.
 */
export const canUploadTo = (viewer: NewsViewer, article: PolicyArticle | null) =>
  article ? canEditInChannel(viewer, String(article.channelId)) : canWriteNews(viewer);

/** The file ids an article points to outside its bodies (cover and attachments). */
export const referencedOutsideBody = (a: Pick<Article, 'cover' | 'attachments'>): Set<string> =>
  new Set([
    ...(a.cover ? [String(a.cover.fileId)] : []),
    ...a.attachments.map((f) => String(f.fileId)),
  ]);

/**
 * Downloading: before the article exists only its uploader; afterwards whoever may edit it, or
 * who may read it when the file is referenced by it (cover, attachment, inline image).
 * `referenced` is asked lazily (it may read the bodies).
 */
export async function canDownload(
  viewer: NewsViewer,
  article: PolicyArticle | null,
  file: { uploadedBy: string },
  referenced: () => Promise<boolean>,
): Promise<boolean> {
  if (!article) return file.uploadedBy === viewer.user.id;
  if (canEditInChannel(viewer, String(article.channelId))) return true;
  return canReadArticle(viewer, article) && (await referenced());
}

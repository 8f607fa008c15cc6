/**
 * How the article service learns about uploaded files (cover, inline images, attachments) without
 * depending on the upload store: the uploads module registers a resolver at import time
 * (`setNewsFileResolver`). Unknown ids are refused with 400.
 */
export interface NewsFileInfo {
  fileId: string;
  kind: 'image' | 'file';
  filename: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
}

export type NewsFileResolver = (
  articleId: string,
  fileIds: string[],
  uploaderId: string,
) => Promise<Map<string, NewsFileInfo>>;

let resolver: NewsFileResolver = () => Promise.resolve(new Map());

export function setNewsFileResolver(fn: NewsFileResolver): void {
  resolver = fn;
}

/** Files uploaded for this article (by anyone who may edit it); ids not found are missing. */
export function resolveNewsFiles(
  articleId: string,
  fileIds: string[],
  uploaderId: string,
): Promise<Map<string, NewsFileInfo>> {
  return fileIds.length ? resolver(articleId, fileIds, uploaderId) : Promise.resolve(new Map());
}

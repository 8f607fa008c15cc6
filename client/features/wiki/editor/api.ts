import { api } from '../../../lib/api';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type {
  DiffDTO,
  PageDTO,
  ReviewItemDTO,
  RevisionDTO,
  RevisionDetailDTO,
  WikiFileDTO,
} from '@shared/wiki/types';

/**
 * REST calls of the co-editor, history and reviews (S2's revision/diff/review routes and the page
 * file upload), unwrapped from `{ data }`. Pages, spaces and search: `../api.ts`.
 */
export const wikiBase = '/api/wiki';
const enc = encodeURIComponent;
const pagePath = (pageId: string) => `${wikiBase}/pages/${enc(pageId)}`;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export const listRevisions = (pageId: string, cursor?: string | null, signal?: AbortSignal) =>
  api<ApiPage<RevisionDTO>>(`${pagePath(pageId)}/revisions`, {
    query: { cursor: cursor ?? undefined },
    signal,
  });

export const getRevision = (pageId: string, revisionId: string, signal?: AbortSignal) =>
  data(
    api<ApiData<RevisionDetailDTO>>(`${pagePath(pageId)}/revisions/${enc(revisionId)}`, {
      signal,
    }),
  );

export const saveVersion = (pageId: string, note?: string) =>
  data(
    api<ApiData<RevisionDTO>>(`${pagePath(pageId)}/revisions`, {
      method: 'POST',
      body: note ? { note } : {},
    }),
  );

export const restoreRevision = (pageId: string, revisionId: string) =>
  data(
    api<ApiData<RevisionDTO>>(`${pagePath(pageId)}/revisions/${enc(revisionId)}/restore`, {
      method: 'POST',
      body: {},
    }),
  );

export const getDiff = (pageId: string, from: string, to: string, signal?: AbortSignal) =>
  data(api<ApiData<DiffDTO>>(`${pagePath(pageId)}/diff`, { query: { from, to }, signal }));

/** What the review routes answer: the page's new `rev` and review state (not the whole page). */
export interface ReviewStateDTO {
  id: string;
  rev: number;
  review: { state: PageDTO['review']['state'] };
}

export const submitReview = (pageId: string, rev: number) =>
  data(
    api<ApiData<ReviewStateDTO>>(`${pagePath(pageId)}/review`, {
      method: 'POST',
      body: { rev },
    }),
  );

export const decideReview = (
  pageId: string,
  decision: 'approve' | 'reject',
  rev: number,
  comment?: string,
) =>
  data(
    api<ApiData<ReviewStateDTO>>(`${pagePath(pageId)}/review/${decision}`, {
      method: 'POST',
      body: comment ? { rev, comment } : { rev },
    }),
  );

export const listReviews = (signal?: AbortSignal) =>
  data(api<ApiData<ReviewItemDTO[]>>(`${wikiBase}/reviews`, { signal }));

/** Uploads an image or attachment of the page (multipart field `file`). */
export function uploadPageFile(pageId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return data(
    api<ApiData<WikiFileDTO>>(`${pagePath(pageId)}/files`, { method: 'POST', body: form }),
  );
}

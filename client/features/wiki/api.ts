import { api } from '../../lib/api';
import type { ApiData } from '@shared/http/errors';
import type { z } from 'zod';
import type {
  PageCreateInput,
  SpaceCreateInput,
  SpaceRole,
  pageUpdateSchema,
  spaceUpdateSchema,
} from '@shared/wiki/schemas';
import type {
  PageDTO,
  PageRefDTO,
  SpaceDTO,
  SpaceMemberDTO,
  SpaceTreeDTO,
  StalePageDTO,
  WikiCommentDTO,
  WikiFileDTO,
  WikiSearchHitDTO,
} from '@shared/wiki/types';

/** REST calls of the wiki (`/api/wiki`), unwrapped from `{ data }`. Content routes: `editor/api.ts`. */
export const wikiBase = '/api/wiki';
const enc = encodeURIComponent;
const space = (id: string) => `${wikiBase}/spaces/${enc(id)}`;
const page = (id: string) => `${wikiBase}/pages/${enc(id)}`;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export type SpaceUpdateInput = z.input<typeof spaceUpdateSchema>;
export type PageUpdateInput = z.input<typeof pageUpdateSchema>;

// --- Spaces ---
export const listSpaces = (signal?: AbortSignal) =>
  data(api<ApiData<SpaceDTO[]>>(`${wikiBase}/spaces`, { signal }));
export const createSpace = (input: SpaceCreateInput) =>
  data(api<ApiData<SpaceDTO>>(`${wikiBase}/spaces`, { method: 'POST', body: { ...input } }));
export const getSpace = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<SpaceDTO>>(space(id), { signal }));
export const updateSpace = (id: string, input: SpaceUpdateInput) =>
  data(api<ApiData<SpaceDTO>>(space(id), { method: 'PATCH', body: { ...input } }));
export const getMembers = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<SpaceMemberDTO[]>>(`${space(id)}/members`, { signal }));
export const setMember = (id: string, personId: string, role: SpaceRole | null) =>
  data(
    api<ApiData<SpaceMemberDTO[]>>(`${space(id)}/members`, {
      method: 'PUT',
      body: { personId, role },
    }),
  );
export const getTree = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<SpaceTreeDTO>>(`${space(id)}/tree`, { signal }));
export const getArchive = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<PageRefDTO[]>>(`${space(id)}/archive`, { signal }));
export const getStale = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<StalePageDTO[]>>(`${space(id)}/stale`, { signal }));
export const getTemplates = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<PageRefDTO[]>>(`${space(id)}/templates`, { signal }));

// --- Pages ---
export const createPage = (input: PageCreateInput) =>
  data(api<ApiData<PageDTO>>(`${wikiBase}/pages`, { method: 'POST', body: { ...input } }));
export const getPage = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<PageDTO>>(page(id), { signal }));
export const updatePage = (id: string, input: PageUpdateInput) =>
  data(api<ApiData<PageDTO>>(page(id), { method: 'PATCH', body: { ...input } }));
export interface MoveInput {
  rev: number;
  parentId: string | null;
  index: number;
}
export const movePage = (id: string, input: MoveInput) =>
  data(api<ApiData<unknown>>(`${page(id)}/move`, { method: 'POST', body: { ...input } }));
export interface CopyInput {
  id: string;
  title?: string;
  withChildren: boolean;
}
export const copyPage = (id: string, input: CopyInput) =>
  data(api<ApiData<PageDTO>>(`${page(id)}/copy`, { method: 'POST', body: { ...input } }));
export const archivePage = (id: string) =>
  data(api<ApiData<unknown>>(`${page(id)}/archive`, { method: 'POST' }));
export const restorePage = (id: string) =>
  data(api<ApiData<unknown>>(`${page(id)}/restore`, { method: 'POST' }));
export const getBacklinks = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<PageRefDTO[]>>(`${page(id)}/backlinks`, { signal }));

// --- Comments, watching, files (S3) ---
export const listComments = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<WikiCommentDTO[]>>(`${page(id)}/comments`, { signal }));
export interface CommentInput {
  id: string;
  body: string;
  parentId: string | null;
}
export const createComment = (pageId: string, input: CommentInput) =>
  data(
    api<ApiData<WikiCommentDTO>>(`${page(pageId)}/comments`, {
      method: 'POST',
      body: { ...input },
    }),
  );
export const updateComment = (
  pageId: string,
  commentId: string,
  input: { body?: string; resolved?: boolean },
) =>
  data(
    api<ApiData<WikiCommentDTO>>(`${page(pageId)}/comments/${enc(commentId)}`, {
      method: 'PATCH',
      body: { ...input },
    }),
  );
export const deleteComment = (pageId: string, commentId: string) =>
  api<unknown>(`${page(pageId)}/comments/${enc(commentId)}`, { method: 'DELETE' });
export const setWatching = (pageId: string, watch: boolean) =>
  api<unknown>(`${page(pageId)}/watch`, { method: watch ? 'PUT' : 'DELETE' });
export const listFiles = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<WikiFileDTO[]>>(`${page(id)}/files`, { signal }));

// --- Export links (plain downloads) ---
export const exportUrl = (id: string, format: 'html' | 'md') => `${page(id)}/export.${format}`;

// --- Search (S4) ---
export const searchWiki = (q: string, spaceId: string | null, signal?: AbortSignal) =>
  data(
    api<ApiData<WikiSearchHitDTO[]>>(`${wikiBase}/search`, {
      signal,
      query: { q, spaceId: spaceId ?? undefined },
    }),
  );

import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { PageCreateInput, SpaceCreateInput, SpaceRole } from '@shared/wiki/schemas';
import type { PageDTO, SpaceDTO } from '@shared/wiki/types';
import {
  archivePage,
  copyPage,
  createComment,
  createPage,
  createSpace,
  deleteComment,
  getArchive,
  getBacklinks,
  getMembers,
  getPage,
  getSpace,
  getStale,
  getTemplates,
  getTree,
  listComments,
  listFiles,
  listSpaces,
  movePage,
  restorePage,
  searchWiki,
  setMember,
  setWatching,
  updateComment,
  updatePage,
  updateSpace,
  type CommentInput,
  type CopyInput,
  type MoveInput,
  type PageUpdateInput,
  type SpaceUpdateInput,
} from './api';
import { wikiKeys } from './keys';

// --- Queries (socket events invalidate the same keys, so stale times can be generous) ---

export const spacesQuery = () =>
  queryOptions({
    queryKey: wikiKeys.spaces(),
    queryFn: ({ signal }) => listSpaces(signal),
    staleTime: 60_000,
  });
export const spaceQuery = (id: string) =>
  queryOptions({
    queryKey: wikiKeys.space(id),
    queryFn: ({ signal }) => getSpace(id, signal),
    staleTime: 60_000,
  });
export const treeQuery = (spaceId: string) =>
  queryOptions({
    queryKey: wikiKeys.tree(spaceId),
    queryFn: ({ signal }) => getTree(spaceId, signal),
    staleTime: 60_000,
  });
export const pageQuery = (id: string) =>
  queryOptions({
    queryKey: wikiKeys.page(id),
    queryFn: ({ signal }) => getPage(id, signal),
    staleTime: 30_000,
  });

export const useSpaces = () => useQuery(spacesQuery());
export const useSpace = (id: string) => useQuery(spaceQuery(id));
/** The tree of a space (`enabled: false` while the space is unknown, e.g. the page is loading). */
export const useTree = (spaceId: string | undefined) =>
  useQuery({ ...treeQuery(spaceId ?? ''), enabled: !!spaceId });
export const usePage = (id: string) => useQuery(pageQuery(id));

export const useMembers = (spaceId: string, enabled = true) =>
  useQuery({
    queryKey: wikiKeys.members(spaceId),
    queryFn: ({ signal }) => getMembers(spaceId, signal),
    enabled,
  });
export const useArchive = (spaceId: string) =>
  useQuery({
    queryKey: wikiKeys.archive(spaceId),
    queryFn: ({ signal }) => getArchive(spaceId, signal),
  });
export const useStale = (spaceId: string) =>
  useQuery({
    queryKey: wikiKeys.stale(spaceId),
    queryFn: ({ signal }) => getStale(spaceId, signal),
  });
export const useTemplates = (spaceId: string) =>
  useQuery({
    queryKey: wikiKeys.templates(spaceId),
    queryFn: ({ signal }) => getTemplates(spaceId, signal),
  });
export const useBacklinks = (pageId: string) =>
  useQuery({
    queryKey: wikiKeys.backlinks(pageId),
    queryFn: ({ signal }) => getBacklinks(pageId, signal),
  });
export const useComments = (pageId: string) =>
  useQuery({
    queryKey: wikiKeys.comments(pageId),
    queryFn: ({ signal }) => listComments(pageId, signal),
  });
export const useFiles = (pageId: string) =>
  useQuery({
    queryKey: wikiKeys.files(pageId),
    queryFn: ({ signal }) => listFiles(pageId, signal),
  });
/** Search; `q` shorter than 2 characters asks nothing. Keeps the last hits while typing. */
export const useWikiSearch = (q: string, spaceId: string | null = null) =>
  useQuery({
    queryKey: wikiKeys.search(q, spaceId),
    queryFn: ({ signal }) => searchWiki(q, spaceId, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

// --- Mutations ---

/** After a page changed: it, its space's lists (tree, archive, stale, templates) and backlinks. */
export function afterPageChange(qc: QueryClient, spaceId: string, page?: PageDTO) {
  if (page) qc.setQueryData(wikiKeys.page(page.id), page);
  void qc.invalidateQueries({ queryKey: wikiKeys.space(spaceId) });
}

export function useCreateSpace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SpaceCreateInput) => createSpace(input),
    onSuccess: (s) => {
      qc.setQueryData(wikiKeys.space(s.id), s);
      void qc.invalidateQueries({ queryKey: wikiKeys.spaces() });
    },
  });
}

export function useUpdateSpace(spaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SpaceUpdateInput) => updateSpace(spaceId, input),
    onSuccess: (s: SpaceDTO) => {
      qc.setQueryData(wikiKeys.space(spaceId), s);
      void qc.invalidateQueries({ queryKey: wikiKeys.spaces() });
    },
  });
}

export function useSetMember(spaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { personId: string; role: SpaceRole | null }) =>
      setMember(spaceId, v.personId, v.role),
    onSuccess: (members) => qc.setQueryData(wikiKeys.members(spaceId), members),
  });
}

export function useCreatePage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PageCreateInput) => createPage(input),
    onSuccess: (p) => afterPageChange(qc, p.spaceId, p),
  });
}

export function useUpdatePage(pageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PageUpdateInput) => updatePage(pageId, input),
    onSuccess: (p) => afterPageChange(qc, p.spaceId, p),
  });
}

export function useMovePage(spaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { pageId: string } & MoveInput) =>
      movePage(v.pageId, { rev: v.rev, parentId: v.parentId, index: v.index }),
    onSettled: (_d, _e, v) => {
      // A 409 (stale rev) refetches too: the tree shown is then the current one.
      void qc.invalidateQueries({ queryKey: wikiKeys.tree(spaceId) });
      void qc.invalidateQueries({ queryKey: wikiKeys.page(v.pageId), exact: true });
    },
  });
}

export function useCopyPage(spaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { pageId: string } & CopyInput) =>
      copyPage(v.pageId, { id: v.id, title: v.title, withChildren: v.withChildren }),
    onSuccess: (p) => afterPageChange(qc, spaceId, p),
  });
}

export function useArchivePage(spaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (pageId: string) => archivePage(pageId),
    onSettled: (_d, _e, pageId) => {
      void qc.invalidateQueries({ queryKey: wikiKeys.space(spaceId) });
      void qc.invalidateQueries({ queryKey: wikiKeys.page(pageId) });
    },
  });
}

export function useRestorePage(spaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (pageId: string) => restorePage(pageId),
    onSettled: (_d, _e, pageId) => {
      void qc.invalidateQueries({ queryKey: wikiKeys.space(spaceId) });
      void qc.invalidateQueries({ queryKey: wikiKeys.page(pageId) });
    },
  });
}

export function useCreateComment(pageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CommentInput) => createComment(pageId, input),
    onSettled: () => qc.invalidateQueries({ queryKey: wikiKeys.comments(pageId) }),
  });
}

export function useUpdateComment(pageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { commentId: string; body?: string; resolved?: boolean }) =>
      updateComment(pageId, v.commentId, { body: v.body, resolved: v.resolved }),
    onSettled: () => qc.invalidateQueries({ queryKey: wikiKeys.comments(pageId) }),
  });
}

export function useDeleteComment(pageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => deleteComment(pageId, commentId),
    onSettled: () => qc.invalidateQueries({ queryKey: wikiKeys.comments(pageId) }),
  });
}

export function useSetWatching(pageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (watch: boolean) => setWatching(pageId, watch),
    onSuccess: (_d, watch) =>
      qc.setQueryData<PageDTO>(wikiKeys.page(pageId), (old) =>
        old ? { ...old, watching: watch } : old,
      ),
  });
}

import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import type { ApiPage } from '@shared/http/errors';
import type { RevisionDTO } from '@shared/wiki/types';
import { wikiKeys } from '../keys';

/** Page and space come from the reader's queries (one cache entry each). */
export { usePage, useSpace, useUpdatePage } from '../queries';
import {
  decideReview,
  getDiff,
  getRevision,
  listReviews,
  listRevisions,
  restoreRevision,
  saveVersion,
  submitReview,
  uploadPageFile,
} from './api';

export function useRevisions(pageId: string) {
  return useInfiniteQuery({
    queryKey: wikiKeys.revisions(pageId),
    queryFn: ({ pageParam, signal }) => listRevisions(pageId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ApiPage<RevisionDTO>) => last.nextCursor,
    staleTime: 15_000,
  });
}

/** All loaded revisions, newest first as the server sends them. */
export const flatRevisions = (d: InfiniteData<ApiPage<RevisionDTO>> | undefined): RevisionDTO[] =>
  d?.pages.flatMap((p) => p.data) ?? [];

export const useRevision = (pageId: string, revisionId: string | null) =>
  useQuery({
    queryKey: wikiKeys.revision(pageId, revisionId ?? ''),
    queryFn: ({ signal }) => getRevision(pageId, revisionId ?? '', signal),
    enabled: Boolean(revisionId),
    staleTime: Infinity, // a revision never changes
  });

export const useDiff = (pageId: string, from: string | null, to: string | null) =>
  useQuery({
    queryKey: wikiKeys.diff(pageId, from ?? '', to ?? ''),
    queryFn: ({ signal }) => getDiff(pageId, from ?? '', to ?? '', signal),
    enabled: Boolean(from && to && from !== to),
    staleTime: Infinity,
  });

export const useReviews = () =>
  useQuery({
    queryKey: wikiKeys.reviews(),
    queryFn: ({ signal }) => listReviews(signal),
    staleTime: 15_000,
  });

export function useSaveVersion(pageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note?: string) => saveVersion(pageId, note),
    onSuccess: () => qc.invalidateQueries({ queryKey: wikiKeys.revisions(pageId) }),
  });
}

export function useRestoreRevision(pageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (revisionId: string) => restoreRevision(pageId, revisionId),
    onSuccess: () => qc.invalidateQueries({ queryKey: wikiKeys.page(pageId) }),
  });
}

export function useSubmitReview(pageId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { rev: number }) => submitReview(pageId, v.rev),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: wikiKeys.page(pageId) });
      void qc.invalidateQueries({ queryKey: wikiKeys.reviews() });
    },
  });
}

export function useDecideReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      pageId: string;
      decision: 'approve' | 'reject';
      rev: number;
      comment?: string;
    }) => decideReview(v.pageId, v.decision, v.rev, v.comment),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: wikiKeys.page(r.id) });
      void qc.invalidateQueries({ queryKey: wikiKeys.reviews() });
    },
  });
}

export const useUploadPageFile = (pageId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadPageFile(pageId, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: wikiKeys.files(pageId) }),
  });
};

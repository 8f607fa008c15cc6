import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  CategoryInput,
  CourseContentInput,
  CourseCreateInput,
  CourseUpdateInput,
} from '@shared/learning/schemas';
import type { CourseDTO, CourseDraftDTO } from '@shared/learning/types';
import { learningKeys } from '../keys';
import {
  archiveCourse,
  createCategory,
  createCourse,
  deleteCategory,
  deleteCourseImage,
  getCourseForAuthor,
  getDraft,
  listCategories,
  listManagedCourses,
  listVersions,
  publishCourse,
  renameCategory,
  restoreCourse,
  saveDraft,
  updateCourse,
  uploadCourseImage,
  type ManageListParams,
} from './api';

// --- Queries (C1's socket handlers invalidate the same keys) ---

export const useManagedCourses = (q: ManageListParams) =>
  useInfiniteQuery({
    queryKey: learningKeys.list({ ...q, scope: 'manage' }),
    queryFn: ({ pageParam, signal }) => listManagedCourses(q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

/** Meta of a course for its author (the preview: works for never-published courses too). */
export const useAuthorCourse = (id: string) =>
  useQuery({
    queryKey: learningKeys.preview(id),
    queryFn: ({ signal }) => getCourseForAuthor(id, signal),
    retry: false,
  });

/** The draft with answers. Never refetched behind the editor's back (it holds local edits). */
export const useDraft = (id: string) =>
  useQuery({
    queryKey: learningKeys.draft(id),
    queryFn: ({ signal }) => getDraft(id, signal),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useVersions = (id: string) =>
  useQuery({
    queryKey: learningKeys.versions(id),
    queryFn: ({ signal }) => listVersions(id, signal),
  });

export const useCategories = () =>
  useQuery({
    queryKey: learningKeys.categories(),
    queryFn: ({ signal }) => listCategories(signal),
    staleTime: 60_000,
  });

// --- Mutations ---

function useCoursePut() {
  const qc = useQueryClient();
  return (course: CourseDTO) => {
    qc.setQueryData(learningKeys.preview(course.id), course);
    void qc.invalidateQueries({ queryKey: learningKeys.lists() });
  };
}

export function useCreateCourse() {
  const put = useCoursePut();
  return useMutation({
    mutationFn: (input: CourseCreateInput) => createCourse(input),
    onSuccess: put,
  });
}

export function useUpdateCourse(id: string) {
  const put = useCoursePut();
  return useMutation({
    mutationFn: (input: CourseUpdateInput) => updateCourse(id, input),
    onSuccess: put,
  });
}

export function useSaveDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CourseContentInput) => saveDraft(id, input),
    onSuccess: (draft: CourseDraftDTO) => {
      qc.setQueryData(learningKeys.draft(id), draft);
      void qc.invalidateQueries({ queryKey: learningKeys.preview(id) });
      void qc.invalidateQueries({ queryKey: learningKeys.lists() });
    },
  });
}

/** Publish, archive, restore: everything of the course may change. */
function useCourseAction(id: string, run: (rev: number) => Promise<CourseDTO>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: learningKeys.course(id) });
      void qc.invalidateQueries({ queryKey: learningKeys.lists() });
    },
  });
}
export const usePublishCourse = (id: string) =>
  useCourseAction(id, (draftRev) => publishCourse(id, draftRev));
export const useArchiveCourse = (id: string) =>
  useCourseAction(id, (rev) => archiveCourse(id, rev));
export const useRestoreCourse = (id: string) =>
  useCourseAction(id, (rev) => restoreCourse(id, rev));

export function useCourseImage(id: string) {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: learningKeys.preview(id) });
    void qc.invalidateQueries({ queryKey: learningKeys.lists() });
  };
  const upload = useMutation({
    mutationFn: (file: File) => uploadCourseImage(id, file),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => deleteCourseImage(id), onSuccess: done });
  return { upload, remove };
}

function useCategoryMutation<V>(run: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => qc.invalidateQueries({ queryKey: learningKeys.categories() }),
  });
}
export const useCreateCategory = () =>
  useCategoryMutation((input: CategoryInput) => createCategory(input));
export const useRenameCategory = () =>
  useCategoryMutation(({ id, ...input }: CategoryInput & { id: string }) =>
    renameCategory(id, input),
  );
export const useDeleteCategory = () => useCategoryMutation((id: string) => deleteCategory(id));

import { api } from '../../../lib/api';
import { uploadWithProgress } from '../../../lib/upload';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type {
  CategoryInput,
  CourseContentInput,
  CourseCreateInput,
  CourseListQuery,
  CourseUpdateInput,
} from '@shared/learning/schemas';
import type {
  CategoryDTO,
  CourseCardDTO,
  CourseDTO,
  CourseDraftDTO,
  CourseVersionDTO,
  LessonFileDTO,
} from '@shared/learning/types';

/** REST calls of course authoring (`/api/learning/...`), unwrapped from `{ data }`. */
const base = '/api/learning';
const enc = encodeURIComponent;
export const coursePath = (id: string) => `${base}/courses/${enc(id)}`;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export interface CoursePage extends ApiPage<CourseCardDTO> {
  total: number;
}
export type ManageListParams = Partial<Omit<CourseListQuery, 'cursor' | 'scope'>>;
export type FilePurpose = 'media' | 'captions' | 'document' | 'image';

// --- Courses ---
export const listManagedCourses = (
  q: ManageListParams,
  cursor?: string | null,
  signal?: AbortSignal,
) =>
  api<CoursePage>(`${base}/courses`, {
    query: { ...q, scope: 'manage', cursor: cursor ?? undefined },
    signal,
  });
export const createCourse = (input: CourseCreateInput) =>
  data(api<ApiData<CourseDTO>>(`${base}/courses`, { method: 'POST', body: { ...input } }));
/** The course as an author edits it: meta plus the draft shown as a learner would see it. */
export const getCourseForAuthor = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<CourseDTO>>(coursePath(id), { query: { preview: 'true' }, signal }));
export const updateCourse = (id: string, input: CourseUpdateInput) =>
  data(api<ApiData<CourseDTO>>(coursePath(id), { method: 'PATCH', body: { ...input } }));

// --- Draft, publishing, versions ---
export const getDraft = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<CourseDraftDTO>>(`${coursePath(id)}/draft`, { signal }));
export const saveDraft = (id: string, input: CourseContentInput) =>
  data(
    api<ApiData<CourseDraftDTO>>(`${coursePath(id)}/draft`, {
      method: 'PUT',
      body: input as unknown as Record<string, unknown>,
    }),
  );
export const publishCourse = (id: string, draftRev: number) =>
  data(
    api<ApiData<CourseDTO>>(`${coursePath(id)}/publish`, {
      method: 'POST',
      body: { rev: draftRev },
    }),
  );
export const listVersions = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<CourseVersionDTO[]>>(`${coursePath(id)}/versions`, { signal }));
export const archiveCourse = (id: string, rev: number) =>
  data(api<ApiData<CourseDTO>>(`${coursePath(id)}/archive`, { method: 'POST', body: { rev } }));
export const restoreCourse = (id: string, rev: number) =>
  data(api<ApiData<CourseDTO>>(`${coursePath(id)}/restore`, { method: 'POST', body: { rev } }));

// --- Files ---
/** Lesson media, captions, documents (multipart `file` after the field `purpose`). */
export const uploadCourseFile = (
  courseId: string,
  file: File,
  purpose: FilePurpose,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) =>
  uploadWithProgress<LessonFileDTO>(`${coursePath(courseId)}/files`, file, onProgress, {
    fields: { purpose },
    signal,
  });
/** The course image (multipart `file`). */
export const uploadCourseImage = (courseId: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<unknown>(`${coursePath(courseId)}/image`, { method: 'PUT', body: form });
};
export const deleteCourseImage = (courseId: string) =>
  api<unknown>(`${coursePath(courseId)}/image`, { method: 'DELETE' });

// --- Categories ---
export const listCategories = (signal?: AbortSignal) =>
  data(api<ApiData<CategoryDTO[]>>(`${base}/categories`, { signal }));
export const createCategory = (input: CategoryInput) =>
  data(api<ApiData<CategoryDTO>>(`${base}/categories`, { method: 'POST', body: { ...input } }));
export const renameCategory = (id: string, input: CategoryInput) =>
  data(
    api<ApiData<CategoryDTO>>(`${base}/categories/${enc(id)}`, {
      method: 'PATCH',
      body: { ...input },
    }),
  );
export const deleteCategory = (id: string) =>
  api<unknown>(`${base}/categories/${enc(id)}`, { method: 'DELETE' });

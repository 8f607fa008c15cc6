import { api } from '../../lib/api';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type {
  AssessmentAnswerInput,
  CourseLearnersQuery,
  CourseListQuery,
  ProgressInput,
  QuizAttemptInput,
} from '@shared/learning/schemas';
import type {
  AssessmentResultDTO,
  CategoryDTO,
  CertificateDTO,
  CourseCardDTO,
  CourseDTO,
  CourseLearnersPage,
  EnrolmentDTO,
  MyCourseDTO,
  QuizResultDTO,
  TrainingRecordDTO,
} from '@shared/learning/types';

/** REST calls of the learner side of e-learning (`/api/learning/...`), unwrapped from `{ data }`. */
const base = '/api/learning';
const enc = encodeURIComponent;
export const learningCoursePath = (id: string) => `${base}/courses/${enc(id)}`;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

/** A page of the catalogue; `total` counts every course matching the filters. */
export interface CataloguePage extends ApiPage<CourseCardDTO> {
  total: number;
}
export type CatalogueParams = Partial<
  Pick<CourseListQuery, 'q' | 'categoryId' | 'kind' | 'language' | 'mandatory'>
>;

// --- Catalogue and course ---
export const listCatalogue = (q: CatalogueParams, cursor?: string | null, signal?: AbortSignal) =>
  api<CataloguePage>(`${base}/courses`, {
    query: { ...q, scope: 'catalogue', cursor: cursor ?? undefined },
    signal,
  });
export const listCategories = (signal?: AbortSignal) =>
  data(api<ApiData<CategoryDTO[]>>(`${base}/categories`, { signal }));
/** The published course with my enrolment; `preview`: the draft as a learner sees it (authors). */
export const getCourse = (id: string, preview: boolean, signal?: AbortSignal) =>
  data(
    api<ApiData<CourseDTO>>(learningCoursePath(id), {
      query: { preview: preview ? 'true' : undefined },
      signal,
    }),
  );
/** Filters of a course's learners list (authors); the page size is the server's default. */
export type LearnersParams = Partial<Pick<CourseLearnersQuery, 'q' | 'status'>>;
/** One page of a course's learners (last activity first); `total` counts every match. */
export const listLearners = (
  id: string,
  q: LearnersParams,
  cursor?: string | null,
  signal?: AbortSignal,
) =>
  api<CourseLearnersPage>(`${learningCoursePath(id)}/learners`, {
    query: { q: q.q || undefined, status: q.status, cursor: cursor ?? undefined },
    signal,
  });

// --- Learning ---
export const enrol = (id: string) =>
  data(api<ApiData<EnrolmentDTO>>(`${learningCoursePath(id)}/enrol`, { method: 'POST', body: {} }));
export const leaveCourse = (id: string) =>
  api<unknown>(`${learningCoursePath(id)}/enrol`, { method: 'DELETE' });
export const saveProgress = (id: string, input: ProgressInput) =>
  data(
    api<ApiData<EnrolmentDTO>>(`${learningCoursePath(id)}/progress`, {
      method: 'POST',
      body: { ...input },
    }),
  );
export const submitAttempt = (id: string, lessonId: string, input: QuizAttemptInput) =>
  data(
    api<ApiData<QuizResultDTO>>(`${learningCoursePath(id)}/lessons/${enc(lessonId)}/attempts`, {
      method: 'POST',
      body: { attemptId: input.attemptId, answers: input.answers },
    }),
  );
/** My newest attempt at a quiz (null: none yet). */
export const getLatestAttempt = (id: string, lessonId: string, signal?: AbortSignal) =>
  data(
    api<ApiData<QuizResultDTO | null>>(
      `${learningCoursePath(id)}/lessons/${enc(lessonId)}/attempts/latest`,
      { signal },
    ),
  );
/** My self-assessment result (null: not answered yet). */
export const getAssessment = (id: string, signal?: AbortSignal) =>
  data(
    api<ApiData<AssessmentResultDTO | null>>(`${learningCoursePath(id)}/assessment`, { signal }),
  );
export const saveAssessment = (id: string, input: AssessmentAnswerInput) =>
  data(
    api<ApiData<AssessmentResultDTO>>(`${learningCoursePath(id)}/assessment`, {
      method: 'PUT',
      body: { answers: input.answers },
    }),
  );

// --- Me, records, certificates ---
export const listMyCourses = (signal?: AbortSignal) =>
  data(api<ApiData<MyCourseDTO[]>>(`${base}/me/courses`, { signal }));
export const getTrainingRecord = (personId: string, signal?: AbortSignal) =>
  data(api<ApiData<TrainingRecordDTO>>(`${base}/people/${enc(personId)}/record`, { signal }));
export const getCertificate = (code: string, signal?: AbortSignal) =>
  data(api<ApiData<CertificateDTO>>(`${base}/certificates/${enc(code)}`, { signal }));
/** How many registrations wait for my decision (manager or HR): the sub navigation's badge. */
export const countDecisions = (signal?: AbortSignal) =>
  api<ApiPage<unknown> & { total: number }>(`${base}/registrations`, {
    query: { scope: 'decide', limit: 1 },
    signal,
  }).then((r) => r.total);
/** Whether I author any course (trainers see "Verwalten"): one card of the manage list. */
export const authorsAnyCourse = (signal?: AbortSignal) =>
  api<CataloguePage>(`${base}/courses`, { query: { scope: 'manage', limit: 1 }, signal }).then(
    (r) => r.data.length > 0,
  );

import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { AssessmentAnswerInput, ProgressInput } from '@shared/learning/schemas';
import type { CourseDTO, EnrolmentDTO } from '@shared/learning/types';
import {
  authorsAnyCourse,
  countDecisions,
  enrol,
  getAssessment,
  getCertificate,
  getCourse,
  getLatestAttempt,
  getTrainingRecord,
  leaveCourse,
  listCatalogue,
  listCategories,
  listLearners,
  listMyCourses,
  saveAssessment,
  saveProgress,
  submitAttempt,
  type CatalogueParams,
  type LearnersParams,
} from './api';
import { learningKeys } from './keys';

// --- Queries (socket events invalidate the same keys, see realtime.ts) ---

export const useCatalogue = (q: CatalogueParams) =>
  useInfiniteQuery({
    queryKey: learningKeys.list({ ...q, scope: 'catalogue' }),
    queryFn: ({ pageParam, signal }) => listCatalogue(q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const useCategories = () =>
  useQuery({
    queryKey: learningKeys.categories(),
    queryFn: ({ signal }) => listCategories(signal),
    staleTime: 5 * 60_000,
  });

export const courseQuery = (id: string, preview = false) =>
  queryOptions({
    queryKey: preview ? learningKeys.preview(id) : learningKeys.detail(id),
    queryFn: ({ signal }) => getCourse(id, preview, signal),
    staleTime: 30_000,
    // 404/403 are answers, not hiccups.
    retry: false,
  });
export const useCourse = (id: string, preview = false) => useQuery(courseQuery(id, preview));

/** A course's learners, page by page ("Mehr laden"); filters are part of the key. */
export const useLearners = (courseId: string, q: LearnersParams, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: learningKeys.learnerList(courseId, q),
    queryFn: ({ pageParam, signal }) => listLearners(courseId, q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
    retry: false,
  });

/** My newest attempt at a quiz, shown when I come back to it (asked once I have one). */
export const useLatestAttempt = (
  courseId: string,
  lessonId: string,
  attempts: number,
  enabled: boolean,
) =>
  useQuery({
    queryKey: learningKeys.latestAttempt(courseId, lessonId, attempts),
    queryFn: ({ signal }) => getLatestAttempt(courseId, lessonId, signal),
    enabled: enabled && attempts > 0,
    retry: false,
  });

export const useAssessment = (courseId: string, enabled: boolean) =>
  useQuery({
    queryKey: learningKeys.assessment(courseId),
    queryFn: ({ signal }) => getAssessment(courseId, signal),
    enabled,
    retry: false,
  });

export const useMyCourses = () =>
  useQuery({
    queryKey: learningKeys.myCourses(),
    queryFn: ({ signal }) => listMyCourses(signal),
    staleTime: 30_000,
  });

export const useTrainingRecord = (personId: string) =>
  useQuery({
    queryKey: learningKeys.record(personId),
    queryFn: ({ signal }) => getTrainingRecord(personId, signal),
    retry: false,
  });

export const useCertificate = (code: string | null) =>
  useQuery({
    queryKey: learningKeys.certificate(code ?? ''),
    queryFn: ({ signal }) => getCertificate(code ?? '', signal),
    enabled: Boolean(code),
    retry: false,
    staleTime: Infinity,
  });

export const useDecisionCount = (enabled: boolean) =>
  useQuery({
    queryKey: [...learningKeys.decide(), 'count'] as const,
    queryFn: ({ signal }) => countDecisions(signal),
    enabled,
    retry: false,
    staleTime: 30_000,
  });

export const useAuthorsAnyCourse = (enabled: boolean) =>
  useQuery({
    queryKey: [...learningKeys.lists(), 'authorsAny'] as const,
    queryFn: ({ signal }) => authorsAnyCourse(signal),
    enabled,
    retry: false,
    staleTime: 5 * 60_000,
  });

// --- Mutations ---

/** Puts my new enrolment into the open course (no refetch for every saved position). */
export function patchEnrolment(qc: QueryClient, courseId: string, enrolment: EnrolmentDTO) {
  qc.setQueryData<CourseDTO>(learningKeys.detail(courseId), (old) =>
    old ? { ...old, enrolment } : old,
  );
}

export function useEnrol(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => enrol(courseId),
    onSuccess: (enrolment) => {
      patchEnrolment(qc, courseId, enrolment);
      void qc.invalidateQueries({ queryKey: learningKeys.course(courseId) });
      void qc.invalidateQueries({ queryKey: learningKeys.mine() });
      void qc.invalidateQueries({ queryKey: learningKeys.lists() });
    },
  });
}

export function useLeaveCourse(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => leaveCourse(courseId),
    onSuccess: () => {
      // Attempt counts start again at 0: a cached "last attempt" would belong to the old enrolment.
      qc.removeQueries({ queryKey: learningKeys.attempts(courseId) });
      void qc.invalidateQueries({ queryKey: learningKeys.course(courseId) });
      void qc.invalidateQueries({ queryKey: learningKeys.mine() });
      void qc.invalidateQueries({ queryKey: learningKeys.lists() });
    },
  });
}

/** Lesson done or media position; a lesson newly done refreshes my lists too. */
export function useSaveProgress(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgressInput) => saveProgress(courseId, input),
    onSuccess: (enrolment, input) => {
      patchEnrolment(qc, courseId, enrolment);
      if (input.done) {
        void qc.invalidateQueries({ queryKey: learningKeys.mine() });
        void qc.invalidateQueries({ queryKey: learningKeys.lists() });
      }
    },
  });
}

export function useSubmitAttempt(courseId: string, lessonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, string[]>) =>
      submitAttempt(courseId, lessonId, { attemptId: crypto.randomUUID(), answers }),
    onSuccess: (result) => {
      // The result first: the new attempt count then finds it cached (no loading in between).
      qc.setQueryData(learningKeys.latestAttempt(courseId, lessonId, result.attempts), result);
      patchEnrolment(qc, courseId, result.enrolment);
      void qc.invalidateQueries({ queryKey: learningKeys.mine() });
      void qc.invalidateQueries({ queryKey: learningKeys.lists() });
    },
  });
}

export function useSaveAssessment(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssessmentAnswerInput) => saveAssessment(courseId, input),
    onSuccess: (result) => {
      qc.setQueryData(learningKeys.assessment(courseId), result);
      void qc.invalidateQueries({ queryKey: learningKeys.detail(courseId) });
      void qc.invalidateQueries({ queryKey: learningKeys.mine() });
    },
  });
}

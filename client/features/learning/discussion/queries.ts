import {
  useInfiniteQuery,
  useMutation,
  useMutationState,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { ApiPage } from '@shared/http/errors';
import type { AnnouncementDTO, CourseDTO, ReplyDTO, ThreadDTO } from '@shared/learning/types';
import type { MeDTO, PersonRef } from '@shared/people/types';
import { learningKeys } from '../keys';
import {
  createAnnouncement,
  createReply,
  createThread,
  deleteReply,
  deleteThread,
  listAnnouncements,
  listThreads,
  type ReplyInput,
  type ThreadInput,
} from './api';

// C1's realtime.ts invalidates `threads(courseId)` / `announcements(courseId)` on
// `learning:course {part}`; every mutation here settles by invalidating the same keys.

type ThreadPages = InfiniteData<ApiPage<ThreadDTO>, string | null>;

export const useThreads = (courseId: string) =>
  useInfiniteQuery({
    queryKey: learningKeys.threads(courseId),
    queryFn: ({ pageParam, signal }) => listThreads(courseId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useAnnouncements = (courseId: string) =>
  useQuery({
    queryKey: learningKeys.announcements(courseId),
    queryFn: ({ signal }) => listAnnouncements(courseId, signal),
  });

const meRef = (me: MeDTO): PersonRef => ({
  id: me.id,
  displayName: me.displayName,
  position: null,
  unitId: me.unitId,
  initials: me.initials,
  photoUrl: null,
});

/** How the course shows my posts before the server answers. */
const iAmTrainer = (me: MeDTO, course: CourseDTO) =>
  me.roles.includes('hr') || course.trainers.some((t) => t.id === me.id);

function editThreads(
  qc: QueryClient,
  courseId: string,
  edit: (t: ThreadDTO[], page: number) => ThreadDTO[],
) {
  qc.setQueryData<ThreadPages>(learningKeys.threads(courseId), (old) =>
    old ? { ...old, pages: old.pages.map((p, i) => ({ ...p, data: edit(p.data, i) })) } : old,
  );
}

const upsertThread = (list: ThreadDTO[], t: ThreadDTO) =>
  list.some((x) => x.id === t.id) ? list.map((x) => (x.id === t.id ? t : x)) : [t, ...list];

const upsertReply = (t: ThreadDTO, r: ReplyDTO): ThreadDTO => ({
  ...t,
  replies: t.replies.some((x) => x.id === r.id)
    ? t.replies.map((x) => (x.id === r.id ? r : x))
    : [...t.replies, r],
});

const askKey = (courseId: string) => [...learningKeys.threads(courseId), 'send'] as const;

/** Ask a question: shown at once (pending), idempotent by its clientId when retried. */
export function useAskQuestion(course: CourseDTO, me: MeDTO) {
  const qc = useQueryClient();
  const key = learningKeys.threads(course.id);
  return useMutation({
    mutationKey: askKey(course.id),
    mutationFn: (input: ThreadInput) => createThread(course.id, input),
    onMutate: async (input) => {
      await qc.cancelQueries({ queryKey: key });
      const now = new Date().toISOString();
      const optimistic: ThreadDTO = {
        id: input.clientId,
        courseId: course.id,
        title: input.title,
        body: input.body,
        author: meRef(me),
        byTrainer: iAmTrainer(me, course),
        createdAt: now,
        lastActivityAt: now,
        answered: false,
        replies: [],
        abilities: { reply: false, delete: false },
      };
      editThreads(qc, course.id, (list, i) => (i === 0 ? upsertThread(list, optimistic) : list));
    },
    onSuccess: (thread) =>
      editThreads(qc, course.id, (list, i) => (i === 0 ? upsertThread(list, thread) : list)),
    onError: (_e, input) =>
      editThreads(qc, course.id, (list) => list.filter((t) => t.id !== input.clientId)),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** Reply to a question: shown at once (pending), idempotent by its clientId. */
export function useReply(course: CourseDTO, me: MeDTO) {
  const qc = useQueryClient();
  const key = learningKeys.threads(course.id);
  return useMutation({
    mutationKey: askKey(course.id),
    mutationFn: ({ threadId, ...input }: ReplyInput & { threadId: string }) =>
      createReply(course.id, threadId, input),
    onMutate: async ({ threadId, clientId, body }) => {
      await qc.cancelQueries({ queryKey: key });
      const optimistic: ReplyDTO = {
        id: clientId,
        author: meRef(me),
        byTrainer: iAmTrainer(me, course),
        body,
        createdAt: new Date().toISOString(),
        abilities: { delete: false },
      };
      editThreads(qc, course.id, (list) =>
        list.map((t) => (t.id === threadId ? upsertReply(t, optimistic) : t)),
      );
    },
    onSuccess: (reply, { threadId }) =>
      editThreads(qc, course.id, (list) =>
        list.map((t) => (t.id === threadId ? upsertReply(t, reply) : t)),
      ),
    onError: (_e, { threadId, clientId }) =>
      editThreads(qc, course.id, (list) =>
        list.map((t) =>
          t.id === threadId ? { ...t, replies: t.replies.filter((r) => r.id !== clientId) } : t,
        ),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** Client ids of my questions and replies still on their way (shown as "wird gesendet …"). */
export function usePendingIds(courseId: string): Set<string> {
  const ids = useMutationState({
    filters: { mutationKey: askKey(courseId), status: 'pending' },
    select: (m) => (m.state.variables as { clientId?: string } | undefined)?.clientId ?? '',
  });
  return new Set(ids.filter(Boolean));
}

export function useDeleteThread(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (threadId: string) => deleteThread(courseId, threadId),
    onSuccess: (_r, threadId) =>
      editThreads(qc, courseId, (list) => list.filter((t) => t.id !== threadId)),
    onSettled: () => qc.invalidateQueries({ queryKey: learningKeys.threads(courseId) }),
  });
}

export function useDeleteReply(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ threadId, replyId }: { threadId: string; replyId: string }) =>
      deleteReply(courseId, threadId, replyId),
    onSuccess: (_r, { threadId, replyId }) =>
      editThreads(qc, courseId, (list) =>
        list.map((t) =>
          t.id === threadId ? { ...t, replies: t.replies.filter((r) => r.id !== replyId) } : t,
        ),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: learningKeys.threads(courseId) }),
  });
}

export function useAnnounce(courseId: string) {
  const qc = useQueryClient();
  const key = learningKeys.announcements(courseId);
  return useMutation({
    mutationFn: (input: ThreadInput) => createAnnouncement(courseId, input),
    onSuccess: (a) =>
      qc.setQueryData<AnnouncementDTO[]>(key, (old) =>
        old ? [a, ...old.filter((x) => x.id !== a.id)] : [a],
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

import { useEffect, useRef } from 'react';
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { ApiData } from '@shared/http/errors';
import type { TaskCreateInput } from '@shared/rooms/schemas';
import type { TaskBoardDTO, TaskDTO } from '@shared/rooms/types';
import {
  findTask,
  moveTask,
  removeTask,
  replaceTask,
  type TaskMove,
} from '@shared/rooms/task-board';
import { api } from '../../../lib/api';
import { roomKeys } from '../keys';

/** REST of a room's task board and the hooks on `roomKeys.tasks`. */
const enc = encodeURIComponent;
export const tasksPath = (roomId: string) => `/api/rooms/${enc(roomId)}/tasks`;
const taskPath = (roomId: string, id: string) => `${tasksPath(roomId)}/${enc(id)}`;

export interface TaskUpdateInput {
  rev: number;
  title?: string;
  description?: string;
  assigneeIds?: string[];
  due?: string | null;
}

const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export const taskBoardQuery = (roomId: string) =>
  queryOptions({
    queryKey: roomKeys.tasks(roomId),
    queryFn: ({ signal }) => data(api<ApiData<TaskBoardDTO>>(tasksPath(roomId), { signal })),
    // `rooms:content` invalidates this key, so it may stay a while.
    staleTime: 60_000,
  });

export const useTaskBoard = (roomId: string) => useQuery(taskBoardQuery(roomId));

/** The board with a function applied to its columns (nothing when it is not loaded). */
function patchBoard(
  qc: QueryClient,
  roomId: string,
  fn: (columns: TaskBoardDTO['columns']) => TaskBoardDTO['columns'],
) {
  qc.setQueryData<TaskBoardDTO>(roomKeys.tasks(roomId), (b) =>
    b ? { columns: fn(b.columns) } : b,
  );
}

export function useCreateTask(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskCreateInput) =>
      data(api<ApiData<TaskDTO>>(tasksPath(roomId), { method: 'POST', body: { ...input } })),
    onSettled: () => qc.invalidateQueries({ queryKey: roomKeys.tasks(roomId) }),
  });
}

export function useUpdateTask(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: TaskUpdateInput & { id: string }) =>
      data(api<ApiData<TaskDTO>>(taskPath(roomId, id), { method: 'PATCH', body: { ...patch } })),
    onSuccess: (task) => patchBoard(qc, roomId, (columns) => replaceTask(columns, task)),
    onError: () => qc.invalidateQueries({ queryKey: roomKeys.tasks(roomId) }),
  });
}

export function useDeleteTask(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => api<void>(taskPath(roomId, id), { method: 'DELETE' }),
    onSuccess: (_r, { id }) => patchBoard(qc, roomId, (columns) => removeTask(columns, id)),
    onSettled: () => qc.invalidateQueries({ queryKey: roomKeys.tasks(roomId) }),
  });
}

interface MoveVars extends TaskMove {
  rev: number;
  /** The board before this move (rollback). */
  before: TaskBoardDTO;
}

/**
 * Optimistic moves: the board changes at once (the moved task's rev predicted +1, as the server
 * will answer), requests go out one after another (mutation scope), and a refusal (409 stale
 * copy, archived room …) rolls the board back and reloads it. `move` returns the new board, or
 * null when the move changes nothing (nothing is sent).
 */
export function useMoveTask(roomId: string, onRefused?: (err: unknown, taskId: string) => void) {
  const qc = useQueryClient();
  const key = roomKeys.tasks(roomId);
  const pending = useRef(0);
  const refused = useRef(onRefused);
  useEffect(() => {
    refused.current = onRefused;
  });
  const mutation = useMutation({
    scope: { id: `room-tasks:${roomId}` },
    mutationFn: ({ taskId, rev, status, index }: MoveVars) =>
      data(
        api<ApiData<TaskBoardDTO>>(`${taskPath(roomId, taskId)}/move`, {
          method: 'POST',
          body: { rev, status, index },
        }),
      ),
    onSuccess: (board) => {
      // Later moves already show on top of this one: keep them until the last answer.
      if (pending.current === 1) qc.setQueryData(key, board);
    },
    onError: (err, vars) => {
      qc.setQueryData(key, vars.before);
      refused.current?.(err, vars.taskId);
      void qc.invalidateQueries({ queryKey: key });
    },
    onSettled: () => {
      pending.current -= 1;
    },
  });

  const move = (m: TaskMove): TaskBoardDTO | null => {
    const before = qc.getQueryData<TaskBoardDTO>(key);
    const from = before ? findTask(before.columns, m.taskId) : null;
    if (!before || !from) return null;
    const moved = moveTask(before.columns, m);
    if (!moved.changed) return null;
    const next: TaskBoardDTO = {
      columns: replaceTask(moved.board, {
        ...(findTask(moved.board, m.taskId)?.task ?? from.task),
        rev: from.task.rev + 1,
      }),
    };
    void qc.cancelQueries({ queryKey: key });
    qc.setQueryData(key, next);
    pending.current += 1;
    mutation.mutate({ ...m, rev: from.task.rev, before });
    return next;
  };

  return { move, error: mutation.error, reset: mutation.reset };
}

import { taskStatuses, type TaskStatus } from './schemas';

/**
 * The task board's ordering rules, shared by the server (renumbering under a lock) and the client
 * (optimistic moves, keyboard moves): pure functions, board in → new board out.
 */
export interface BoardTask {
  id: string;
  status: TaskStatus;
  /** Position in its column (0 = top); a board from these functions has 0..n-1 without gaps. */
  order: number;
}

export type Board<T extends BoardTask> = Record<TaskStatus, T[]>;

export interface TaskMove {
  taskId: string;
  status: TaskStatus;
  /** Position in the target column once the task is taken out of its old place (clamped). */
  index: number;
}

const byOrder = (a: BoardTask, b: BoardTask) => a.order - b.order || (a.id < b.id ? -1 : 1);

/** Groups tasks into columns sorted by `order` (ties by id, so every reader agrees). */
export function boardOf<T extends BoardTask>(tasks: Iterable<T>): Board<T> {
  const board = { todo: [], doing: [], done: [] } as Board<T>;
  for (const t of tasks) board[t.status].push(t);
  for (const s of taskStatuses) board[s].sort(byOrder);
  return board;
}

/** Gives every task of a column its index as `order`; unchanged tasks keep their object. */
function renumber<T extends BoardTask>(column: T[], status: TaskStatus): T[] {
  return column.map((t, i) =>
    t.order === i && t.status === status ? t : { ...t, status, order: i },
  );
}

export function findTask<T extends BoardTask>(
  board: Board<T>,
  taskId: string,
): { task: T; status: TaskStatus; index: number } | null {
  for (const status of taskStatuses) {
    const index = board[status].findIndex((t) => t.id === taskId);
    if (index >= 0) return { task: board[status][index] as T, status, index };
  }
  return null;
}

/**
 * Moves a task to a column and position, renumbering the source and target columns. `changed` is
 * false (and the board returned as it was) when the task is unknown or already there.
 */
export function moveTask<T extends BoardTask>(
  board: Board<T>,
  move: TaskMove,
): { board: Board<T>; changed: boolean } {
  const from = findTask(board, move.taskId);
  if (!from) return { board, changed: false };
  const source = board[from.status].filter((t) => t.id !== move.taskId);
  const target = from.status === move.status ? source : [...board[move.status]];
  const index = Math.max(0, Math.min(move.index, target.length));
  if (from.status === move.status && from.index === index) return { board, changed: false };
  target.splice(index, 0, from.task);
  const next = { ...board };
  next[from.status] = renumber(source, from.status);
  next[move.status] = renumber(target, move.status);
  return { board: next, changed: true };
}

/** Adds a task at a position of its column (new tasks go to the top: index 0). */
export function insertTask<T extends BoardTask>(board: Board<T>, task: T, index = 0): Board<T> {
  const column = board[task.status].filter((t) => t.id !== task.id);
  column.splice(Math.max(0, Math.min(index, column.length)), 0, task);
  return { ...board, [task.status]: renumber(column, task.status) };
}

/** Takes a task off the board; the rest of its column closes the gap. */
export function removeTask<T extends BoardTask>(board: Board<T>, taskId: string): Board<T> {
  const from = findTask(board, taskId);
  if (!from) return board;
  const column = board[from.status].filter((t) => t.id !== taskId);
  return { ...board, [from.status]: renumber(column, from.status) };
}

/** Replaces a task's data in place (same column and position). */
export function replaceTask<T extends BoardTask>(board: Board<T>, task: T): Board<T> {
  const from = findTask(board, task.id);
  if (!from) return board;
  const column = [...board[from.status]];
  column[from.index] = { ...task, status: from.status, order: from.index };
  return { ...board, [from.status]: column };
}

export type KeyboardDirection = 'left' | 'right' | 'up' | 'down';

/**
 * The move for Alt+Arrow on a card: left/right to the neighbouring column at the same position
 * (or its end), up/down one place within the column. null at the board's edges.
 */
export function keyboardMove<T extends BoardTask>(
  board: Board<T>,
  taskId: string,
  direction: KeyboardDirection,
): TaskMove | null {
  const from = findTask(board, taskId);
  if (!from) return null;
  const col = taskStatuses.indexOf(from.status);
  if (direction === 'left' || direction === 'right') {
    const status = taskStatuses[col + (direction === 'left' ? -1 : 1)];
    if (!status) return null;
    return { taskId, status, index: Math.min(from.index, board[status].length) };
  }
  const index = from.index + (direction === 'up' ? -1 : 1);
  if (index < 0 || index >= board[from.status].length) return null;
  return { taskId, status: from.status, index };
}

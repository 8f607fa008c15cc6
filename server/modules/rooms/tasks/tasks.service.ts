import type { z } from 'zod';
import type { taskCreateSchema, taskMoveSchema, taskUpdateSchema } from '@shared/rooms/schemas';
import type { TaskBoardDTO, TaskDTO } from '@shared/rooms/types';
import { boardOf, insertTask, moveTask, removeTask, type Board } from '@shared/rooms/task-board';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, badRequest, forbidden, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import { requireRoom, type RoomAccess } from '../access';
import { RoomTaskModel } from './task.model';
import { taskCache, taskLock, toRow, type TaskRow } from './task-cache';
import { notifyAssigned } from './tasks.notifications';
import { assigneeIssues, taskAbilities } from './tasks.policy';
import { presentBoard, presentTask } from './tasks.presenter';

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;
type CreateInput = z.output<typeof taskCreateSchema>;
type UpdateInput = z.output<typeof taskUpdateSchema>;
type MoveInput = z.output<typeof taskMoveSchema>;

const stale = () => new HttpError(409, 'stale_copy', 'The task was changed meanwhile; reload it.');
const reused = () => new HttpError(409, 'client_id_reused', 'This id belongs to another task.');
const isDuplicate = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

const rowsOf = (board: Board<TaskRow>): TaskRow[] => [...board.todo, ...board.doing, ...board.done];

function checkAssignees(access: RoomAccess, assigneeIds: readonly string[]): void {
  const issues = assigneeIssues(assigneeIds, (id) => access.room.members.has(id));
  if (issues.length) throw badRequest('Assignees must be members of the room.', issues);
}

/**
 * Writes the `order` (and `status`) of every row whose place changed, except `skip` (written by
 * the caller with its rev guard). Neighbours keep their rev: a reorder is not an edit of theirs.
 */
async function saveOrders(
  before: readonly TaskRow[],
  after: readonly TaskRow[],
  skip: string | null,
) {
  const old = new Map(before.map((r) => [r.id, r]));
  const ops = after
    .filter((r) => r.id !== skip)
    .filter((r) => {
      const o = old.get(r.id);
      return o && (o.order !== r.order || o.status !== r.status);
    })
    .map((r) => ({
      updateOne: {
        filter: { _id: r.id },
        update: { $set: { order: r.order, status: r.status } },
        timestamps: false,
      },
    }));
  if (ops.length) await RoomTaskModel.bulkWrite(ops, { ordered: false });
}

/**
 * Runs a board write under the room's task lock. When it fails after writing, the cached board
 * may differ from the stored one: it is dropped (here and on other instances) and reloads.
 */
async function underLock<T>(
  roomId: string,
  fn: (rows: readonly TaskRow[]) => Promise<T>,
): Promise<T> {
  return withKeyLock(taskLock(roomId), async () => {
    const rows = await taskCache.get(roomId);
    try {
      return await fn(rows);
    } catch (err) {
      if (!(err instanceof HttpError) || err.code === 'stale_copy') taskCache.invalidate(roomId);
      throw err;
    }
  });
}

const findRow = (rows: readonly TaskRow[], taskId: string) => {
  const row = rows.find((r) => r.id === taskId);
  if (!row) throw notFound();
  return row;
};

export async function taskBoard(user: Viewer, roomId: string): Promise<TaskBoardDTO> {
  const access = await requireRoom(user, roomId, 'read', 'tasks');
  return presentBoard(await taskCache.get(roomId), access, user.id);
}

/** Creates a task at the top of its column; repeating the same id returns the same task. */
export async function createTask(
  user: Viewer,
  roomId: string,
  input: CreateInput,
): Promise<{ task: TaskDTO; created: boolean }> {
  const access = await requireRoom(user, roomId, 'contribute', 'tasks');
  const id = input.id.toLowerCase();
  const assigneeIds = [...new Set(input.assigneeIds)];
  checkAssignees(access, assigneeIds);
  const result = await underLock(roomId, async (rows) => {
    const existing = rows.find((r) => r.id === id);
    if (existing) {
      if (existing.createdBy !== user.id) throw reused();
      return { row: existing, created: false };
    }
    try {
      const doc = await RoomTaskModel.create({
        _id: id,
        roomId,
        title: input.title,
        description: input.description,
        status: input.status,
        order: 0,
        assigneeIds,
        due: input.due,
        createdBy: user.id,
      });
      const row = toRow(doc.toObject());
      const next = insertTask(boardOf(rows), row, 0);
      await saveOrders(rows, rowsOf(next), id);
      taskCache.set(roomId, rowsOf(next));
      return { row, created: true };
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      // The id exists elsewhere (another room, deleted, or another person's): never reused.
      throw reused();
    }
  });
  if (result.created) {
    events.publish('rooms.content_changed', {
      roomId,
      actorId: user.id,
      module: 'task',
      itemId: id,
      kind: 'created',
      activity: true,
    });
    await notifyAssigned(access.room, result.row, assigneeIds, user.id);
  }
  return { task: await presentTask(result.row, access, user.id), created: result.created };
}

/** Title, description, assignees, due day (rev-guarded; every member may edit). */
export async function updateTask(
  user: Viewer,
  roomId: string,
  taskId: string,
  input: UpdateInput,
): Promise<TaskDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'tasks');
  const assigneeIds = input.assigneeIds ? [...new Set(input.assigneeIds)] : undefined;
  if (assigneeIds) checkAssignees(access, assigneeIds);
  const { row, before } = await underLock(roomId, async (rows) => {
    const current = findRow(rows, taskId);
    if (!taskAbilities(access.abilities, user.id, current.createdBy).edit) throw forbidden();
    if (current.rev !== input.rev) throw stale();
    const patch: Partial<Pick<TaskRow, 'title' | 'description' | 'due'>> & {
      assigneeIds?: string[];
    } = {};
    if (input.title !== undefined && input.title !== current.title) patch.title = input.title;
    if (input.description !== undefined && input.description !== current.description) {
      patch.description = input.description;
    }
    if (input.due !== undefined && input.due !== current.due) patch.due = input.due;
    if (assigneeIds && assigneeIds.join() !== current.assigneeIds.join())
      patch.assigneeIds = assigneeIds;
    if (!Object.keys(patch).length) return { row: current, before: current };
    const updatedAt = new Date();
    const res = await RoomTaskModel.updateOne(
      { _id: taskId, rev: current.rev, deletedAt: null },
      { $set: { ...patch, updatedAt }, $inc: { rev: 1 } },
      { timestamps: false },
    );
    if (res.matchedCount === 0) throw stale();
    const next: TaskRow = { ...current, ...patch, rev: current.rev + 1, updatedAt };
    taskCache.set(
      roomId,
      rows.map((r) => (r.id === taskId ? next : r)),
    );
    return { row: next, before: current };
  });
  if (row !== before) {
    events.publish('rooms.content_changed', {
      roomId,
      actorId: user.id,
      module: 'task',
      itemId: taskId,
      kind: 'updated',
      activity: false,
    });
    const added = row.assigneeIds.filter((id) => !before.assigneeIds.includes(id));
    await notifyAssigned(access.room, row, added, user.id);
  }
  return presentTask(row, access, user.id);
}

/**
 * Moves a task to a column and position (rev-guarded): the source and target columns are
 * renumbered in one pass. Moving to where it already is changes nothing (no rev, no event).
 */
export async function moveTaskTo(
  user: Viewer,
  roomId: string,
  taskId: string,
  input: MoveInput,
): Promise<TaskBoardDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'tasks');
  const outcome = await underLock(roomId, async (rows) => {
    const current = findRow(rows, taskId);
    if (!taskAbilities(access.abilities, user.id, current.createdBy).move) throw forbidden();
    if (current.rev !== input.rev) throw stale();
    const moved = moveTask(boardOf(rows), { taskId, status: input.status, index: input.index });
    if (!moved.changed) return { rows, from: current.status, changed: false };
    const after = rowsOf(moved.board);
    const target = after.find((r) => r.id === taskId) as TaskRow;
    const updatedAt = new Date();
    const res = await RoomTaskModel.updateOne(
      { _id: taskId, rev: current.rev, deletedAt: null },
      { $set: { status: target.status, order: target.order, updatedAt }, $inc: { rev: 1 } },
      { timestamps: false },
    );
    if (res.matchedCount === 0) throw stale();
    await saveOrders(rows, after, taskId);
    const next = after.map((r) =>
      r.id === taskId ? { ...r, rev: current.rev + 1, updatedAt } : r,
    );
    taskCache.set(roomId, next);
    return { rows: next, from: current.status, changed: true };
  });
  if (outcome.changed) {
    events.publish('rooms.content_changed', {
      roomId,
      actorId: user.id,
      module: 'task',
      itemId: taskId,
      kind: 'updated',
      // Finishing a task is news for the room; reordering is not.
      activity: input.status === 'done' && outcome.from !== 'done',
    });
  }
  return presentBoard(outcome.rows, access, user.id);
}

/** Deletes a task (creator or moderators); the rest of its column closes the gap. */
export async function deleteTask(user: Viewer, roomId: string, taskId: string): Promise<void> {
  const access = await requireRoom(user, roomId, 'contribute', 'tasks');
  await underLock(roomId, async (rows) => {
    const current = findRow(rows, taskId);
    if (!taskAbilities(access.abilities, user.id, current.createdBy).delete) throw forbidden();
    await RoomTaskModel.updateOne(
      { _id: taskId, deletedAt: null },
      { $set: { deletedAt: new Date(), deletedBy: user.id }, $inc: { rev: 1 } },
    );
    const after = rowsOf(removeTask(boardOf(rows), taskId));
    await saveOrders(rows, after, null);
    taskCache.set(roomId, after);
  });
  events.publish('rooms.content_changed', {
    roomId,
    actorId: user.id,
    module: 'task',
    itemId: taskId,
    kind: 'deleted',
    activity: false,
  });
}

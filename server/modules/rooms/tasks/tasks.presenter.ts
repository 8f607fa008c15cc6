import type { PersonRef } from '@shared/people/types';
import type { TaskBoardDTO, TaskDTO } from '@shared/rooms/types';
import { boardOf } from '@shared/rooms/task-board';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import type { RoomAccess } from '../access';
import type { TaskRow } from './task-cache';
import { berlinToday, isOverdue, taskAbilities } from './tasks.policy';

interface Context {
  access: RoomAccess;
  viewerId: string;
  people: Map<string, PersonRef>;
  today: string;
}

/** A person who left the directory (deleted) still shows as the creator, without details. */
const unknownPerson = (id: string): PersonRef => ({
  id,
  displayName: '—',
  position: null,
  unitId: null,
  initials: '?',
  photoUrl: null,
});

async function contextFor(
  access: RoomAccess,
  viewerId: string,
  rows: readonly TaskRow[],
): Promise<Context> {
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.createdBy);
    for (const a of r.assigneeIds) ids.add(a);
  }
  const people = new Map(
    (await peopleFromDirectory([...ids])).map((p) => [String(p._id), presentPersonRef(p)] as const),
  );
  return { access, viewerId, people, today: berlinToday() };
}

function present(row: TaskRow, ctx: Context): TaskDTO {
  const { members } = ctx.access.room;
  return {
    id: row.id,
    roomId: row.roomId,
    title: row.title,
    description: row.description,
    status: row.status,
    order: row.order,
    // A removed member's assignment stays stored but is not shown (and comes back on re-joining).
    assignees: row.assigneeIds
      .filter((id) => members.has(id))
      .map((id) => ctx.people.get(id))
      .filter((p): p is PersonRef => Boolean(p)),
    due: row.due,
    overdue: isOverdue(row, ctx.today),
    createdBy: ctx.people.get(row.createdBy) ?? unknownPerson(row.createdBy),
    updatedAt: row.updatedAt.toISOString(),
    rev: row.rev,
    abilities: taskAbilities(ctx.access.abilities, ctx.viewerId, row.createdBy),
  };
}

export async function presentTask(
  row: TaskRow,
  access: RoomAccess,
  viewerId: string,
): Promise<TaskDTO> {
  return present(row, await contextFor(access, viewerId, [row]));
}

/** Columns in board order (0..n-1 per column). */
export async function presentBoard(
  rows: readonly TaskRow[],
  access: RoomAccess,
  viewerId: string,
): Promise<TaskBoardDTO> {
  const ctx = await contextFor(access, viewerId, rows);
  const board = boardOf(rows);
  return {
    columns: {
      todo: board.todo.map((r) => present(r, ctx)),
      doing: board.doing.map((r) => present(r, ctx)),
      done: board.done.map((r) => present(r, ctx)),
    },
  };
}

import type { FieldIssue } from '@shared/http/errors';
import type { RoomAbilities } from '@shared/rooms/types';
import { roomItemAbilities } from '../rooms.policy';

/**
 * What the viewer may do with one task (pure; the room's abilities come from the room policy).
 * Every member works on every task (edit, move: a shared board); delete by the creator or
 * moderators. An archived room is read-only (no `contribute`).
 */
export function taskAbilities(
  room: Pick<RoomAbilities, 'contribute' | 'moderate'>,
  viewerId: string,
  createdBy: string,
): { edit: boolean; move: boolean; delete: boolean } {
  const item = roomItemAbilities(room, viewerId, createdBy);
  return { edit: room.contribute, move: room.contribute, delete: item.delete };
}

/** Assignees must be members of the room now: one issue per outsider (`assigneeIds.N`). */
export function assigneeIssues(
  assigneeIds: readonly string[],
  isMember: (personId: string) => boolean,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  assigneeIds.forEach((id, i) => {
    if (!isMember(id)) {
      issues.push({
        path: `assigneeIds.${i}`,
        code: 'not_room_member',
        message: 'Not a member of the room.',
      });
    }
  });
  return issues;
}

/** Overdue: a due day before today (Europe/Berlin) on a task that is not done. */
export const isOverdue = (task: { due: string | null; status: string }, today: string) =>
  task.due !== null && task.status !== 'done' && task.due < today;

/** Today as an ISO day in Berlin (the city's calendar, whatever the server's zone). */
export const berlinToday = (now = new Date()) =>
  now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

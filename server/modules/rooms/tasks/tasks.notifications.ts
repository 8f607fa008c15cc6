import { logger } from '../../../lib/logger';
import { notify } from '../../notifications/notifications.service';
import { peopleFromDirectory } from '../../people/directory-index';
import type { RoomMeta } from '../room-index';
import type { TaskRow } from './task-cache';

export const tasksLink = (roomId: string) => `/rooms/${roomId}/tasks`;

/**
 * Tells people they were newly assigned (never the person who assigned themselves). Only members
 * are assigned (checked before the write), so the room's name and the task's title may reach them.
 * A failure is logged, never thrown: the task is saved either way.
 */
export async function notifyAssigned(
  room: Pick<RoomMeta, 'id' | 'name'>,
  task: Pick<TaskRow, 'title'>,
  personIds: readonly string[],
  actorId: string,
): Promise<void> {
  const recipients = personIds.filter((id) => id !== actorId);
  if (!recipients.length) return;
  try {
    const [actor] = await peopleFromDirectory([actorId]);
    await notify({
      userIds: recipients,
      kind: 'rooms.task_assigned',
      params: { name: actor?.displayName ?? '', task: task.title, room: room.name },
      link: tasksLink(room.id),
    });
  } catch (err) {
    logger.error({ err, roomId: room.id }, 'task assignment notification failed');
  }
}

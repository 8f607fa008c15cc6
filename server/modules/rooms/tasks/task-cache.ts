import type { TaskStatus } from '@shared/rooms/schemas';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { RoomTaskModel, type RoomTaskDoc } from './task.model';

/** A task as the cache keeps it (plain strings for ids; immutable: writers replace rows). */
export interface TaskRow {
  id: string;
  roomId: string;
  title: string;
  description: string;
  status: TaskStatus;
  order: number;
  assigneeIds: readonly string[];
  due: string | null;
  createdBy: string;
  rev: number;
  updatedAt: Date;
}

export function toRow(doc: RoomTaskDoc): TaskRow {
  return {
    id: doc._id,
    roomId: String(doc.roomId),
    title: doc.title,
    description: doc.description ?? '',
    status: doc.status,
    order: doc.order ?? 0,
    assigneeIds: (doc.assigneeIds ?? []).map(String),
    due: doc.due ?? null,
    createdBy: String(doc.createdBy),
    rev: doc.rev ?? 0,
    updatedAt: new Date(doc.updatedAt),
  };
}

/**
 * The live (not deleted) tasks of each room, by room id. On the embedded engine any filter scans
 * the whole collection, so the board reads from here; a miss loads one room with one query.
 * Writers (under `taskLock`) replace the room's array with `set` (write-through).
 */
export const taskCache = createKeyedCache<readonly TaskRow[]>({
  name: 'room-tasks',
  max: 3000,
  load: async (roomId) =>
    (await RoomTaskModel.find({ roomId, deletedAt: null }).lean<RoomTaskDoc[]>()).map(toRow),
});

/** One lock per room for every task write: renumbering and cache patches never interleave. */
export const taskLock = (roomId: string) => `room-tasks:${roomId}`;

/** Warm-up after start: one bulk read of all live tasks, grouped by room. */
export async function primeTaskCache(): Promise<void> {
  await taskCache.prime(async () => {
    const byRoom = new Map<string, TaskRow[]>();
    for (const doc of await RoomTaskModel.find({ deletedAt: null }).lean<RoomTaskDoc[]>()) {
      const row = toRow(doc);
      const list = byRoom.get(row.roomId) ?? [];
      list.push(row);
      byRoom.set(row.roomId, list);
    }
    return byRoom;
  });
}

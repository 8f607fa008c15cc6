import type { AttendanceAnswer } from '@shared/rooms/schemas';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { roomIndex } from '../room-index';
import { RoomEventModel, type RoomEventDoc } from './event.model';

/** An event as the cache keeps it (plain strings for ids; immutable: writers replace rows). */
export interface EventRow {
  id: string;
  roomId: string;
  title: string;
  description: string;
  start: Date;
  end: Date;
  allDay: boolean;
  place: string;
  videoUrl: string | null;
  createdBy: string;
  attendance: Readonly<Record<string, AttendanceAnswer>>;
  rev: number;
  updatedAt: Date;
}

export function toRow(doc: RoomEventDoc): EventRow {
  return {
    id: doc._id,
    roomId: String(doc.roomId),
    title: doc.title,
    description: doc.description ?? '',
    start: new Date(doc.start),
    end: new Date(doc.end),
    allDay: Boolean(doc.allDay),
    place: doc.place ?? '',
    videoUrl: doc.videoUrl ?? null,
    createdBy: String(doc.createdBy),
    attendance: { ...((doc.attendance ?? {}) as Record<string, AttendanceAnswer>) },
    rev: doc.rev ?? 0,
    updatedAt: new Date(doc.updatedAt),
  };
}

/**
 * The live (not deleted) events of each room, by room id. On the embedded engine any filter scans
 * the whole collection, so lists, attendance and ICS read from here; a miss loads one room with
 * one query. Writers (under `eventLock`) replace the room's array with `set` (write-through).
 */
export const eventCache = createKeyedCache<readonly EventRow[]>({
  name: 'room-events',
  max: 3000,
  load: async (roomId) =>
    (await RoomEventModel.find({ roomId, deletedAt: null }).lean<RoomEventDoc[]>()).map(toRow),
});

/** One lock per room for every event write, so cache patches never lose each other. */
export const eventLock = (roomId: string) => `room-events:${roomId}`;

/**
 * Warm-up after start: one bulk read of all live events, grouped by room; rooms without events
 * get an empty list, so their first visit does not scan either.
 */
export async function primeEventCache(): Promise<void> {
  await eventCache.prime(async () => {
    const byRoom = new Map<string, EventRow[]>();
    for (const roomId of (await roomIndex()).rooms.keys()) byRoom.set(roomId, []);
    for (const doc of await RoomEventModel.find({ deletedAt: null }).lean<RoomEventDoc[]>()) {
      const row = toRow(doc);
      const list = byRoom.get(row.roomId) ?? [];
      list.push(row);
      byRoom.set(row.roomId, list);
    }
    return byRoom;
  });
}

/** Replaces (or adds, or with `null` removes) one event in the room's cached list. */
export async function patchCachedEvent(roomId: string, id: string, row: EventRow | null) {
  const rows = await eventCache.get(roomId);
  const next = rows.filter((r) => r.id !== id);
  if (row) next.push(row);
  eventCache.set(roomId, next);
}

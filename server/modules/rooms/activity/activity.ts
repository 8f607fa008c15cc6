import { events } from '../../../lib/events';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { withKeyLock } from '../../../lib/keyed-lock';
import {
  RoomActivityModel,
  RoomSeenModel,
  type ActivityEntry,
  type RoomActivityDoc,
  type RoomSeenDoc,
} from './activity.model';

/** Entries kept per room: enough to count "unread" up to 50, never more. */
export const ACTIVITY_KEEP = 50;
/**
 * FerretDB 1.x ignores `$push`'s `$slice` (measured), so the stored list grows past the limit
 * there; it is cut back with one `$set` when it reaches twice the limit.
 */
const TRIM_AT = ACTIVITY_KEEP * 2;

const toEntry = (e: ActivityEntry): ActivityEntry => ({
  kind: e.kind,
  at: new Date(e.at),
  actorId: String(e.actorId),
  itemId: String(e.itemId),
});

/** Per room: the stored entries (oldest first). A room without a document has none. */
const activity = createKeyedCache<ActivityEntry[]>({
  name: 'room-activity',
  max: 20_000,
  load: async (roomId) => {
    const doc = await RoomActivityModel.findById(roomId).lean<RoomActivityDoc>();
    return (doc?.entries ?? []).map(toEntry);
  },
});

/** Per person: roomId → ISO time the person last opened the room. */
const seen = createKeyedCache<Readonly<Record<string, string>>>({
  name: 'room-seen',
  max: 50_000,
  load: async (personId) => {
    const doc = await RoomSeenModel.findById(personId).lean<RoomSeenDoc>();
    return { ...(doc?.rooms ?? {}) };
  },
});

export interface RoomUnread {
  unread: number;
  lastActivityAt: string | null;
}

/**
 * Activity by others since the person last opened each room (memory only once warm). `since`
 * gives a floor per room (e.g. when the person joined), so a new member does not start with the
 * room's whole history as unread.
 */
export async function unreadFor(
  personId: string,
  roomIds: Iterable<string>,
  since?: (roomId: string) => Date | null | undefined,
): Promise<Map<string, RoomUnread>> {
  const mine = await seen.get(personId);
  const out = new Map<string, RoomUnread>();
  for (const roomId of roomIds) {
    const entries = await activity.get(roomId);
    const seenAt = mine[roomId] ? Date.parse(mine[roomId]) : Number.NEGATIVE_INFINITY;
    const floor = Math.max(seenAt, since?.(roomId)?.getTime() ?? Number.NEGATIVE_INFINITY);
    let unread = 0;
    const recent = entries.slice(-ACTIVITY_KEEP);
    for (const e of recent) {
      if (e.actorId !== personId && e.at.getTime() > floor) unread += 1;
    }
    const last = recent[recent.length - 1];
    out.set(roomId, { unread, lastActivityAt: last ? last.at.toISOString() : null });
  }
  return out;
}

/** When the person last opened the room (null: never). */
export async function seenAt(personId: string, roomId: string): Promise<string | null> {
  return (await seen.get(personId))[roomId] ?? null;
}

/**
 * Remembers that the person opened the room now (write-through). Skips the write when nothing
 * happened in the room since the last visit: the unread count is 0 either way, and opening a
 * room repeatedly must not cost a write each time.
 */
export async function markSeen(
  personId: string,
  roomId: string,
  now = new Date(),
): Promise<string> {
  return withKeyLock(`room-seen:${personId}`, async () => {
    const current = await seen.get(personId);
    const previous = current[roomId];
    if (previous) {
      const entries = await activity.get(roomId);
      const last = entries[entries.length - 1];
      if (!last || last.at.getTime() <= Date.parse(previous)) return previous;
    }
    const iso = now.toISOString();
    await RoomSeenModel.updateOne(
      { _id: personId },
      { $set: { [`rooms.${roomId}`]: iso } },
      { upsert: true },
    );
    seen.set(personId, { ...current, [roomId]: iso });
    return iso;
  });
}

/** Appends one entry to the room's activity (serialised per room; `$push` is atomic per document). */
export async function recordActivity(roomId: string, entry: ActivityEntry): Promise<void> {
  await withKeyLock(`room-activity:${roomId}`, async () => {
    const current = await activity.get(roomId);
    const next = [...current, toEntry(entry)];
    if (next.length >= TRIM_AT) {
      const kept = next.slice(-ACTIVITY_KEEP);
      await RoomActivityModel.updateOne(
        { _id: roomId },
        { $set: { entries: kept } },
        { upsert: true },
      );
      activity.set(roomId, kept);
      return;
    }
    await RoomActivityModel.updateOne(
      { _id: roomId },
      // `$slice` keeps MongoDB's copy short; FerretDB ignores it (trimmed above instead).
      { $push: { entries: { $each: [toEntry(entry)], $slice: -ACTIVITY_KEEP } } },
      { upsert: true },
    );
    activity.set(roomId, next.slice(-TRIM_AT));
  });
}

/** New posts, comments, files … (events with `activity: true`) count as unread for others. */
export function registerRoomActivity(): () => void {
  return events.on('rooms.content_changed', async (e) => {
    if (!e.activity) return;
    await recordActivity(e.roomId, {
      kind: e.module,
      at: new Date(),
      actorId: e.actorId,
      itemId: e.itemId,
    });
  });
}

/**
 * Fills both caches after start from one bulk read each; rooms without activity (`roomIds`) and
 * people who never opened a room (`personIds`) are remembered as empty, so no first visit reads.
 */
export async function warmRoomActivity(
  roomIds: Iterable<string>,
  personIds: Iterable<string> = [],
): Promise<void> {
  await activity.prime(async () => {
    const rows = new Map<string, ActivityEntry[]>();
    for (const id of roomIds) rows.set(id, []);
    const docs = await RoomActivityModel.find({}).lean<RoomActivityDoc[]>();
    for (const d of docs) rows.set(String(d._id), (d.entries ?? []).map(toEntry));
    return rows;
  });
  await seen.prime(async () => {
    const rows = new Map<string, Readonly<Record<string, string>>>();
    for (const id of personIds) rows.set(id, {});
    const docs = await RoomSeenModel.find({}).lean<RoomSeenDoc[]>();
    for (const d of docs) rows.set(String(d._id), { ...(d.rooms ?? {}) });
    return rows;
  });
}

/** Tests: forget everything cached. */
export function clearActivityCaches(): void {
  activity.clear();
  seen.clear();
}

import { logger } from '../../lib/logger';
import { withKeyLock } from '../../lib/keyed-lock';
import { notify } from '../notifications/notifications.service';
import { putRoomDoc, roomIndex } from './room-index';
import { RoomModel, type Room } from './room.model';
import { roomLockKey } from './room.service';
import { todayInBerlin } from './room.presenter';
import { repairApprovedJoins } from './members/join-requests.service';

let running: Promise<number> | null = null;

/**
 * Asks the owners of rooms whose review date has come to archive or extend, once per review
 * date: `reviewRemindedFor` moves to `reviewBy` in one conditional update, and only the run whose
 * update matched notifies (serialised per room here; the condition guards other instances).
 * Returns how many rooms were reminded.
 */
export function remindDueRooms(today = todayInBerlin()): Promise<number> {
  running ??= sweep(today).finally(() => {
    running = null;
  });
  return running;
}

async function sweep(today: string): Promise<number> {
  const due = [...(await roomIndex()).rooms.values()].filter(
    (r) =>
      !r.archived &&
      r.reviewBy !== null &&
      r.reviewBy <= today &&
      r.reviewRemindedFor !== r.reviewBy,
  );
  let sent = 0;
  for (const room of due) {
    const claimed = await withKeyLock(roomLockKey(room.id), async () => {
      const doc = await RoomModel.findOneAndUpdate(
        { _id: room.id, reviewBy: room.reviewBy, reviewRemindedFor: room.reviewRemindedFor },
        { $set: { reviewRemindedFor: room.reviewBy } },
        // No rev bump and no updatedAt: a reminder is not an edit of the settings.
        { returnDocument: 'after', timestamps: false },
      ).lean<Room>();
      if (doc) putRoomDoc(doc);
      return doc;
    });
    if (!claimed) continue;
    const owners = [...room.members].filter(([, m]) => m.role === 'owner').map(([id]) => id);
    if (owners.length === 0) continue;
    await notify({
      userIds: owners,
      kind: 'rooms.review_due',
      params: { room: claimed.name, reviewBy: claimed.reviewBy ?? today },
      link: `/rooms/${room.id}/settings`,
    });
    sent += 1;
  }
  return sent;
}

/**
 * The hourly room sweeps (first after a minute): review reminders, and approved join requests
 * whose member was never added. Returns a stop function.
 */
export function startRoomReviewReminders(everyMs = 60 * 60_000): () => void {
  const run = () => {
    remindDueRooms().catch((err: unknown) => logger.warn({ err }, 'room review reminders failed'));
    repairApprovedJoins()
      .then((added) => {
        if (added > 0) logger.warn({ added }, 'join approvals repaired: members added');
      })
      .catch((err: unknown) => logger.warn({ err }, 'join approval repair failed'));
  };
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

import { logger } from '../../../lib/logger';
import { directoryRows } from '../../people/directory-index';
import { registerRoomActivity, warmRoomActivity } from '../activity/activity';
import { roomIndex } from '../room-index';
import { warmRoomFeeds } from './post.store';

/**
 * Fills the feed cache (newest posts + pinned of every room), the rooms' activity and everyone's
 * "seen" times from one bulk read each, so no feed or unread count waits on a scan after start.
 */
export async function warmRoomFeedAndActivity(): Promise<void> {
  const roomIds = [...(await roomIndex()).rooms.keys()];
  await warmRoomFeeds(roomIds);
  const personIds = (await directoryRows()).map((r) => r.id);
  await warmRoomActivity(roomIds, personIds);
}

/** The feed's subscriber (activity log for unread counts) and the warm-up after start. */
export function registerRoomFeed(): () => void {
  warmRoomFeedAndActivity().catch((err: unknown) =>
    logger.warn({ err }, 'room feed warm-up failed'),
  );
  return registerRoomActivity();
}

import { logger } from '../../lib/logger';
import { primeEventCache } from './events/event-cache';
import { warmRoomFiles } from './files/file-tree';
import { roomIndex, warmRoomIndex } from './room-index';
import { primeTaskCache } from './tasks/task-cache';

/**
 * After start: every room and membership in memory, then each module's per-room cache from one
 * bulk read (events, tasks, file trees), one after another so the engine is not flooded. The
 * feed and activity caches warm in `feed/feed.register.ts`. A failed warm-up only costs the first
 * visit of each room a query.
 */
export function warmRooms(): void {
  void (async () => {
    await warmRoomIndex();
    await primeEventCache();
    await primeTaskCache();
    await warmRoomFiles((await roomIndex()).rooms.keys());
  })().catch((err: unknown) => logger.warn({ err }, 'room warm-up failed'));
}

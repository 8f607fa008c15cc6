import type { Realtime } from '../../../realtime';
import { logger } from '../../../lib/logger';
import { warmJoinRequests } from '../members/join-request.store';
import { warmRoomIndex } from '../room-index';
import { registerRoomNotifications } from '../rooms.notifications';
import { registerRoomsRealtime } from '../rooms.realtime';
import { registerRoomsSync } from './sync';

/**
 * Team rooms' subscribers: chat + wiki sync, live events, notifications. Also loads the room index
 * (the wiki's synchronous role resolver reads it) and the pending join requests (the policy's
 * synchronous lookup) right away.
 */
export function registerRoomsSubscribers(realtime: Realtime): () => void {
  const warm = (what: string) => (err: unknown) => logger.warn({ err }, `${what} warm-up failed`);
  void warmRoomIndex().catch(warm('room index'));
  void warmJoinRequests().catch(warm('join requests'));
  const offs = [registerRoomsSync(), registerRoomsRealtime(realtime), registerRoomNotifications()];
  return () => offs.forEach((off) => off());
}

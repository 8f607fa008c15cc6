import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import { logger } from '../../../lib/logger';
import { syncRoomChannelMembers, syncRoomChannelState } from '../../chat/room-channel';
import { renameRoomSpace } from '../../wiki/space.service';
import { roomIndex, type RoomMeta } from '../room-index';
import { channelMembersOf } from './provision';
import './wiki-resolver';

/**
 * Keeps a room's chat channel and wiki space in step with the room: members and roles (chat
 * owners = room owners), archive state and name. Each sync writes the room's WHOLE current state
 * (idempotent, heals a missed event) and runs one at a time per room, reading the index inside
 * the lock, so an older sync never finishes after a newer one.
 */
function syncRoom(
  roomId: string,
  actorId: string | null,
  what: (room: RoomMeta, actor: string) => Promise<void>,
) {
  return withKeyLock(`room-sync:${roomId}`, async () => {
    const room = (await roomIndex()).rooms.get(roomId);
    if (!room) return;
    await what(room, actorId ?? room.createdBy);
  });
}

/** The wiki re-checks its sockets and `/collab` connections of the room's space at once. */
function wikiAccessChanged(room: RoomMeta, actorId: string) {
  if (room.wikiSpaceId) {
    events.publish('wiki.space_changed', {
      spaceId: room.wikiSpaceId,
      actorId,
      accessChanged: true,
    });
  }
}

export function registerRoomsSync(): () => void {
  const failed = (err: unknown) => logger.error({ err }, 'room chat/wiki sync failed');
  const offs = [
    events.on('rooms.members_changed', (e) =>
      syncRoom(e.roomId, e.actorId, async (room, actor) => {
        wikiAccessChanged(room, actor);
        if (room.conversationId) {
          await syncRoomChannelMembers(room.id, room.conversationId, actor, channelMembersOf(room));
        }
      }).catch(failed),
    ),
    events.on('rooms.room_changed', (e) => {
      if (e.change === 'created' || e.change === 'image') return;
      return syncRoom(e.roomId, e.actorId, async (room, actor) => {
        // accessChanged includes the wiki module going off or on (the resolver follows it).
        if (e.accessChanged || e.change === 'archived' || e.change === 'restored') {
          wikiAccessChanged(room, actor);
        }
        if (room.conversationId) {
          // With the chat module off the channel is kept but read-only until it is on again.
          await syncRoomChannelState(room.id, room.conversationId, actor, {
            archived: room.archived || !room.modules.chat,
            name: room.name,
          });
        }
        if (room.wikiSpaceId) await renameRoomSpace(room.wikiSpaceId, room.name, actor);
      }).catch(failed);
    }),
  ];
  return () => offs.forEach((off) => off());
}

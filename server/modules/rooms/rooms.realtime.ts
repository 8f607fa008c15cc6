import type { Realtime } from '../../realtime';
import { events } from '../../lib/events';
import type { RoomModuleChange } from './rooms.events';
import { roomIndex, roomsOf } from './room-index';

/** The Socket.IO room of a team room's members (joined on connect and on becoming a member). */
export const teamRoom = (roomId: string) => `team-room:${roomId}`;

const MODULE_OF: Record<RoomModuleChange, 'feed' | 'files' | 'events' | 'tasks'> = {
  post: 'feed',
  comment: 'feed',
  reaction: 'feed',
  file: 'files',
  folder: 'files',
  event: 'events',
  task: 'tasks',
};

/**
 * Live team rooms: invalidations (ids only) to the members' team room; membership changes move
 * sockets in and out at once. Nothing goes to a non-member: events reach `team-room:<id>` (members
 * only) or named people (the changed members, the room's moderators, a requester).
 */
export function registerRoomsRealtime(realtime: Realtime): () => void {
  const offProvider = realtime.addRoomProvider(async (user) => {
    await roomIndex(); // the sync lookup below needs the index loaded
    return roomsOf(user.id).map(teamRoom);
  });
  const offs = [
    offProvider,
    events.on('rooms.members_changed', (e) => {
      const room = teamRoom(e.roomId);
      for (const id of e.added) realtime.joinRoom(id, room);
      for (const id of e.removed) {
        realtime.leaveRoom(id, room);
        realtime.toUser(id, 'rooms:access-lost', { roomId: e.roomId });
      }
      const changed = new Set([...e.added, ...e.removed, ...e.roles.map((r) => r.personId)]);
      for (const id of changed) realtime.toUser(id, 'rooms:mine', {});
      realtime.toRoom(room, 'rooms:room', { roomId: e.roomId });
    }),
    events.on('rooms.room_changed', (e) => {
      const room = teamRoom(e.roomId);
      realtime.toRoom(room, 'rooms:room', { roomId: e.roomId });
      realtime.toRoom(room, 'rooms:mine', {});
    }),
    events.on('rooms.content_changed', (e) => {
      realtime.toRoom(teamRoom(e.roomId), 'rooms:content', {
        roomId: e.roomId,
        module: MODULE_OF[e.module],
        itemId: e.itemId,
      });
    }),
    events.on('rooms.join_request_changed', async (e) => {
      const room = (await roomIndex()).rooms.get(e.roomId);
      if (!room) return;
      for (const [id, m] of room.members) {
        if (m.role !== 'member') realtime.toUser(id, 'rooms:room', { roomId: e.roomId });
      }
      realtime.toUser(e.personId, 'rooms:mine', {});
    }),
  ];
  return () => offs.forEach((off) => off());
}

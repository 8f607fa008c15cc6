import { setRoomRoleResolver } from '../../wiki/wiki.policy';
import { roomMetaOf } from '../room-index';

/**
 * The wiki asks the room for a person's role in a room space (synchronous, from the loaded room
 * index): owner/moderator → space admin, member → editor; in an archived room every member only
 * reads (`viewer` → reader). Registered when this module is first imported (the rooms routes and
 * subscribers import it at start).
 */
export function roomRoleForWiki(roomId: string, personId: string) {
  const room = roomMetaOf(roomId);
  const role = room?.members.get(personId)?.role ?? null;
  if (!room || !role) return null;
  return room.archived ? 'viewer' : role;
}

setRoomRoleResolver(roomRoleForWiki);

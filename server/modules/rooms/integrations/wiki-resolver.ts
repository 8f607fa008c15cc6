import { setRoomRoleResolver } from '../../wiki/wiki.policy';
import { roomMetaOf } from '../room-index';

/**
 * The wiki asks the room for a person's role in a room space (synchronous, from the loaded room
 * index): owner/moderator → space admin, member → editor; in an archived room every member only
 * reads (`viewer` → reader). With the wiki module off the space is invisible to everyone (its
 * pages are kept; turning the module on again gives access back). Registered when this module is
 * first imported (the rooms routes and subscribers import it at start).
 */
export function roomRoleForWiki(roomId: string, personId: string) {
  const room = roomMetaOf(roomId);
  const role = room?.members.get(personId)?.role ?? null;
  if (!room || !role || !room.modules.wiki) return null;
  return room.archived ? 'viewer' : role;
}

setRoomRoleResolver(roomRoleForWiki);

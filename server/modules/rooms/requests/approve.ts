import type { CurrentUser } from '../../auth/current-user';
import { uuidV5 } from '../integrations/uuid5';
import { createRoom } from '../room.service';
import type { RoomRequest } from './room-request.model';

/**
 * The approved request's room: created by the decider with the requester as its owner.
 * Idempotent: the room's clientId comes from the request's id, so a retry after a crash between
 * creating the room and recording the decision finds the same room.
 */
export async function createRoomFor(
  decider: Pick<CurrentUser, 'id' | 'roles'>,
  request: RoomRequest,
): Promise<string> {
  const { roomId } = await createRoom(
    decider,
    {
      clientId: uuidV5(`room-request:${String(request._id)}`),
      name: request.name,
      description: request.description,
      visibility: request.visibility,
      template: request.template,
      reviewBy: null,
    },
    { ownerId: String(request.requesterId) },
  );
  return roomId;
}

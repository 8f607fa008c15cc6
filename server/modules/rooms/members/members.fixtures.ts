import { randomUUID } from 'node:crypto';
import type { RoomModules, RoomRole, RoomVisibility } from '@shared/rooms/schemas';
import type { Session } from '../../../test/app';
import { changeRoomMembers } from '../member.store';
import { rememberRoom } from '../room-index';
import { RoomModel } from '../room.model';

/** Test rooms written directly (no provisioning): members with their roles. */
export async function makeTestRoom(
  createdBy: string,
  visibility: RoomVisibility,
  members: { personId: string; role: RoomRole }[],
  opts: { archived?: boolean; modules?: Partial<RoomModules>; name?: string } = {},
): Promise<string> {
  const modules: RoomModules = {
    feed: true,
    chat: false,
    wiki: false,
    files: false,
    events: false,
    tasks: false,
    ...opts.modules,
  };
  const room = await RoomModel.create({
    clientId: randomUUID(),
    name: opts.name ?? `Raum ${visibility}`,
    visibility,
    template: 'project',
    modules,
    createdBy,
    archived: opts.archived ?? false,
  });
  const roomId = String(room._id);
  await changeRoomMembers(roomId, null, { add: members });
  await rememberRoom(roomId);
  return roomId;
}

export const sender =
  (s: Session) => (method: 'post' | 'patch' | 'put' | 'delete', path: string, body?: object) =>
    s.agent[method](path)
      .set('X-CSRF-Token', s.csrf)
      .send(body ?? {});

import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { RoomModules, RoomRole, RoomVisibility } from '@shared/rooms/schemas';
import { makePerson, session, type Session } from '../../../test/app';
import { changeRoomMembers } from '../member.store';
import { rememberRoom } from '../room-index';
import { RoomModel } from '../room.model';

export const FEED_PEOPLE = ['owner', 'mod', 'alice', 'bob', 'carol', 'dave'] as const;
export type Who = (typeof FEED_PEOPLE)[number];

/** People for feed tests: carol is in no room; the rest get roles per room. */
export async function makeFeedPeople(app: Express, prefix: string) {
  const ids = {} as Record<Who, string>;
  const s = {} as Record<Who, Session>;
  for (const who of FEED_PEOPLE) {
    ids[who] = (await makePerson({ username: `${prefix}${who}` })).id;
    s[who] = await session(app, `${prefix}${who}`);
  }
  return { ids, s };
}

const allModules: RoomModules = {
  feed: true,
  chat: false,
  wiki: false,
  files: false,
  events: false,
  tasks: false,
};

/** A room written straight to the database (no provisioning), members via the one writer. */
export async function makeRoom(opts: {
  createdBy: string;
  members: { personId: string; role: RoomRole }[];
  visibility?: RoomVisibility;
  modules?: Partial<RoomModules>;
  archived?: boolean;
}): Promise<string> {
  const room = await RoomModel.create({
    clientId: randomUUID(),
    name: `Raum ${randomUUID().slice(0, 6)}`,
    visibility: opts.visibility ?? 'open',
    template: 'blank',
    modules: { ...allModules, ...opts.modules },
    createdBy: opts.createdBy,
    archived: opts.archived ?? false,
    archivedAt: opts.archived ? new Date() : null,
  });
  const roomId = String(room._id);
  await changeRoomMembers(roomId, null, { add: opts.members });
  await rememberRoom(roomId);
  return roomId;
}

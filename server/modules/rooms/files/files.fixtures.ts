import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { RoomModules, RoomVisibility } from '@shared/rooms/schemas';
import { makePerson, session, type Session } from '../../../test/app';
import { RoomModel } from '../room.model';
import { changeRoomMembers } from '../member.store';
import { rememberRoom } from '../room-index';

/** People and rooms for the room files tests (each test file has its own database). */
export type Who = 'owner' | 'mod' | 'member' | 'member2' | 'leaver' | 'outsider';
export const everyone: Who[] = ['owner', 'mod', 'member', 'member2', 'leaver', 'outsider'];

export async function makeFilesWorld(app: Express, prefix: string) {
  const ids = {} as Record<Who, string>;
  const s = {} as Record<Who, Session>;
  for (const who of everyone) {
    ids[who] = (await makePerson({ username: `${prefix}-${who}` })).id;
    s[who] = await session(app, `${prefix}-${who}`);
  }
  const makeRoom = async (
    visibility: RoomVisibility,
    opts: { files?: boolean; archived?: boolean; members?: Who[] } = {},
  ) => {
    const modules: RoomModules = {
      feed: true,
      chat: false,
      wiki: false,
      files: opts.files ?? true,
      events: false,
      tasks: false,
    };
    const room = await RoomModel.create({
      clientId: randomUUID(),
      name: `Raum ${visibility}`,
      visibility,
      template: 'project',
      modules,
      createdBy: ids.owner,
      archived: opts.archived ?? false,
    });
    const roomId = String(room._id);
    const members = opts.members ?? everyone.filter((w) => w !== 'outsider');
    await changeRoomMembers(roomId, null, {
      add: members.map((who) => ({
        personId: ids[who],
        role: who === 'owner' ? 'owner' : who === 'mod' ? 'moderator' : 'member',
      })),
    });
    await rememberRoom(roomId);
    return roomId;
  };
  return { ids, s, makeRoom };
}

/** A supertest request that collects the body as bytes whatever the type. */
export const bytes = (req: ReturnType<Session['agent']['get']>) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** A minimal valid one-page PDF (magic bytes are what counts). */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import request from 'supertest';
import type { RoomDTO } from '@shared/rooms/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp } from '../../test/app';
import { PersonModel } from '../../modules/people/person.model';
import { UnitModel } from '../../modules/org/unit.model';
import { ConversationModel } from '../../modules/chat/conversation.model';
import { SpaceModel } from '../../modules/wiki/space.model';
import { PageModel } from '../../modules/wiki/page.model';
import { RoomModel, type Room } from '../../modules/rooms/room.model';
import { RoomMembersModel, type RoomMembers } from '../../modules/rooms/member.model';
import { RoomPostModel } from '../../modules/rooms/feed/post.model';
import { RoomFileModel, RoomFolderModel } from '../../modules/rooms/files/files.model';
import { RoomEventModel } from '../../modules/rooms/events/event.model';
import { RoomTaskModel } from '../../modules/rooms/tasks/task.model';
import { JoinRequestModel } from '../../modules/rooms/members/join-request.model';
import { RoomRequestModel } from '../../modules/rooms/requests/room-request.model';
import { RoomActivityModel } from '../../modules/rooms/activity/activity.model';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './demo';
import { demoRoomId, insertDemoRooms } from './rooms';
import type { PersonRow, UnitRow } from './build';

useTestDatabase();
let app: Express;

beforeAll(async () => {
  app = makeTestApp();
  expect(await seedDemoIfEmpty()).toBe(true);
});

async function as(username: string) {
  const agent = request.agent(app);
  const csrf = (await agent.get('/api/auth/csrf')).body.token as string;
  await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', csrf)
    .send({ username, password: DEMO_PASSWORD })
    .expect(200);
  return agent;
}

/** Everything the rooms seed writes, counted (members and comments inside their documents too). */
async function counts() {
  const members = await RoomMembersModel.find().lean<RoomMembers[]>();
  const posts = await RoomPostModel.find().lean<{ comments: unknown[]; reactions: object }[]>();
  const files = await RoomFileModel.find().lean<{ versions: unknown[] }[]>();
  return {
    rooms: await RoomModel.countDocuments(),
    members: members.reduce((n, m) => n + Object.keys(m.members).length, 0),
    posts: posts.length,
    comments: posts.reduce((n, p) => n + p.comments.length, 0),
    reactions: posts.reduce((n, p) => n + Object.values(p.reactions).flat().length, 0),
    folders: await RoomFolderModel.countDocuments(),
    files: files.length,
    versions: files.reduce((n, f) => n + f.versions.length, 0),
    events: await RoomEventModel.countDocuments(),
    tasks: await RoomTaskModel.countDocuments(),
    joinRequests: await JoinRequestModel.countDocuments(),
    roomRequests: await RoomRequestModel.countDocuments(),
    conversations: await ConversationModel.countDocuments(),
    spaces: await SpaceModel.countDocuments(),
    pages: await PageModel.countDocuments(),
    activity: (await RoomActivityModel.find().lean<{ entries: unknown[] }[]>()).reduce(
      (n, a) => n + a.entries.length,
      0,
    ),
  };
}

describe('demo rooms', () => {
  it('writes the four rooms with their content, a join request and a room request', async () => {
    const c = await counts();
    expect(c).toMatchObject({ rooms: 4, folders: 2, files: 2, versions: 3, events: 3, tasks: 8 });
    expect(c.posts).toBe(14);
    expect(c.members).toBeGreaterThan(40);
    expect(c.joinRequests).toBe(1);
    expect(c.roomRequests).toBe(1);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await counts();
    const people = await PersonModel.find().lean<PersonRow[]>();
    const units = await UnitModel.find().lean<UnitRow[]>();
    await insertDemoRooms({ people, units });
    expect(await counts()).toEqual(before);
  });

  it('gives every room its chat channel and wiki space, with the room members in the channel', async () => {
    const rooms = await RoomModel.find().lean<Room[]>();
    for (const room of rooms) {
      const members = await RoomMembersModel.findById(room._id).lean<RoomMembers>();
      if (room.modules.chat) {
        expect(room.conversationId, room.name).not.toBeNull();
        const conv = await ConversationModel.findById(room.conversationId).lean();
        expect(String(conv?.roomId)).toBe(String(room._id));
        expect(Object.keys(conv?.members ?? {}).sort()).toEqual(
          Object.keys(members?.members ?? {}).sort(),
        );
      } else expect(room.conversationId).toBeNull();
      if (room.modules.wiki) {
        const space = await SpaceModel.findById(room.wikiSpaceId).lean();
        expect(String(space?.roomId), room.name).toBe(String(room._id));
      } else expect(room.wikiSpaceId).toBeNull();
    }
  });

  it('keeps the secret office room invisible to editor and employee2; hr owns it', async () => {
    const secret = (await RoomModel.findOne({ clientId: demoRoomId('hauptamt') }).lean<Room>())!;
    const id = String(secret._id);
    for (const u of ['editor', 'employee2', 'admin']) {
      const agent = await as(u);
      await agent.get(`/api/rooms/${id}`).expect(404);
      const list = await agent.get('/api/rooms?scope=discover&limit=100').expect(200);
      expect((list.body.data as RoomDTO[]).map((r) => r.id)).not.toContain(id);
    }
    const hr = await as('hr');
    const mine = (await hr.get('/api/rooms?scope=mine').expect(200)).body.data as RoomDTO[];
    expect(mine.find((r) => r.id === id)?.myRole).toBe('owner');
  });

  it('shows the project room to employee as a member with feed, files, events and tasks', async () => {
    const room = (await RoomModel.findOne({
      clientId: demoRoomId('buergerdienste'),
    }).lean<Room>())!;
    const id = String(room._id);
    const employee = await as('employee');
    const feed = (await employee.get(`/api/rooms/${id}/feed`).expect(200)).body.data;
    expect(feed.pinned).toHaveLength(1);
    expect(feed.posts.length).toBeGreaterThanOrEqual(6);
    const board = (await employee.get(`/api/rooms/${id}/tasks`).expect(200)).body.data;
    expect(JSON.stringify(board)).toContain('Datenschutz-Folgenabschätzung');
    const events = (await employee.get(`/api/rooms/${id}/events`).expect(200)).body.data;
    expect(events).toHaveLength(3);
    // employee2 asked to join: sees the room (closed), not its feed.
    const e2 = await as('employee2');
    const dto = (await e2.get(`/api/rooms/${id}`).expect(200)).body.data as RoomDTO;
    expect(dto.myRole).toBeNull();
    await e2.get(`/api/rooms/${id}/feed`).expect(403);
  });
});

import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PostDTO } from '@shared/rooms/types';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { NotificationModel } from '../../notifications/notification.model';
import { registerRoomNotifications } from '../rooms.notifications';
import { makeFeedPeople, makeRoom, type Who } from './feed.fixtures';

useTestDatabase();

let app: Express;
let ids: Record<Who, string>;
let s: Record<Who, Session>;
let room: string;
let off: () => void;

const write = (who: Who, method: 'post' | 'patch', url: string, body: object) =>
  s[who].agent[method](url).set('X-CSRF-Token', s[who].csrf).send(body);
const mentions = (who: Who) =>
  NotificationModel.countDocuments({ userId: ids[who], kind: 'rooms.mention' });

beforeAll(async () => {
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  ({ ids, s } = await makeFeedPeople(app, 'fm'));
  const members = [
    { personId: ids.owner, role: 'owner' as const },
    { personId: ids.alice, role: 'member' as const },
    { personId: ids.bob, role: 'member' as const },
    { personId: ids.dave, role: 'member' as const },
  ];
  room = await makeRoom({ createdBy: ids.owner, members });
  off = registerRoomNotifications();
});

afterAll(() => off());

describe('room feed: mentions in an edit', () => {
  it('notifies only members the edit newly mentions (not the already mentioned, not the author)', async () => {
    const created = await write('alice', 'post', `/api/rooms/${room}/posts`, {
      id: randomUUID(),
      body: 'Hallo @fmbob',
    }).expect(201);
    const p = created.body.data as PostDTO;
    await vi.waitFor(async () => expect(await mentions('bob')).toBe(1));

    await write('alice', 'patch', `/api/rooms/${room}/posts/${p.id}`, {
      rev: p.rev,
      body: 'Hallo @fmbob und @fmdave, sagt @fmalice und @fmcarol Bescheid',
    }).expect(200);
    // One notify call stores every recipient of the edit: once dave has his, the edit is done.
    await vi.waitFor(async () => expect(await mentions('dave')).toBe(1));
    const dave = await NotificationModel.findOne({
      userId: ids.dave,
      kind: 'rooms.mention',
    }).lean();
    expect(dave?.link).toBe(`/rooms/${room}`);
    expect(await mentions('bob')).toBe(1);
    expect(await mentions('alice')).toBe(0);
    expect(await mentions('carol')).toBe(0); // not a member
  });
});

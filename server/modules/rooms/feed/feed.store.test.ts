import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FeedPageDTO } from '@shared/rooms/types';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { RoomPostModel } from './post.model';
import { FEED_KEEP, clearFeedCache, warmRoomFeeds } from './post.store';
import { makeFeedPeople, makeRoom, type Who } from './feed.fixtures';
import { warmRoomFeedAndActivity } from './feed.register';

useTestDatabase();

let app: Express;
let ids: Record<Who, string>;
let s: Record<Who, Session>;

const write = (who: Who, url: string, body?: object) =>
  s[who].agent.post(url).set('X-CSRF-Token', s[who].csrf).send(body);
const getFeed = async (who: Who, room: string, q = '') =>
  (await s[who].agent.get(`/api/rooms/${room}/feed${q}`).expect(200)).body.data as FeedPageDTO;

/** Every way the feed could reach the collection. */
function spyReads() {
  return [
    vi.spyOn(RoomPostModel, 'find'),
    vi.spyOn(RoomPostModel, 'findById'),
    vi.spyOn(RoomPostModel, 'findOne'),
    vi.spyOn(RoomPostModel, 'countDocuments'),
    vi.spyOn(RoomPostModel, 'aggregate'),
  ];
}
const calls = (spies: ReturnType<typeof spyReads>) =>
  spies.reduce((n, spy) => n + spy.mock.calls.length, 0);

beforeAll(async () => {
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  ({ ids, s } = await makeFeedPeople(app, 'fs'));
});

afterEach(() => vi.restoreAllMocks());

const roomOf = () =>
  makeRoom({
    createdBy: ids.owner,
    members: [
      { personId: ids.owner, role: 'owner' },
      { personId: ids.alice, role: 'member' },
    ],
  });

describe('feed cache', () => {
  it('a post written on this instance is in the next feed read without a database read', async () => {
    const room = await roomOf();
    await getFeed('alice', room); // loads the room once
    const id = randomUUID();
    await write('owner', `/api/rooms/${room}/posts`, { id, body: 'Frisch' }).expect(201);
    const spies = spyReads();
    const page = await getFeed('alice', room);
    expect(page.posts.map((p) => p.id)).toEqual([id]);
    await write('alice', `/api/rooms/${room}/posts/${id}/comments`, {
      id: randomUUID(),
      body: 'Schnell',
    }).expect(201);
    expect((await getFeed('alice', room)).posts[0]?.commentCount).toBe(1);
    expect(calls(spies)).toBe(0);
  });

  it('a new post reads nothing of the posts collection; a replay still gets the first post', async () => {
    const room = await roomOf();
    await getFeed('alice', room);
    const id = randomUUID();
    const spies = spyReads();
    await write('alice', `/api/rooms/${room}/posts`, { id, body: 'Neu' }).expect(201);
    expect(calls(spies)).toBe(0);
    const again = await write('alice', `/api/rooms/${room}/posts`, { id, body: 'Neu' }).expect(200);
    expect(again.body.data.id).toBe(id);
    await write('owner', `/api/rooms/${room}/posts`, { id, body: 'Fremd' }).expect(409);
  });

  it('after start, one bulk read fills every room (also rooms without posts)', async () => {
    const busy = await roomOf();
    const quiet = await roomOf();
    const id = randomUUID();
    await write('owner', `/api/rooms/${busy}/posts`, { id, body: 'Alt' }).expect(201);
    clearFeedCache();
    const find = vi.spyOn(RoomPostModel, 'find');
    await warmRoomFeeds([busy, quiet]);
    expect(find).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    const spies = spyReads();
    expect((await getFeed('alice', busy)).posts.map((p) => p.id)).toEqual([id]);
    expect((await getFeed('alice', quiet)).posts).toEqual([]);
    expect(calls(spies)).toBe(0);
  });

  it('the start-up warm-up reads the room index and fills every room', async () => {
    const room = await roomOf();
    clearFeedCache();
    await warmRoomFeedAndActivity();
    const spies = spyReads();
    expect((await getFeed('alice', room)).posts).toEqual([]);
    expect(calls(spies)).toBe(0);
  });

  it('stays correct past the cached window when posts are deleted', async () => {
    const room = await roomOf();
    const made: string[] = [];
    for (let i = 0; i < FEED_KEEP + 2; i += 1) {
      const id = randomUUID();
      await write('owner', `/api/rooms/${room}/posts`, { id, body: `Nr. ${i}` }).expect(201);
      made.push(id);
    }
    const newest = made[made.length - 1] as string;
    await s.owner.agent
      .delete(`/api/rooms/${room}/posts/${newest}`)
      .set('X-CSRF-Token', s.owner.csrf)
      .expect(200);
    const page = await getFeed('alice', room, `?limit=${FEED_KEEP}`);
    expect(page.posts.map((p) => p.id)).toEqual(made.slice(0, -1).reverse().slice(0, FEED_KEEP));
    expect(page.nextCursor).not.toBeNull();
    const rest = await getFeed('alice', room, `?limit=${FEED_KEEP}&before=${page.nextCursor}`);
    expect(rest.posts.map((p) => p.id)).toEqual([made[0]]);
    expect(rest.nextCursor).toBeNull();
    expect(rest.pinned).toEqual([]);
  });
});

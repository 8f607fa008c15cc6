import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostDTO, RoomFileRefDTO } from '@shared/rooms/types';
import { findFile } from '../../../lib/files';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { makeFeedPeople, makeRoom, type Who } from './feed.fixtures';
import { POST_FILES_BUCKET } from './post.files';
import {
  removePostFileIfUnattached,
  removeUnattachedPostFiles,
  unattachedPostFiles,
} from './post.files-cleanup';

useTestDatabase();

let app: Express;
let ids: Record<Who, string>;
let s: Record<Who, Session>;
let room: string;

const DAY_LATER = () => new Date(Date.now() + 25 * 3_600_000);
const upload = async (who: Who, name: string) => {
  const res = await s[who].agent
    .post(`/api/rooms/${room}/post-files`)
    .set('X-CSRF-Token', s[who].csrf)
    .attach('file', Buffer.from(`Inhalt ${name}`), name)
    .expect(201);
  return (res.body.data as RoomFileRefDTO).id;
};
const createPost = async (who: Who, fileIds: string[]) =>
  (
    await s[who].agent
      .post(`/api/rooms/${room}/posts`)
      .set('X-CSRF-Token', s[who].csrf)
      .send({ id: randomUUID(), body: 'Anhang', fileIds })
      .expect(201)
  ).body.data as PostDTO;
const exists = async (id: string) => (await findFile(id, POST_FILES_BUCKET)) !== null;

beforeAll(async () => {
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  ({ ids, s } = await makeFeedPeople(app, 'fc'));
  room = await makeRoom({
    createdBy: ids.owner,
    members: [
      { personId: ids.owner, role: 'owner' },
      { personId: ids.alice, role: 'member' },
    ],
  });
});

describe('unattached post uploads', () => {
  it('removes uploads older than a day that no post lists; keeps listed and young ones', async () => {
    const abandoned = await upload('alice', 'weg.txt');
    const attached = await upload('alice', 'bleibt.txt');
    const ofDeleted = await upload('alice', 'geloescht.txt');
    await createPost('alice', [attached]);
    const gone = await createPost('alice', [ofDeleted]);
    await s.alice.agent
      .delete(`/api/rooms/${room}/posts/${gone.id}`)
      .set('X-CSRF-Token', s.alice.csrf)
      .expect(200);

    expect(await removeUnattachedPostFiles()).toBe(0); // all younger than a day
    expect(await exists(abandoned)).toBe(true);

    expect(await removeUnattachedPostFiles(DAY_LATER())).toBe(1);
    expect(await exists(abandoned)).toBe(false);
    expect(await exists(attached)).toBe(true);
    expect(await exists(ofDeleted)).toBe(true); // the deleted post's document still lists it
    expect(await removeUnattachedPostFiles(DAY_LATER())).toBe(0);
  });

  it('checks again before deleting: a post made after the list was read keeps its file', async () => {
    const late = await upload('alice', 'spaet.txt');
    expect(await unattachedPostFiles(DAY_LATER())).toContain(late);
    await createPost('alice', [late]);
    expect(await removePostFileIfUnattached(late)).toBe(false);
    expect(await exists(late)).toBe(true);
    await s.alice.agent.get(`/api/rooms/${room}/post-files/${late}`).expect(200);
  });
});

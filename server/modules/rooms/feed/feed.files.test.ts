import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PostDTO, RoomFileRefDTO } from '@shared/rooms/types';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, session, type Session } from '../../../test/app';
import { changeRoomMembers } from '../member.store';
import { registerRoomActivity, unreadFor } from '../activity/activity';
import { makeFeedPeople, makeRoom, type Who } from './feed.fixtures';

useTestDatabase();

let app: Express;
let ids: Record<Who, string>;
let s: Record<Who, Session>;
let room: string;
let other: string;
let archived: string;
let photo: Buffer;

const filesUrl = (r: string) => `/api/rooms/${r}/post-files`;
const upload = (who: Who, r: string, body: Buffer, name: string, uploadId?: string) => {
  const req = s[who].agent.post(filesUrl(r)).set('X-CSRF-Token', s[who].csrf);
  if (uploadId) req.field('uploadId', uploadId);
  return req.attach('file', body, name);
};
const download = (who: Who, url: string) =>
  s[who].agent
    .get(url)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
const write = (who: Who, url: string, body?: object) =>
  s[who].agent.post(url).set('X-CSRF-Token', s[who].csrf).send(body);

beforeAll(async () => {
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  ({ ids, s } = await makeFeedPeople(app, 'ff'));
  const members = [
    { personId: ids.owner, role: 'owner' as const },
    { personId: ids.alice, role: 'member' as const },
    { personId: ids.bob, role: 'member' as const },
    { personId: ids.dave, role: 'member' as const },
  ];
  room = await makeRoom({ createdBy: ids.owner, members, visibility: 'secret' });
  other = await makeRoom({ createdBy: ids.owner, members });
  archived = await makeRoom({ createdBy: ids.owner, members, archived: true });
  photo = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#0a0' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'standort-geheim' } })
    .toBuffer();
});

describe('post files', () => {
  it('stores images without metadata and serves them inline with nosniff; others as attachment', async () => {
    const res = await upload('alice', room, photo, 'Foto.JPG').expect(201);
    const f = res.body.data as RoomFileRefDTO;
    expect(f).toMatchObject({ name: 'Foto.jpg', contentType: 'image/jpeg', isImage: true });
    expect(f.url).toBe(`/api/rooms/${room}/post-files/${f.id}`);
    const got = await download('bob', f.url).expect(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toMatch(/^inline; /);
    expect((got.body as Buffer).includes(Buffer.from('standort-geheim'))).toBe(false);

    const html = await upload('alice', room, Buffer.from('<html><script>x</script>'), 'a.html');
    expect(html.status).toBe(201);
    const h = html.body.data as RoomFileRefDTO;
    expect(h).toMatchObject({
      contentType: 'text/plain; charset=utf-8',
      isImage: false,
      name: 'a.html.txt',
    });
    const dl = await download('bob', h.url).expect(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; /);
    expect(dl.headers['content-security-policy']).toContain('sandbox');
  });

  it('same uploadId stores once; refuses non-members (404), archived (409), too large (413), no file (400)', async () => {
    const uploadId = randomUUID();
    const a = await upload('alice', room, Buffer.from('Notiz'), 'n.txt', uploadId).expect(201);
    const b = await upload('alice', room, Buffer.from('Notiz'), 'n.txt', uploadId).expect(200);
    expect(b.body.data.id).toBe(a.body.data.id);
    await upload('carol', room, Buffer.from('x'), 'x.txt').expect(404);
    await upload('carol', other, Buffer.from('x'), 'x.txt').expect(403);
    const arch = await upload('alice', archived, Buffer.from('x'), 'x.txt').expect(409);
    expect(arch.body.error.code).toBe('room_archived');
    await upload('alice', room, Buffer.alloc(20 * 1024 * 1024 + 1, 1), 'big.bin').expect(413);
    await s.alice.agent.post(filesUrl(room)).set('X-CSRF-Token', s.alice.csrf).expect(400);
    const anon = await session(app);
    await anon.agent
      .post(filesUrl(room))
      .set('X-CSRF-Token', anon.csrf)
      .attach('file', Buffer.from('x'), 'x.txt')
      .expect(401);
  });

  it('downloads: members only, the file must belong to this room; removed members lose access at once', async () => {
    const f = (await upload('alice', room, Buffer.from('Protokoll'), 'p.txt').expect(201)).body
      .data as RoomFileRefDTO;
    await s.carol.agent.get(f.url).expect(404);
    await request(app).get(f.url).expect(401);
    const ok = await s.dave.agent.get(f.url).expect(200);
    // Revalidated on every show, so a removed member's browser stops showing it at once.
    expect(ok.headers['cache-control']).toBe('private, no-cache');
    expect(ok.headers.etag).toBe(`"${f.id}"`);
    await s.dave.agent.get(f.url).set('If-None-Match', `"${f.id}"`).expect(304);
    await s.bob.agent.get(`/api/rooms/${other}/post-files/${f.id}`).expect(404);
    await s.bob.agent.get(`/api/rooms/${room}/post-files/0123456789abcdef01234567`).expect(404);
    await changeRoomMembers(room, ids.owner, { remove: [ids.dave] });
    await s.dave.agent.get(f.url).expect(404);
    await s.dave.agent.get(f.url).set('If-None-Match', `"${f.id}"`).expect(404);
    await s.dave.agent.get(`/api/rooms/${room}/feed`).expect(404);
  });

  it('a post shows only uploads of its author to this room', async () => {
    const mine = (await upload('alice', room, photo, 'bild.jpg').expect(201)).body
      .data as RoomFileRefDTO;
    const bobs = (await upload('bob', room, Buffer.from('x'), 'b.txt').expect(201)).body
      .data as RoomFileRefDTO;
    const elsewhere = (await upload('alice', other, Buffer.from('y'), 'c.txt').expect(201)).body
      .data as RoomFileRefDTO;
    const posts = `/api/rooms/${room}/posts`;
    const refused = await write('alice', posts, {
      id: randomUUID(),
      body: 'Fremd',
      fileIds: [bobs.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_attachment');
    await write('alice', posts, { id: randomUUID(), body: 'x', fileIds: [elsewhere.id] }).expect(
      400,
    );
    const ok = await write('alice', posts, {
      id: randomUUID(),
      body: 'Mit Bild',
      fileIds: [mine.id],
    }).expect(201);
    expect((ok.body.data as PostDTO).files).toEqual([mine]);
  });
});

describe('seen and unread', () => {
  it('POST /seen: members only; new posts and comments by others count as unread until seen', async () => {
    const off = registerRoomActivity();
    try {
      const seen = `/api/rooms/${other}/seen`;
      const anon = await session(app);
      await anon.agent.post(seen).set('X-CSRF-Token', anon.csrf).expect(401);
      await write('carol', seen).expect(403);
      await write('carol', `/api/rooms/${room}/seen`).expect(404);
      await write('bob', seen).expect(200);
      const p = await write('alice', `/api/rooms/${other}/posts`, {
        id: randomUUID(),
        body: 'Neu',
      }).expect(201);
      await write('alice', `/api/rooms/${other}/posts/${p.body.data.id}/comments`, {
        id: randomUUID(),
        body: 'Und noch',
      }).expect(201);
      await s.alice.agent
        .put(`/api/rooms/${other}/posts/${p.body.data.id}/reactions`)
        .set('X-CSRF-Token', s.alice.csrf)
        .send({ reaction: 'like', on: true })
        .expect(200);
      await vi.waitFor(async () => {
        expect((await unreadFor(ids.bob, [other])).get(other)?.unread).toBe(2);
      });
      expect((await unreadFor(ids.alice, [other])).get(other)?.unread).toBe(0);
      const res = await write('bob', seen).expect(200);
      expect(typeof res.body.data.seenAt).toBe('string');
      expect((await unreadFor(ids.bob, [other])).get(other)?.unread).toBe(0);
    } finally {
      off();
    }
  });
});

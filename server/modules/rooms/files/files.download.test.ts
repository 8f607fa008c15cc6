import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import sharp from 'sharp';
import type { RoomFileDTO } from '@shared/rooms/types';
import { useTestDatabase } from '../../../test/db';
import { TEST_ORIGIN, makeTestApp, type Session } from '../../../test/app';
import { changeRoomMembers } from '../member.store';
import { PDF, bytes, makeFilesWorld, type Who } from './files.fixtures';
import { RoomFileModel } from './files.model';

useTestDatabase();

let app: Express;
let s: Record<Who, Session>;
let ids: Record<Who, string>;
const rooms = {} as Record<'open' | 'secret' | 'off' | 'archived' | 'closed', string>;
let pdf: RoomFileDTO;
let photo: RoomFileDTO;
let text: RoomFileDTO;

const R = (roomId: string) => `/api/rooms/${roomId}`;
const upload = (who: Who, roomId: string, body: Buffer, name: string, fields: object = {}) => {
  const req = s[who].agent.post(`${R(roomId)}/files`).set('X-CSRF-Token', s[who].csrf);
  for (const [k, v] of Object.entries(fields)) req.field(k, String(v));
  return req.attach('file', body, name);
};
const get = (who: Who, path: string) => bytes(s[who].agent.get(path));

beforeAll(async () => {
  app = makeTestApp();
  let makeRoom: Awaited<ReturnType<typeof makeFilesWorld>>['makeRoom'];
  ({ ids, s, makeRoom } = await makeFilesWorld(app, 'rd'));
  rooms.open = await makeRoom('open');
  rooms.secret = await makeRoom('secret');
  rooms.closed = await makeRoom('closed');
  rooms.off = await makeRoom('open', { files: false });
  rooms.archived = await makeRoom('open');
  const jpeg = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#c00' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'geheimer-standort' } })
    .toBuffer();
  pdf = (await upload('member', rooms.open, PDF, 'Plan.pdf').expect(201)).body.data;
  photo = (await upload('member', rooms.open, jpeg, 'Foto.JPG').expect(201)).body.data;
  text = (await upload('member', rooms.open, Buffer.from('<b>x</b>'), 'n.txt').expect(201)).body
    .data;
  await upload('member', rooms.archived, PDF, 'Alt.pdf').expect(201);
  const { RoomModel } = await import('../room.model');
  const { rememberRoom } = await import('../room-index');
  await RoomModel.updateOne({ _id: rooms.archived }, { $set: { archived: true } });
  await rememberRoom(rooms.archived);
});

describe('room file downloads', () => {
  it('downloads as attachment with nosniff, no-store and a sandbox', async () => {
    const res = await get('member2', pdf.url).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Plan.pdf"');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect((res.body as Buffer).equals(PDF)).toBe(true);
  });

  it('previews images and PDF inline (sandboxed, same origin frames only); nothing else', async () => {
    const p = await get('member', pdf.previewUrl!).expect(200);
    expect(p.headers['content-disposition']).toMatch(/^inline; /);
    expect(p.headers['content-security-policy']).toMatch(/(^|; )sandbox(;|$)/);
    expect(p.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const img = await get('member', photo.previewUrl!).expect(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect((img.body as Buffer).includes(Buffer.from('geheimer-standort'))).toBe(false);
    expect(text.preview).toBeNull();
    expect(text.previewUrl).toBeNull();
    await get('member', `${R(rooms.open)}/files/${text.id}/preview`).expect(404);
  });

  it('serves each version; an unknown version is 404, a bad one 400', async () => {
    await upload('member', rooms.open, Buffer.from('Stand 2'), 'egal.txt', {
      fileId: text.id,
    }).expect(200);
    const v1 = await get('member2', `${R(rooms.open)}/files/${text.id}/versions/1`).expect(200);
    expect((v1.body as Buffer).toString()).toBe('<b>x</b>');
    expect(v1.headers['content-disposition']).toMatch(/^attachment; /);
    const v2 = await get('member2', `${R(rooms.open)}/files/${text.id}/versions/2`).expect(200);
    expect((v2.body as Buffer).toString()).toBe('Stand 2');
    expect(((await get('member2', text.url)).body as Buffer).toString()).toBe('Stand 2');
    await get('member2', `${R(rooms.open)}/files/${text.id}/versions/3`).expect(404);
    await get('member2', `${R(rooms.open)}/files/${text.id}/versions/0`).expect(400);
  });

  it('never serves a .html renamed .pdf as HTML; path-traversal names are stored harmless', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const up = await upload('member', rooms.open, html, 'angriff.pdf').expect(201);
    const f = up.body.data as RoomFileDTO;
    expect(f.contentType).toBe('text/plain; charset=utf-8');
    expect(f.name).toBe('angriff.pdf.txt');
    expect(f.preview).toBeNull();
    const res = await get('member', f.url).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>');
    const s2 = (await upload('member', rooms.open, svg, 'bild.svg').expect(201)).body.data;
    expect(s2.preview).toBeNull();
    const trav = (await upload('member', rooms.open, PDF, '../../etc/passwd.pdf').expect(201)).body
      .data;
    expect(trav.name).toBe('passwd.pdf');
    const folder = await s.member.agent
      .post(`${R(rooms.open)}/folders`)
      .set('X-CSRF-Token', s.member.csrf)
      .send({ name: '../..' })
      .expect(201);
    expect(folder.body.data.name).not.toMatch(/[/\\]|^\./);
    const ren = await s.member.agent
      .patch(`${R(rooms.open)}/files/${trav.id}`)
      .set('X-CSRF-Token', s.member.csrf)
      .send({ name: '..\\..\\boot.ini' })
      .expect(200);
    expect(ren.body.data.name).toBe('boot.ini.pdf');
    const stored = await RoomFileModel.findById(trav.id).lean();
    expect(stored?.name).toBe('boot.ini.pdf');
  });
});

describe('room file access', () => {
  it('401 without a session', async () => {
    const anon = request(app);
    await anon.get(`${R(rooms.open)}/files`).expect(401);
    await anon.get(pdf.url).expect(401);
    await anon
      .post(`${R(rooms.open)}/files`)
      .set('Origin', TEST_ORIGIN)
      .expect((r) => {
        expect([401, 403]).toContain(r.status);
      });
  });

  it('outsiders get 404 on list, download, preview and versions (open, closed and secret rooms)', async () => {
    for (const roomId of [rooms.open, rooms.closed, rooms.secret]) {
      await s.outsider.agent.get(`${R(roomId)}/files`).expect(roomId === rooms.secret ? 404 : 403);
    }
    await get('outsider', pdf.url).expect(403);
    const secretFile = (await upload('member', rooms.secret, PDF, 'Geheim.pdf').expect(201)).body
      .data;
    for (const url of [secretFile.url, secretFile.previewUrl, secretFile.versions[0].url]) {
      await get('outsider', url).expect(404);
    }
    await upload('outsider', rooms.secret, PDF, 'x.pdf').expect(404);
    await get('member', `${R(rooms.open)}/files/${secretFile.id}/download`).expect(404);
  });

  it('a removed member gets 404 at once', async () => {
    const f = (await upload('leaver', rooms.secret, PDF, 'Meins.pdf').expect(201)).body.data;
    await get('leaver', f.url).expect(200);
    await changeRoomMembers(rooms.secret, ids.owner, { remove: [ids.leaver] });
    await get('leaver', f.url).expect(404);
    await get('leaver', f.previewUrl).expect(404);
    await get('leaver', f.versions[0].url).expect(404);
    await s.leaver.agent.get(`${R(rooms.secret)}/files`).expect(404);
  });

  it('a disabled module is 404; an archived room reads but refuses writes (409)', async () => {
    await s.member.agent.get(`${R(rooms.off)}/files`).expect(404);
    await upload('member', rooms.off, PDF, 'x.pdf').expect(404);
    const listed = await s.member.agent.get(`${R(rooms.archived)}/files`).expect(200);
    const f = listed.body.data.files[0] as RoomFileDTO;
    expect(f.abilities).toEqual({ rename: false, delete: false, newVersion: false });
    await get('member', f.url).expect(200);
    const up = await upload('member', rooms.archived, PDF, 'y.pdf');
    expect(up.status).toBe(409);
    expect(up.body.error.code).toBe('room_archived');
    await s.owner.agent
      .post(`${R(rooms.archived)}/folders`)
      .set('X-CSRF-Token', s.owner.csrf)
      .send({ name: 'Neu' })
      .expect(409);
  });

  it('refuses files over 50 MB with 413 and an upload without a file with 400', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 32);
    const res = await upload('member', rooms.open, big, 'gross.txt');
    expect(res.status).toBe(413);
    await s.member.agent
      .post(`${R(rooms.open)}/files`)
      .set('X-CSRF-Token', s.member.csrf)
      .field('folderId', '')
      .expect(400);
  });
});

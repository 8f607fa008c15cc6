import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import mongoose from 'mongoose';
import type { RoomFileDTO, RoomFilesDTO, RoomFolderDTO } from '@shared/rooms/types';
import { events, type DomainEvents } from '../../../lib/events';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { AuditModel } from '../../audit/audit.model';
import { PDF, makeFilesWorld, type Who } from './files.fixtures';
import { ROOM_FILES_BUCKET } from './files.model';

useTestDatabase();

let app: Express;
let ids: Record<Who, string>;
let s: Record<Who, Session>;
let room: string;
let makeRoom: Awaited<ReturnType<typeof makeFilesWorld>>['makeRoom'];

const R = (roomId: string) => `/api/rooms/${roomId}`;
const send = (who: Who, method: 'post' | 'patch' | 'delete', path: string, body?: object) =>
  s[who].agent[method](path)
    .set('X-CSRF-Token', s[who].csrf)
    .send(body ?? {});
const list = async (who: Who, roomId: string, folderId?: string) =>
  (
    await s[who].agent
      .get(`${R(roomId)}/files`)
      .query(folderId ? { folderId } : {})
      .expect(200)
  ).body.data as RoomFilesDTO;
const upload = (who: Who, roomId: string, body: Buffer, name: string, fields: object = {}) => {
  const req = s[who].agent.post(`${R(roomId)}/files`).set('X-CSRF-Token', s[who].csrf);
  for (const [k, v] of Object.entries(fields)) req.field(k, String(v));
  return req.attach('file', body, name);
};
const folder = async (who: Who, roomId: string, name: string, parentId: string | null = null) =>
  (await send(who, 'post', `${R(roomId)}/folders`, { name, parentId }).expect(201)).body
    .data as RoomFolderDTO;
const gridCount = () =>
  mongoose.connection.db!.collection(`${ROOM_FILES_BUCKET}.files`).countDocuments();

beforeAll(async () => {
  app = makeTestApp();
  ({ ids, s, makeRoom } = await makeFilesWorld(app, 'rf'));
  room = await makeRoom('open');
});

describe('room folders', () => {
  it('creates nested folders with breadcrumbs; names unique among siblings (409)', async () => {
    const a = await folder('member', room, 'Protokolle');
    expect(a).toMatchObject({ name: 'Protokolle', parentId: null });
    expect(a.abilities).toEqual({ rename: true, delete: false });
    const b = await folder('member', room, '2026', a.id);
    await send('member2', 'post', `${R(room)}/folders`, { name: 'protokolle' }).expect(409);
    await folder('member2', room, 'Protokolle', b.id); // same name elsewhere is fine
    const inner = await list('member', room, b.id);
    expect(inner.breadcrumbs.map((c) => c.name)).toEqual(['Protokolle', '2026']);
    expect(inner.folders.map((f) => f.name)).toEqual(['Protokolle']);
    const top = await list('mod', room);
    expect(top.folder).toBeNull();
    expect(top.folders.find((f) => f.id === a.id)?.abilities).toEqual({
      rename: true,
      delete: true,
    });
    await send('member', 'post', `${R(room)}/folders`, {
      name: 'x',
      parentId: b.id.replace(/./, 'f'),
    }).expect(404);
  });

  it('renames and moves; into itself or below itself is 400; others cannot rename (403)', async () => {
    const a = await folder('member', room, 'Alt');
    const b = await folder('member', room, 'Kind', a.id);
    await send('member', 'patch', `${R(room)}/folders/${a.id}`, { parentId: b.id }).expect(400);
    const self = await send('member', 'patch', `${R(room)}/folders/${a.id}`, { parentId: a.id });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('move_into_own_subtree');
    await send('member2', 'patch', `${R(room)}/folders/${a.id}`, { name: 'Fremd' }).expect(403);
    const renamed = await send('mod', 'patch', `${R(room)}/folders/${a.id}`, {
      name: 'Neu',
    }).expect(200);
    expect(renamed.body.data.name).toBe('Neu');
    const moved = await send('member', 'patch', `${R(room)}/folders/${b.id}`, {
      parentId: null,
    }).expect(200);
    expect(moved.body.data.parentId).toBeNull();
    await send('member', 'patch', `${R(room)}/folders/${b.id}`, { name: 'Neu' }).expect(409);
  });

  it('deletes: moderators only; a folder with content only with recursive=true', async () => {
    const a = await folder('member', room, 'Weg');
    const b = await folder('member', room, 'Darunter', a.id);
    await upload('member', room, PDF, 'plan.pdf', { folderId: b.id }).expect(201);
    const before = await gridCount();
    await send('member', 'delete', `${R(room)}/folders/${a.id}?recursive=true`).expect(403);
    const full = await send('mod', 'delete', `${R(room)}/folders/${a.id}`);
    expect(full.status).toBe(409);
    expect(full.body.error.details[0].code).toBe('folder_not_empty');
    const done = await send('mod', 'delete', `${R(room)}/folders/${a.id}?recursive=true`).expect(
      200,
    );
    expect(done.body.data).toEqual({ folders: 2, files: 1 });
    expect(await gridCount()).toBe(before - 1);
    await s.member.agent
      .get(`${R(room)}/files`)
      .query({ folderId: b.id })
      .expect(404);
    const entry = await AuditModel.findOne({
      action: 'rooms.folder_deleted',
      subjectId: a.id,
    }).lean();
    expect(entry?.actorId ? String(entry.actorId) : null).toBe(ids.mod);
  });
});

describe('room file uploads', () => {
  it('uploads into a folder, names a collision "Name (2).ext", publishes activity', async () => {
    const seen: DomainEvents['rooms.content_changed'][] = [];
    const off = events.on('rooms.content_changed', (e) => void seen.push(e));
    const f = await folder('member', room, 'Berichte');
    const first = (await upload('member', room, PDF, 'Bericht.pdf', { folderId: f.id }).expect(201))
      .body.data as RoomFileDTO;
    expect(first).toMatchObject({
      name: 'Bericht.pdf',
      folderId: f.id,
      contentType: 'application/pdf',
      version: 1,
      preview: 'pdf',
      size: PDF.length,
    });
    expect(first.uploadedBy.id).toBe(ids.member);
    expect(first.abilities).toEqual({ rename: true, delete: true, newVersion: true });
    const second = (
      await upload('member2', room, PDF, 'bericht.PDF', { folderId: f.id }).expect(201)
    ).body.data as RoomFileDTO;
    expect(second.name).toBe('bericht (2).pdf');
    const third = await upload('member2', room, PDF, 'Bericht.pdf', { folderId: f.id }).expect(201);
    expect(third.body.data.name).toBe('Bericht (3).pdf');
    const inFolder = await list('member2', room, f.id);
    expect(inFolder.files.map((x) => x.name).sort()).toEqual(
      ['Bericht (3).pdf', 'Bericht.pdf', 'bericht (2).pdf'].sort(),
    );
    expect(inFolder.files.find((x) => x.id === first.id)?.abilities).toEqual({
      rename: false,
      delete: false,
      newVersion: true,
    });
    off();
    expect(seen.filter((e) => e.module === 'file')).toHaveLength(3);
    expect(seen.find((e) => e.itemId === first.id)).toMatchObject({
      activity: true,
      kind: 'created',
    });
  });

  it('adds a version of the same type; another type is 400; an unknown file or folder 404', async () => {
    const f = (await upload('member', room, Buffer.from('Stand 1'), 'notiz.txt').expect(201)).body
      .data as RoomFileDTO;
    const v2 = await upload('member2', room, Buffer.from('Stand 2'), 'anders.txt', {
      fileId: f.id,
    }).expect(200);
    expect(v2.body.data).toMatchObject({ id: f.id, name: 'notiz.txt', version: 2 });
    expect((v2.body.data as RoomFileDTO).versions.map((v) => v.version)).toEqual([2, 1]);
    expect((v2.body.data as RoomFileDTO).uploadedBy.id).toBe(ids.member2);
    const wrong = await upload('member', room, PDF, 'x.pdf', { fileId: f.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0]).toMatchObject({ path: 'file', code: 'file_type' });
    const nobody = new mongoose.Types.ObjectId().toHexString();
    await upload('member', room, PDF, 'x.pdf', { fileId: nobody }).expect(404);
    await upload('member', room, PDF, 'x.pdf', { folderId: nobody }).expect(404);
    await upload('member', room, PDF, 'x.pdf', { folderId: 'nope' }).expect(400);
  });

  it('renames (extension kept) and moves; taken names 409; only author or moderator', async () => {
    const f = (await upload('member', room, PDF, 'Entwurf.pdf').expect(201)).body
      .data as RoomFileDTO;
    await upload('member', room, PDF, 'Final.pdf').expect(201);
    await send('member', 'patch', `${R(room)}/files/${f.id}`, { name: 'final.pdf' }).expect(409);
    await send('member2', 'patch', `${R(room)}/files/${f.id}`, { name: 'Fremd.pdf' }).expect(403);
    const html = await send('member', 'patch', `${R(room)}/files/${f.id}`, {
      name: 'seite.html',
    }).expect(200);
    expect(html.body.data.name).toBe('seite.html.pdf');
    const dir = await folder('member', room, 'Ablage');
    const moved = await send('mod', 'patch', `${R(room)}/files/${f.id}`, {
      folderId: dir.id,
    }).expect(200);
    expect(moved.body.data.folderId).toBe(dir.id);
    expect((await list('member', room, dir.id)).files.map((x) => x.id)).toEqual([f.id]);
    await send('member', 'patch', `${R(room)}/files/${f.id}`, { folderId: f.id }).expect(404);
  });

  it('deletes with every version (author or moderator), audited', async () => {
    const f = (await upload('member', room, Buffer.from('a'), 'weg.txt').expect(201)).body
      .data as RoomFileDTO;
    await upload('member', room, Buffer.from('b'), 'weg.txt', { fileId: f.id }).expect(200);
    const before = await gridCount();
    await send('member2', 'delete', `${R(room)}/files/${f.id}`).expect(403);
    await send('mod', 'delete', `${R(room)}/files/${f.id}`).expect(200);
    expect(await gridCount()).toBe(before - 2);
    await send('mod', 'delete', `${R(room)}/files/${f.id}`).expect(404);
    await s.member.agent.get(`${R(room)}/files/${f.id}/download`).expect(404);
    const entry = await AuditModel.findOne({
      action: 'rooms.file_deleted',
      subjectId: f.id,
    }).lean();
    expect(entry).not.toBeNull();
    const mine = (await upload('member2', room, Buffer.from('c'), 'eigen.txt').expect(201)).body
      .data;
    await send('member2', 'delete', `${R(room)}/files/${mine.id}`).expect(200);
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import mongoose from 'mongoose';
import type { RoomFileDTO, RoomFilesDTO } from '@shared/rooms/types';
import { events, type DomainEvents } from '../../../lib/events';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { PDF, makeFilesWorld, type Who } from './files.fixtures';
import { clearFileTrees } from './file-tree';
import { ROOM_FILES_BUCKET, RoomFileModel } from './files.model';

useTestDatabase();

let app: Express;
let s: Record<Who, Session>;
let room: string;

const R = (roomId: string) => `/api/rooms/${roomId}`;
const upload = (who: Who, body: Buffer, name: string, fields: Record<string, string> = {}) => {
  const req = s[who].agent.post(`${R(room)}/files`).set('X-CSRF-Token', s[who].csrf);
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  return req.attach('file', body, name);
};
const list = async () =>
  (await s.member.agent.get(`${R(room)}/files`).expect(200)).body.data as RoomFilesDTO;
const gridCount = () =>
  mongoose.connection.db!.collection(`${ROOM_FILES_BUCKET}.files`).countDocuments();

beforeAll(async () => {
  app = makeTestApp();
  const world = await makeFilesWorld(app, 'rfu');
  s = world.s;
  room = await world.makeRoom('open');
});

describe('room file uploads are idempotent by uploadId', () => {
  it('20 parallel attempts of one upload store one file (bytes once, one event)', async () => {
    const seen: DomainEvents['rooms.content_changed'][] = [];
    const off = events.on('rooms.content_changed', (e) => void seen.push(e));
    const gridBefore = await gridCount();
    const uploadId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => upload('member', PDF, 'Einmal.pdf', { uploadId })),
    );
    off();
    expect(answers.map((a) => a.status).sort((a, b) => b - a)).toEqual([
      201,
      ...Array(19).fill(200),
    ]);
    const fileIds = new Set(answers.map((a) => (a.body.data as RoomFileDTO).id));
    expect(fileIds.size).toBe(1);
    const files = (await list()).files.filter((f) => f.name.startsWith('Einmal'));
    expect(files.map((f) => f.name)).toEqual(['Einmal.pdf']);
    expect(await gridCount()).toBe(gridBefore + 1);
    expect(seen.filter((e) => e.module === 'file')).toHaveLength(1);
    // A later retry (the answer was lost) gets the same file.
    const again = await upload('member', PDF, 'Einmal.pdf', { uploadId }).expect(200);
    expect(again.body.data.id).toBe([...fileIds][0]);
  });

  it('a retried new version is one version; the id on another file is 409', async () => {
    const f = (await upload('member', Buffer.from('Stand 1'), 'stand.txt').expect(201)).body
      .data as RoomFileDTO;
    const uploadId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        upload('member2', Buffer.from('Stand 2'), 'stand.txt', { fileId: f.id, uploadId }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(200));
    const now = (await list()).files.find((x) => x.id === f.id);
    expect(now?.version).toBe(2);
    const other = (await upload('member', Buffer.from('x'), 'anderes.txt').expect(201)).body
      .data as RoomFileDTO;
    const reused = await upload('member2', Buffer.from('Stand 2'), 'stand.txt', {
      fileId: other.id,
      uploadId,
    });
    expect(reused.status).toBe(409);
    expect((await list()).files.find((x) => x.id === other.id)?.version).toBe(1);
  });

  it("someone else's uploadId is refused (409); a malformed one is 400", async () => {
    const uploadId = randomUUID();
    await upload('member', PDF, 'Meins.pdf', { uploadId }).expect(201);
    await upload('member2', PDF, 'Meins.pdf', { uploadId }).expect(409);
    const bad = await upload('member', PDF, 'x.pdf', { uploadId: 'nope' }).expect(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'uploadId' });
  });
});

describe('room file versions across instances', () => {
  it('a version stored by another instance (this cache stale) is kept when one is added here', async () => {
    const f = (await upload('member', Buffer.from('Stand 1'), 'verlauf.txt').expect(201)).body
      .data as RoomFileDTO;
    // Another instance appends version 2; this instance's tree does not know yet.
    const elsewhere = {
      gridId: new mongoose.Types.ObjectId().toHexString(),
      size: 7,
      contentType: 'text/plain',
      uploadedBy: f.uploadedBy.id,
      at: new Date(),
    };
    await RoomFileModel.updateOne({ _id: f.id }, { $push: { versions: elsewhere } });
    const here = await upload('member2', Buffer.from('Stand 3'), 'verlauf.txt', { fileId: f.id });
    expect(here.status).toBe(200);
    expect(here.body.data.version).toBe(3);
    clearFileTrees();
    const now = (await list()).files.find((x) => x.id === f.id);
    expect(now?.version).toBe(3);
  });
});

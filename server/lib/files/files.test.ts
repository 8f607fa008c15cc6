import { describe, expect, it, beforeAll } from 'vitest';
import express, { type Express } from 'express';
import request from 'supertest';
import mongoose from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { errorHandler } from '../../middleware/error-handler';
import { deleteFile, findFile, openDownload, readFile, saveFile } from './gridfs';
import { sniffType } from './sniff';
import { uploadMiddleware, uploadedFiles } from './upload';

useTestDatabase();

const owner = { ownerType: 'room', ownerId: 'r1', uploadedBy: 'p1' };
const count = (bucket: string, kind: 'files' | 'chunks') =>
  mongoose.connection.db!.collection(`${bucket}.${kind}`).countDocuments();

describe('GridFS file service', () => {
  it('stores, finds, streams and deletes a file', async () => {
    const body = Buffer.alloc(600_000, 7); // more than two chunks
    const saved = await saveFile({
      buffer: body,
      filename: 'Protokoll.pdf',
      contentType: 'application/pdf',
      metadata: owner,
      bucket: 't1',
    });
    expect(saved.created).toBe(true);
    expect(saved.length).toBe(body.length);
    const found = await findFile(saved.id, 't1');
    expect(found).toMatchObject({
      filename: 'Protokoll.pdf',
      contentType: 'application/pdf',
      metadata: owner,
    });
    expect((await readFile(saved.id, 't1'))?.equals(body)).toBe(true);
    expect(await count('t1', 'chunks')).toBe(3);
    expect(await deleteFile(saved.id, 't1')).toBe(true);
    expect(await findFile(saved.id, 't1')).toBeNull();
    expect(await openDownload(saved.id, 't1')).toBeNull();
    expect(await count('t1', 'chunks')).toBe(0);
    expect(await deleteFile(saved.id, 't1')).toBe(false);
    expect(await findFile('not-an-id', 't1')).toBeNull();
  });

  it('stores a retried upload (same uploadId) once, also when the attempts race', async () => {
    const input = {
      buffer: Buffer.from('hello'),
      filename: 'a.txt',
      contentType: 'text/plain',
      metadata: { ...owner, uploadId: 'c0ffee00-0000-4000-8000-000000000001' },
      bucket: 't2',
    };
    const [a, b, c] = await Promise.all([saveFile(input), saveFile(input), saveFile(input)]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect([a, b, c].filter((f) => f.created)).toHaveLength(1);
    const again = await saveFile(input);
    expect(again).toMatchObject({ id: a.id, created: false });
    expect(await count('t2', 'files')).toBe(1);
    expect(await count('t2', 'chunks')).toBe(1);
    // Uploads without an id never collide with each other.
    const { uploadId: _drop, ...noId } = input.metadata;
    await saveFile({ ...input, metadata: noId });
    await saveFile({ ...input, metadata: noId });
    expect(await count('t2', 'files')).toBe(3);
  });

  it("refuses another uploader's uploadId with 409", async () => {
    const input = {
      buffer: Buffer.from('x'),
      filename: 'x.txt',
      contentType: 'text/plain',
      metadata: { ...owner, uploadId: 'c0ffee00-0000-4000-8000-000000000002' },
      bucket: 't3',
    };
    await saveFile(input);
    await expect(
      saveFile({ ...input, metadata: { ...input.metadata, uploadedBy: 'p2' } }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe('sniffType', () => {
  it('trusts magic bytes, not names or declared types', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
      'hex',
    );
    await expect(sniffType(png, ['image/png'])).resolves.toEqual({ mime: 'image/png', ext: 'png' });
    await expect(sniffType(Buffer.from('just text'), ['image/png'], 'photo')).rejects.toMatchObject(
      {
        status: 400,
        details: [{ path: 'photo', code: 'file_type' }],
      },
    );
    await expect(sniffType(png, ['image/jpeg'])).rejects.toMatchObject({ status: 400 });
  });
});

describe('uploadMiddleware', () => {
  let app: Express;
  beforeAll(() => {
    app = express();
    app.post(
      '/up',
      uploadMiddleware({ field: 'file', maxBytes: 1000, maxFiles: 2 }),
      (req, res) => {
        res.json({ sizes: uploadedFiles(req, 'file').map((f) => f.size) });
      },
    );
    app.use(errorHandler);
  });

  it('accepts files within the limits', async () => {
    const res = await request(app)
      .post('/up')
      .attach('file', Buffer.alloc(1000), 'a.bin')
      .attach('file', Buffer.alloc(10), 'b.bin')
      .expect(200);
    expect(res.body.sizes).toEqual([1000, 10]);
  });

  it('answers 413 for a file over the size limit', async () => {
    const res = await request(app).post('/up').attach('file', Buffer.alloc(1001), 'a.bin');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers 400 for too many files, an unexpected field, no file, or a broken body', async () => {
    const many = await request(app)
      .post('/up')
      .attach('file', Buffer.alloc(1), 'a')
      .attach('file', Buffer.alloc(1), 'b')
      .attach('file', Buffer.alloc(1), 'c');
    expect(many.status).toBe(400);
    const other = await request(app).post('/up').attach('other', Buffer.alloc(1), 'a');
    expect(other.status).toBe(400);
    const none = await request(app).post('/up').field('x', 'y');
    expect(none.status).toBe(400);
    expect(none.body.error.details[0]).toMatchObject({ path: 'file', code: 'required' });
    const broken = await request(app)
      .post('/up')
      .set('Content-Type', 'multipart/form-data; boundary=zzz')
      .send('--zzz\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc');
    expect(broken.status).toBe(400);
  });
});

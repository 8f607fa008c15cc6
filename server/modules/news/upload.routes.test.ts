import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { Types } from 'mongoose';
import sharp from 'sharp';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session, type Session } from '../../test/app';
import { makeArticle, makeNewsOrg, type NewsOrg } from './engagement.fixtures';

useTestDatabase();

let app: Express;
let org: NewsOrg;
let png: Buffer;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const s: Record<string, Session> = {};
const oid = () => String(new Types.ObjectId());

beforeAll(async () => {
  app = makeTestApp();
  org = await makeNewsOrg();
  png = await sharp({
    create: { width: 3000, height: 150, channels: 3, background: { r: 200, g: 0, b: 0 } },
  })
    .png()
    .toBuffer();
  for (const name of ['editor', 'chaned', 'readera', 'readerb']) s[name] = await session(app, name);
});

const upload = (who: string, id: string, file: Buffer, name: string, uploadId?: string) => {
  const req = s[who]!.agent.post(`/api/news/${id}/uploads`).set('X-CSRF-Token', s[who]!.csrf);
  if (uploadId) void req.field('uploadId', uploadId);
  return req.attach('file', file, name);
};
const download = (who: string, id: string, fileId: string) =>
  s[who]!.agent.get(`/api/news/${id}/files/${fileId}`).buffer(true);

describe('news uploads', () => {
  it('re-encodes images to WebP at most 2000 px wide; a retry with the uploadId is stored once', async () => {
    const articleId = oid();
    const uploadId = randomUUID();
    const res = await upload('editor', articleId, png, 'Titelbild.png', uploadId).expect(201);
    expect(res.body.data).toMatchObject({
      kind: 'image',
      filename: 'Titelbild.webp',
      contentType: 'image/webp',
      width: 2000,
      height: 100,
      url: `/api/news/${articleId}/files/${res.body.data.fileId}`,
    });
    const again = await upload('editor', articleId, png, 'Titelbild.png', uploadId).expect(200);
    expect(again.body.data.fileId).toBe(res.body.data.fileId);
    const file = await download('editor', articleId, res.body.data.fileId).expect(200);
    expect(file.headers['content-type']).toBe('image/webp');
    expect((await sharp(file.body as Buffer).metadata()).format).toBe('webp');
  });

  it('stores documents as they are under a safe name; refuses other types (400)', async () => {
    const articleId = oid();
    const res = await upload('editor', articleId, pdf, '../<script>alert(1)</script>.txt');
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ kind: 'file', contentType: 'application/pdf' });
    expect(res.body.data.filename).not.toMatch(/[/\\]/);
    expect(res.body.data.filename).toMatch(/\.pdf$/);
    const file = await download('editor', articleId, res.body.data.fileId).expect(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
    const html = await upload(
      'editor',
      articleId,
      Buffer.from('<html><script>x</script>'),
      'a.png',
    );
    expect(html.status).toBe(400);
    expect(html.body.error.details[0]).toMatchObject({ path: 'file', code: 'file_type' });
    await upload('editor', articleId, png, 'a.png', 'not-a-uuid').expect(400);
  });

  it('401 without a session, 403 for people who may not write, 400 for a bad id', async () => {
    await request(app).get(`/api/news/${oid()}/files/${oid()}`).expect(401);
    await upload('readera', oid(), png, 'a.png').expect(403);
    const article = await makeArticle(org);
    await upload('readera', article, png, 'a.png').expect(403);
    // An office editor of the channel may upload to its articles.
    await upload('chaned', article, png, 'a.png').expect(201);
    await upload('editor', 'nope', png, 'a.png').expect(400);
  });

  it('before the article exists only the uploader downloads; then readers of referenced files', async () => {
    const articleId = oid();
    const cover = (await upload('editor', articleId, png, 'c.png').expect(201)).body.data.fileId;
    const inline = (await upload('editor', articleId, png, 'i.png').expect(201)).body.data.fileId;
    const loose = (await upload('editor', articleId, pdf, 'x.pdf').expect(201)).body.data.fileId;
    await download('chaned', articleId, cover).expect(404);
    await download('readera', articleId, cover).expect(404);

    const id = new Types.ObjectId(articleId);
    await makeArticle(
      org,
      {
        _id: id,
        cover: { fileId: new Types.ObjectId(cover), alt: 'Bild', width: 2000, height: 100 },
      },
      `<p><img src="/api/news/${articleId}/files/${inline}" alt="x"></p>`,
    );
    await download('readera', articleId, cover).expect(200);
    await download('readera', articleId, inline).expect(200);
    await download('readera', articleId, loose).expect(404); // not referenced
    await download('chaned', articleId, loose).expect(200); // may edit
    await download('readerb', articleId, cover).expect(404); // outside the audience
    await download('readera', oid(), cover).expect(404); // another article's path
    await download('readera', articleId, oid()).expect(404);
  });
});

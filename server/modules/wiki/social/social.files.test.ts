import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Response } from 'supertest';
import sharp from 'sharp';
import type { WikiFileDTO } from '@shared/wiki/types';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { makeSocialWorld, makeWikiPage, type Who } from './social.fixtures';

useTestDatabase();

let app: Express;
let ids: Record<Who, string>;
let s: Record<Who, Session>;
let spaceId: string;
let pageA: string;
let pageB: string;

const files = (p: string) => `/api/wiki/pages/${p}/files`;
const upload = (who: Who, p: string, body: Buffer, name: string, uploadId?: string) => {
  const req = s[who].agent.post(files(p)).set('X-CSRF-Token', s[who].csrf);
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

let photo: Buffer;

beforeAll(async () => {
  app = makeTestApp();
  ({ ids, s, spaceId } = await makeSocialWorld(app, 'fil'));
  pageA = await makeWikiPage({ spaceId, createdBy: ids.editor, title: 'Seite A' });
  pageB = await makeWikiPage({ spaceId, createdBy: ids.editor, title: 'Seite B' });
  photo = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#c00' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'geheimer-standort', Artist: 'Kamera 123' } })
    .toBuffer();
});

describe('wiki files', () => {
  it('stores an editor upload without image metadata, lists it, serves images inline with nosniff', async () => {
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await upload('editor', pageA, photo, 'Foto vom Amt.JPG').expect(201);
    const f = res.body.data as WikiFileDTO;
    expect(f).toMatchObject({ name: 'Foto vom Amt.jpg', contentType: 'image/jpeg', isImage: true });
    expect(f.url).toBe(`/api/wiki/pages/${pageA}/files/${f.id}`);
    const list = (await s.reader.agent.get(files(pageA)).expect(200)).body.data as WikiFileDTO[];
    expect(list.map((x) => x.id)).toEqual([f.id]);
    const got = await download('reader', f.url).expect(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toMatch(/^inline; /);
    const meta = await sharp(got.body as Buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect((got.body as Buffer).includes(Buffer.from('geheimer-standort'))).toBe(false);
  });

  it('stores a retried upload (same uploadId) once', async () => {
    const uploadId = '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b';
    const first = await upload('editor', pageB, Buffer.from('Protokoll'), 'p.txt', uploadId);
    expect(first.status).toBe(201);
    const again = await upload('editor', pageB, Buffer.from('Protokoll'), 'p.txt', uploadId);
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(first.body.data.id);
    const list = (await s.reader.agent.get(files(pageB)).expect(200)).body.data as WikiFileDTO[];
    expect(list.filter((x) => x.id === first.body.data.id)).toHaveLength(1);
  });

  it('refuses readers and commenters (403), non-members (404), bad input (400)', async () => {
    await upload('reader', pageA, Buffer.from('x'), 'a.txt').expect(403);
    await upload('commenter', pageA, Buffer.from('x'), 'a.txt').expect(403);
    await upload('outsider', pageA, Buffer.from('x'), 'a.txt').expect(404);
    const none = await s.editor.agent
      .post(files(pageA))
      .set('X-CSRF-Token', s.editor.csrf)
      .field('x', 'y');
    expect(none.status).toBe(400);
    // Binary without a known type (an executable, say) is refused.
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0), Buffer.from([0xff, 0xfe])]);
    const refused = await upload('editor', pageA, exe, 'tool.exe');
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({ path: 'file', code: 'file_type' });
    const badId = await upload('editor', pageA, Buffer.from('x'), 'a.txt', 'nope');
    expect(badId.status).toBe(400);
  });

  it('serves a file only through its own page: page A’s file via page B is 404', async () => {
    const f = (await upload('editor', pageA, Buffer.from('nur A'), 'a.txt').expect(201)).body
      .data as WikiFileDTO;
    await download('reader', `/api/wiki/pages/${pageA}/files/${f.id}`).expect(200);
    const cross: Response = await download('reader', `/api/wiki/pages/${pageB}/files/${f.id}`);
    expect(cross.status).toBe(404);
    await download('reader', `/api/wiki/pages/${pageA}/files/${'b'.repeat(24)}`).expect(404);
    await download('outsider', `/api/wiki/pages/${pageA}/files/${f.id}`).expect(404);
    // A page the reader may not read hides its files too, even with the right ids.
    const secret = await makeWikiPage({
      spaceId,
      createdBy: ids.editor,
      restriction: { personIds: [ids.listed], unitIds: [] },
    });
    const hidden = (await upload('admin', secret, Buffer.from('geheim'), 's.txt').expect(201)).body
      .data as WikiFileDTO;
    // Restrictions bind editors too (only space admins pass them).
    await upload('editor', secret, Buffer.from('x'), 'x.txt').expect(404);
    await download('reader', hidden.url).expect(404);
    await s.reader.agent.get(files(secret)).expect(404);
    await download('listed', hidden.url).expect(200);
  });

  it('keeps XSS in file names inert: sanitised name, plain text type, encoded attachment header', async () => {
    const name = '"><img src=x onerror=alert(1)>\r\n<script>alert(2)</script>.html';
    const html = Buffer.from('<script>alert(document.cookie)</script>');
    const f = (await upload('editor', pageA, html, name).expect(201)).body.data as WikiFileDTO;
    expect(f.contentType).toBe('text/plain; charset=utf-8');
    expect(f.name.endsWith('.html.txt')).toBe(true);
    expect(f.name).not.toMatch(/[\r\n/]/);
    const list = await s.reader.agent.get(files(pageA)).expect(200);
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    expect((list.body.data as WikiFileDTO[]).some((x) => x.name === f.name)).toBe(true);
    const got = await download('reader', f.url).expect(200);
    expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    const disposition = got.headers['content-disposition'] as string;
    expect(disposition.startsWith('attachment; filename="')).toBe(true);
    expect(disposition).not.toMatch(/[\r\n]/);
    // Exactly one quoted string (nothing broke out of it) and the RFC 5987 form decodes to the name.
    expect(disposition.split('"')).toHaveLength(3);
    const star = /filename\*=UTF-8''([^;\s]+)$/.exec(disposition)?.[1];
    expect(star ? decodeURIComponent(star) : /filename="([^"]*)"/.exec(disposition)?.[1]).toBe(
      f.name,
    );
  });
});

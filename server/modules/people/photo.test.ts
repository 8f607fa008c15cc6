import { describe, it, expect, beforeAll } from 'vitest';
import type { Express } from 'express';
import mongoose from 'mongoose';
import sharp from 'sharp';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, makePerson, session, type Session } from '../../test/app';
import { PersonModel } from './person.model';
import { AuditModel } from '../audit/audit.model';
import { events } from '../../lib/events';
import { PHOTO_BUCKET } from './photo.service';

useTestDatabase();
let app: Express;
let erika: { id: string };
let admin: Session;
let employee: Session;
let anonymous: Session;
let jpeg: Buffer;

const files = () => mongoose.connection.db!.collection(`${PHOTO_BUCKET}.files`);
const chunks = () => mongoose.connection.db!.collection(`${PHOTO_BUCKET}.chunks`);
const photoId = async (id: string) =>
  (await PersonModel.findById(id).lean())?.photoFileId?.toString() ?? null;

const upload = (s: Session, path: string, body: Buffer, name = 'me.jpg', type = 'image/jpeg') =>
  s.agent
    .put(path)
    .set('X-CSRF-Token', s.csrf)
    .attach('photo', body, { filename: name, contentType: type });

beforeAll(async () => {
  app = makeTestApp();
  erika = await makePerson({ username: 'erika' });
  await makePerson({ username: 'root', roles: ['employee', 'admin'] });
  admin = await session(app, 'root');
  employee = await session(app, 'erika');
  anonymous = await session(app);
  // A landscape photo with EXIF (camera and a comment) that must not survive.
  jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SecretCam', ImageDescription: 'Home address 42' } })
    .toBuffer();
});

describe('profile photos', () => {
  it('401 for anonymous requests, before the body is read (not 413 for a 6 MB body)', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024);
    expect((await upload(anonymous, '/api/me/photo', big)).status).toBe(401);
    expect(
      (await anonymous.agent.delete('/api/me/photo').set('X-CSRF-Token', anonymous.csrf)).status,
    ).toBe(401);
    expect((await anonymous.agent.get(`/api/people/${erika.id}/photo`)).status).toBe(401);
    expect((await upload(anonymous, `/api/people/${erika.id}/photo`, jpeg)).status).toBe(401);
  });

  it('403 for non-admins on the admin routes, before the body is read, and audited', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024);
    const res = await upload(employee, `/api/people/${erika.id}/photo`, big);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    const del = await employee.agent
      .delete(`/api/people/${erika.id}/photo`)
      .set('X-CSRF-Token', employee.csrf);
    expect(del.status).toBe(403);
    expect(
      await AuditModel.countDocuments({
        action: { $in: ['person.photo.update', 'person.photo.remove'] },
        outcome: 'denied',
      }),
    ).toBe(2);
  });

  it('400 for a text file named .png and declared image/png', async () => {
    const res = await upload(
      employee,
      '/api/me/photo',
      Buffer.from('not an image at all'),
      'x.png',
      'image/png',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'photo', code: 'file_type' });
    expect(await files().countDocuments()).toBe(0);
  });

  it('400 for a GIF (real image, type not allowed) and for a request without a file', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect((await upload(employee, '/api/me/photo', gif, 'a.jpg')).status).toBe(400);
    const none = await employee.agent
      .put('/api/me/photo')
      .set('X-CSRF-Token', employee.csrf)
      .field('x', '1');
    expect(none.status).toBe(400);
  });

  it('413 for a 6 MB file', async () => {
    const big = Buffer.concat([jpeg, Buffer.alloc(6 * 1024 * 1024 - jpeg.length)]);
    const res = await upload(employee, '/api/me/photo', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('uploads, serves a 512×512 WebP without metadata, replaces and deletes', async () => {
    const published: string[][] = [];
    const off = events.on('person.updated', (e) => {
      if (e.personId === erika.id) published.push(e.changed);
    });
    const res = await upload(employee, '/api/me/photo', jpeg).expect(200);
    const first = await photoId(erika.id);
    expect(first).toBeTruthy();
    expect(res.body.data).toEqual({
      personId: erika.id,
      photoUrl: `/api/people/${erika.id}/photo?v=${first}`,
      abilities: { change: true, remove: true },
    });

    const get = await admin.agent.get(`/api/people/${erika.id}/photo`).buffer(true).expect(200);
    expect(get.headers['content-type']).toBe('image/webp');
    expect(get.headers['cache-control']).toBe('private, max-age=3600');
    expect(get.headers['etag']).toBe(`"${first}"`);
    expect(get.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(get.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 512, 512]);
    expect((await sharp(jpeg).metadata()).exif).toBeDefined(); // the input had EXIF
    expect(meta.exif).toBeUndefined();
    expect((get.body as Buffer).includes('SecretCam')).toBe(false);

    const cached = await admin.agent
      .get(`/api/people/${erika.id}/photo`)
      .set('If-None-Match', `"${first}"`);
    expect(cached.status).toBe(304);

    // Replacing stores the new file and removes the old one from GridFS.
    await upload(employee, '/api/me/photo', jpeg).expect(200);
    const second = await photoId(erika.id);
    expect(second).not.toBe(first);
    expect(await files().countDocuments()).toBe(1);
    expect(await files().countDocuments({ _id: new mongoose.Types.ObjectId(first!) })).toBe(0);
    expect(await chunks().countDocuments({ files_id: new mongoose.Types.ObjectId(first!) })).toBe(
      0,
    );

    const del = await employee.agent
      .delete('/api/me/photo')
      .set('X-CSRF-Token', employee.csrf)
      .expect(200);
    expect(del.body.data.photoUrl).toBeNull();
    expect(await photoId(erika.id)).toBeNull();
    expect(await files().countDocuments()).toBe(0);
    expect(await chunks().countDocuments()).toBe(0);
    await admin.agent.get(`/api/people/${erika.id}/photo`).expect(404);
    await new Promise((r) => setImmediate(r));
    off();
    expect(published).toEqual([['photoFileId'], ['photoFileId'], ['photoFileId']]);
  });

  it('stores a retried upload with the same uploadId once', async () => {
    const uploadId = '7a1c2f30-5b6e-4c1d-9f00-0000000000aa';
    const send = () =>
      employee.agent
        .put('/api/me/photo')
        .set('X-CSRF-Token', employee.csrf)
        .field('uploadId', uploadId)
        .attach('photo', jpeg, 'me.jpg');
    const a = await send().expect(200);
    const b = await send().expect(200);
    expect(b.body.data.photoUrl).toBe(a.body.data.photoUrl);
    expect(await files().countDocuments()).toBe(1);
    const bad = await employee.agent
      .put('/api/me/photo')
      .set('X-CSRF-Token', employee.csrf)
      .field('uploadId', 'not-a-uuid')
      .attach('photo', jpeg, 'me.jpg');
    expect(bad.status).toBe(400);
    await employee.agent.delete('/api/me/photo').set('X-CSRF-Token', employee.csrf).expect(200);
  });

  it("lets an admin set and remove someone's photo, audited", async () => {
    await upload(admin, `/api/people/${erika.id}/photo`, jpeg).expect(200);
    expect(await photoId(erika.id)).toBeTruthy();
    await employee.agent.get(`/api/people/${erika.id}/photo`).expect(200);
    await admin.agent
      .delete(`/api/people/${erika.id}/photo`)
      .set('X-CSRF-Token', admin.csrf)
      .expect(200);
    expect(await photoId(erika.id)).toBeNull();
    expect(await files().countDocuments()).toBe(0);
    expect(
      await AuditModel.countDocuments({
        action: { $in: ['person.photo.update', 'person.photo.remove'] },
        outcome: 'success',
        subjectId: erika.id,
      }),
    ).toBe(2);
    const missing = new mongoose.Types.ObjectId().toString();
    expect((await upload(admin, `/api/people/${missing}/photo`, jpeg)).status).toBe(404);
    expect((await admin.agent.get(`/api/people/not-an-id/photo`)).status).toBe(400);
  });

  it("hides a deactivated person's photo like the profile: 404 for colleagues, 200 for admins", async () => {
    const gone = await makePerson({ username: 'gone', active: false });
    await upload(admin, `/api/people/${gone.id}/photo`, jpeg).expect(200);
    const hidden = await employee.agent.get(`/api/people/${gone.id}/photo`);
    expect(hidden.status).toBe(404);
    await admin.agent.get(`/api/people/${gone.id}/photo`).expect(200);
  });

  it('rejects an upload without the CSRF token', async () => {
    const res = await employee.agent.put('/api/me/photo').attach('photo', jpeg, 'me.jpg');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
  });
});

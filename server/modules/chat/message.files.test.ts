import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { AttachmentDTO, ConversationDTO, MessageDTO } from '@shared/chat/types';
import { useTestDatabase } from '../../test/db';
import { ChatFileModel } from './chat-file.model';
import { UNSENT_UPLOAD_HOURS, removeUnsentUploads } from './upload-cleanup';
import { chatWorld, client, type ChatWorld } from './message.fixtures';

useTestDatabase();

let w: ChatWorld;
let c: ReturnType<typeof client>;
let conv: ConversationDTO;
let png: Buffer;

beforeAll(async () => {
  w = await chatWorld(['ana', 'ben', 'cem', 'out']);
  c = client(w);
  conv = await c.channel('ana', ['ben', 'cem']);
  png = await sharp({
    create: { width: 1600, height: 800, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .png()
    .toBuffer();
});

const upload = (who: string, convId: string, buffer: Buffer, name: string, uploadId?: string) => {
  const req = w.s[who]!.agent.post(`/api/conversations/${convId}/files`).set(
    'X-CSRF-Token',
    w.s[who]!.csrf,
  );
  if (uploadId) req.field('uploadId', uploadId);
  return req.attach('file', buffer, name);
};
const uploaded = async (who: string, convId: string, buffer: Buffer, name: string) =>
  (await upload(who, convId, buffer, name).expect(201)).body.data as AttachmentDTO;

describe('chat files', () => {
  it('an image gets a WebP preview; a retried upload (same uploadId) is stored once', async () => {
    const uploadId = randomUUID();
    const first = await upload('ana', conv.id, png, 'Plan.png', uploadId).expect(201);
    const file = first.body.data as AttachmentDTO;
    expect(file).toMatchObject({
      name: 'Plan.png',
      contentType: 'image/png',
      size: expect.any(Number),
      image: { width: 1024, height: 512, previewUrl: `${file.url}?preview=1` },
    });
    const again = await upload('ana', conv.id, png, 'Plan.png', uploadId).expect(200);
    expect(again.body.data.id).toBe(file.id);
    expect(await ChatFileModel.countDocuments({})).toBe(1);
  });

  it('a photo is stored without its metadata (EXIF, GPS position)', async () => {
    const photo = await sharp({
      create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 90, b: 10 } },
    })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Kamera 4711', ImageDescription: 'Marktplatz' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const file = await uploaded('ana', conv.id, photo, 'Foto.jpg');
    const stored = await c.get('ana', file.url).buffer(true).expect(200);
    const meta = await sharp(stored.body as Buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(40);
  });

  it('uploads never sent are removed after a day; sent ones stay', async () => {
    const unsent = await uploaded('ana', conv.id, png, 'Entwurf.png');
    const kept = await uploaded('ana', conv.id, png, 'Behalten.png');
    await c.sent('ana', conv.id, '', { attachmentIds: [kept.id] });
    expect(await removeUnsentUploads(new Date())).toBe(0);
    const later = new Date(Date.now() + (UNSENT_UPLOAD_HOURS + 1) * 3_600_000);
    expect(await removeUnsentUploads(later)).toBeGreaterThanOrEqual(1);
    expect(await ChatFileModel.findById(unsent.id).lean()).toBeNull();
    await c.get('ana', unsent.url).expect(404);
    await c.get('ben', kept.url).expect(200);
  });

  it('unsent: only the uploader may fetch it; sent: every member, previews inline as WebP', async () => {
    const file = await uploaded('ana', conv.id, png, 'Foto.png');
    await c.get('ana', file.url).expect(200);
    await c.get('ben', file.url).expect(404);
    const msg = await c.sent('ana', conv.id, '', { attachmentIds: [file.id] });
    expect(msg.attachments).toEqual([file]);
    const full = await c.get('ben', file.url).expect(200);
    expect(full.headers['content-type']).toBe('image/png');
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    const preview = await c.get('cem', `${file.url}?preview=1`).expect(200);
    expect(preview.headers['content-type']).toBe('image/webp');
    expect(preview.headers['content-disposition']).toMatch(/^inline;/);
    await c.get('out', file.url).expect(403);
    // The conversation list shows the file name for a message without text.
    const list = (await c.get('ben', `/api/conversations/${conv.id}`)).body.data as ConversationDTO;
    expect(list.lastMessage?.preview).toBe('Foto.png');
  });

  it('a hostile file name comes back only as data; downloads are attachments with a safe header', async () => {
    const name = '<img src=x onerror=alert(1)>"; filename=evil.html';
    const file = await uploaded('ben', conv.id, Buffer.from('Hallo Welt\n'), name);
    expect(file.contentType).toBe('text/plain; charset=utf-8');
    expect(file.name).toBe(`${name}.txt`);
    const res = await c.get('ben', file.url).expect(200);
    const disposition = res.headers['content-disposition'] as string;
    // Exactly one quoted ASCII name and one RFC 5987 name: nothing can close the quotes or add a
    // parameter, and the encoded name is the stored one.
    const parts = disposition.match(
      /^attachment; filename="([^"\\\r\n]*)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+.^_`|~-]+)$/,
    );
    expect(parts).not.toBeNull();
    expect(decodeURIComponent(parts?.[2] ?? '')).toBe(file.name);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('refuses types that are not allowed', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const res = await upload('ana', conv.id, exe, 'tool.exe').expect(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'file', code: 'file_type' });
  });

  it('400 invalid_attachment for someone else’s, an already sent, or another conversation’s upload', async () => {
    const bens = await uploaded('ben', conv.id, Buffer.from('notiz'), 'notiz.txt');
    const other = await c.channel('ana', ['ben']);
    const elsewhere = await uploaded('ana', other.id, Buffer.from('x'), 'x.txt');
    for (const id of [bens.id, elsewhere.id]) {
      const res = await c.send('ana', conv.id, 'mit Anhang', { attachmentIds: [id] }).expect(400);
      expect(res.body.error.code).toBe('invalid_attachment');
    }
    const mine = await uploaded('ana', conv.id, Buffer.from('y'), 'y.txt');
    await c.send('ana', conv.id, 'eins', { attachmentIds: [mine.id] }).expect(201);
    await c.send('ana', conv.id, 'zwei', { attachmentIds: [mine.id] }).expect(400);
  });

  it('forwarded files are readable in the target; deleting the last message deletes the file', async () => {
    const file = await uploaded('ana', conv.id, Buffer.from('Protokoll'), 'Protokoll.txt');
    const msg = await c.sent('ana', conv.id, 'Protokoll anbei', { attachmentIds: [file.id] });
    const target = await c.channel('ben', ['out']);
    const fwd = (
      await c
        .call('post', 'ben', `/api/conversations/${conv.id}/messages/${msg.id}/forward`, {
          targetConversationId: target.id,
          clientId: randomUUID(),
        })
        .expect(201)
    ).body.data as MessageDTO;
    const copy = fwd.attachments[0] as AttachmentDTO;
    expect(copy.url).toBe(`/api/conversations/${target.id}/files/${file.id}`);
    await c.get('out', copy.url).expect(200);
    await c.get('out', file.url).expect(403); // not through the source conversation
    await c.call('delete', 'ana', `/api/conversations/${conv.id}/messages/${msg.id}`).expect(200);
    await c.get('ben', file.url).expect(404);
    await c.get('out', copy.url).expect(200);
    await c.call('delete', 'ben', `/api/conversations/${target.id}/messages/${fwd.id}`).expect(200);
    await c.get('out', copy.url).expect(404);
    expect(await ChatFileModel.findById(file.id).lean()).toBeNull();
  });
});

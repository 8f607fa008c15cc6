import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';

useTestDatabase();

let app: Express;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
let unitId: string;

const body = (extra: object = {}) => ({
  name: { de: 'Personal', en: 'Human resources' },
  description: { de: 'Aus dem Personalamt', en: 'From HR' },
  ...extra,
});
const send = (who: string, method: 'post' | 'put' | 'delete', path: string, data?: object) =>
  s[who]!.agent[method](path).set('X-CSRF-Token', s[who]!.csrf).send(data);

beforeAll(async () => {
  app = makeTestApp();
  for (const [name, roles] of [
    ['editor', ['editor']],
    ['admin', ['admin']],
    ['emp', ['employee']],
  ] as const) {
    const p = await makePerson({ username: name, roles: [...roles] });
    ids[name] = p.id;
    unitId = p.unitId;
    s[name] = await session(app, name);
  }
});

describe('channel routes', () => {
  it('401 without a session, 403 without CSRF', async () => {
    await request(app).get('/api/news/channels').expect(401);
    await request(app).post('/api/news/channels').send(body()).expect(403);
  });

  it('employees read channels but may not create, change or delete them (403, audited)', async () => {
    await s.emp!.agent.get('/api/news/channels').expect(200);
    await send('emp', 'post', '/api/news/channels', body()).expect(403);
    const created = await send('editor', 'post', '/api/news/channels', body()).expect(201);
    const id = created.body.data.id as string;
    await send('emp', 'put', `/api/news/channels/${id}`, body()).expect(403);
    await send('emp', 'delete', `/api/news/channels/${id}`).expect(403);
    expect(
      await AuditModel.countDocuments({ action: 'news.channel.update', outcome: 'denied' }),
    ).toBe(1);
  });

  it('400 for unknown fields, unknown references and malformed ids; 404 for unknown channels', async () => {
    await send('editor', 'post', '/api/news/channels', body({ _id: 'x' })).expect(400);
    await send('editor', 'post', '/api/news/channels', body({ unitId: { $gt: '' } })).expect(400);
    await send(
      'editor',
      'post',
      '/api/news/channels',
      body({ unitId: String(new Types.ObjectId()) }),
    ).expect(400);
    const res = await send(
      'editor',
      'post',
      '/api/news/channels',
      body({ editorIds: [String(new Types.ObjectId())] }),
    ).expect(400);
    expect(res.body.error.details[0]).toMatchObject({
      path: 'editorIds',
      code: 'unknown_reference',
    });
    await send('editor', 'put', '/api/news/channels/nope', body()).expect(400);
    await send(
      'editor',
      'put',
      `/api/news/channels/${String(new Types.ObjectId())}`,
      body(),
    ).expect(404);
  });

  it('creates an office channel with office editors, changes and deletes it', async () => {
    const created = await send(
      'admin',
      'post',
      '/api/news/channels',
      body({ unitId, editorIds: [ids.emp], requiresApproval: true }),
    ).expect(201);
    const id = created.body.data.id as string;
    expect(created.body.data).toMatchObject({
      unit: { id: unitId },
      requiresApproval: true,
      editors: [{ id: ids.emp }],
      abilities: { update: true, publish: true },
    });
    // The office editor may publish there now.
    const mine = (await s.emp!.agent.get('/api/news/channels').expect(200)).body.data.find(
      (c: { id: string }) => c.id === id,
    );
    expect(mine.abilities).toEqual({ update: false, publish: true });
    const changed = await send(
      'editor',
      'put',
      `/api/news/channels/${id}`,
      body({ name: { de: 'Neu', en: 'New' } }),
    ).expect(200);
    expect(changed.body.data).toMatchObject({
      name: { de: 'Neu' },
      editors: [],
      unit: null,
      requiresApproval: false,
    });
    await send('editor', 'delete', `/api/news/channels/${id}`).expect(204);
    const after = (await s.editor!.agent.get('/api/news/channels')).body.data.map(
      (c: { id: string }) => c.id,
    );
    expect(after).not.toContain(id);
  });

  it('a channel with articles cannot be deleted', async () => {
    const id = (await send('editor', 'post', '/api/news/channels', body()).expect(201)).body.data
      .id;
    await send('editor', 'post', '/api/news', {
      id: String(new Types.ObjectId()),
      channelId: id,
      variants: { de: { title: 'T' } },
      audience: {},
    }).expect(201);
    await send('editor', 'delete', `/api/news/channels/${id}`).expect(400);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { UnitModel } from '../org/unit.model';
import { ArticleModel } from './article.model';
import { refreshArticle } from './news.read-model';
import { runNewsSchedule } from './news.scheduler';

useTestDatabase();

let app: Express;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
let officeA: string;
let subB: string;
let officeC: string;
let cityChannel: string;
let officeChannel: string;
let approvalChannel: string;

const oid = () => String(new Types.ObjectId());
const post = (who: string, path: string, body: object = {}) =>
  s[who]!.agent.post(path).set('X-CSRF-Token', s[who]!.csrf).send(body);
const patch = (who: string, path: string, body: object) =>
  s[who]!.agent.patch(path).set('X-CSRF-Token', s[who]!.csrf).send(body);
const get = (who: string, path: string) => s[who]!.agent.get(path);

const draft = (channelId: string, extra: Record<string, unknown> = {}) => ({
  id: oid(),
  channelId,
  variants: { de: { title: 'Neue Kantine', teaser: 'Ab Montag', body: '<p>Text</p>' } },
  audience: { units: [], roles: [], locationIds: [] },
  ...extra,
});

async function publishNew(
  who: string,
  channelId: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const body = draft(channelId, extra);
  const created = await post(who, '/api/news', body).expect(201);
  await post(who, `/api/news/${body.id}/publish`, { rev: created.body.data.rev }).expect(200);
  return body.id;
}

const listIds = async (who: string, query = '') =>
  ((await get(who, `/api/news${query}`).expect(200)).body.data as { id: string }[]).map(
    (a) => a.id,
  );

beforeAll(async () => {
  app = makeTestApp();
  officeA = String((await UnitModel.create({ name: 'Amt A', kind: 'office', sortKey: 'a' }))._id);
  subB = String(
    (
      await UnitModel.create({
        name: 'Abteilung B',
        kind: 'department',
        sortKey: 'b',
        parentId: officeA,
        path: [officeA],
      })
    )._id,
  );
  officeC = String((await UnitModel.create({ name: 'Amt C', kind: 'office', sortKey: 'c' }))._id);
  const people: [string, Parameters<typeof makePerson>[0]][] = [
    ['editor', { roles: ['editor'], unitId: officeA }],
    ['admin', { roles: ['admin'], unitId: officeC }],
    ['offed', { roles: ['employee'], unitId: officeC }],
    ['empa', { roles: ['employee'], unitId: officeA }],
    ['empb', { roles: ['employee'], unitId: subB }],
    ['empc', { roles: ['employee'], unitId: officeC }],
  ];
  for (const [name, opts] of people) {
    ids[name] = (await makePerson({ username: name, ...opts })).id;
    s[name] = await session(app, name);
  }
  const channel = async (name: string, extra: object = {}) =>
    (
      await post('editor', '/api/news/channels', {
        name: { de: name, en: name },
        description: { de: '', en: '' },
        ...extra,
      }).expect(201)
    ).body.data.id as string;
  cityChannel = await channel('Aus der Verwaltung');
  officeChannel = await channel('Amt C intern', { unitId: officeC, editorIds: [ids.offed] });
  approvalChannel = await channel('Personal', { requiresApproval: true });
});

describe('news routes: access', () => {
  it('401 without a session for reads, 403 without CSRF for writes', async () => {
    await request(app).get('/api/news').expect(401);
    await request(app).get(`/api/news/${oid()}`).expect(401);
    await request(app).get('/api/news/channels').expect(401);
    await request(app).post('/api/news').send({}).expect(403);
  });

  it('employees may not create articles or channels (403)', async () => {
    await post('empa', '/api/news', draft(cityChannel)).expect(403);
    await post('empa', '/api/news/channels', {
      name: { de: 'x', en: 'x' },
      description: { de: '', en: '' },
    }).expect(403);
    await get('empa', '/api/news?status=all').expect(403);
    await get('empa', `/api/news?previewAs=${ids.empc}`).expect(403);
  });

  it('400 for mass assignment, operators and malformed ids', async () => {
    await post('editor', '/api/news', { ...draft(cityChannel), status: 'published' }).expect(400);
    await post('editor', '/api/news', { ...draft(cityChannel), authorId: ids.empa }).expect(400);
    await post('editor', '/api/news', { ...draft(cityChannel), channelId: { $ne: null } }).expect(
      400,
    );
    await get('editor', '/api/news?channelId[$ne]=x').expect(400);
    await get('editor', '/api/news/not-an-id').expect(400);
    await get('editor', '/api/news?cursor=garbage').expect(400);
    await post('editor', '/api/news', draft(oid())).expect(400); // unknown channel
  });

  it('office editors write in their channel only', async () => {
    await post('offed', '/api/news', draft(officeChannel)).expect(201);
    await post('offed', '/api/news', draft(cityChannel)).expect(403);
    const channels = (await get('offed', '/api/news/channels').expect(200)).body.data as {
      id: string;
      abilities: { publish: boolean; update: boolean };
    }[];
    expect(channels.find((c) => c.id === officeChannel)?.abilities).toEqual({
      publish: true,
      update: false,
    });
    expect(channels.find((c) => c.id === cityChannel)?.abilities.publish).toBe(false);
  });
});

describe('news routes: editorial flow', () => {
  it('create is idempotent by id; someone else’s id is 409', async () => {
    const body = draft(officeChannel);
    const first = await post('editor', '/api/news', body).expect(201);
    const again = await post('editor', '/api/news', body).expect(201);
    expect(again.body.data.rev).toBe(first.body.data.rev);
    await post('offed', '/api/news', body).expect(409);
  });

  it('drafts are hidden from readers; publishing with a stale rev is 409', async () => {
    const body = draft(cityChannel);
    const created = await post('editor', '/api/news', body).expect(201);
    expect(created.body.data.status).toBe('draft');
    await get('empa', `/api/news/${body.id}`).expect(404);
    expect(await listIds('empa')).not.toContain(body.id);
    expect(await listIds('editor', '?status=draft')).toContain(body.id);
    await post('editor', `/api/news/${body.id}/publish`, { rev: 99 }).expect(409);
    const pub = await post('editor', `/api/news/${body.id}/publish`, { rev: 1 }).expect(200);
    expect(pub.body.data.status).toBe('published');
    expect(await listIds('empa')).toContain(body.id);
    await s
      .editor!.agent.delete(`/api/news/${body.id}`)
      .set('X-CSRF-Token', s.editor!.csrf)
      .expect(403);
  });

  it('of two concurrent publishes exactly one wins', async () => {
    const body = draft(cityChannel);
    await post('editor', '/api/news', body).expect(201);
    const results = await Promise.all([
      post('editor', `/api/news/${body.id}/publish`, { rev: 1 }),
      post('admin', `/api/news/${body.id}/publish`, { rev: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = (await get('editor', `/api/news/${body.id}/history`).expect(200)).body.data;
    expect(history.filter((h: { action: string }) => h.action === 'published')).toHaveLength(1);
  });

  it('updates need the current rev; a material edit raises the acknowledgement round', async () => {
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const id = await publishNew('editor', cityChannel, { mandatory: { deadline } });
    const current = (await get('editor', `/api/news/${id}`).expect(200)).body.data;
    const fields = {
      channelId: cityChannel,
      variants: { de: { title: 'Geändert', teaser: '', body: '<p>neu</p>' } },
      audience: { units: [], roles: [], locationIds: [] },
      mandatory: { deadline },
    };
    await patch('editor', `/api/news/${id}`, { ...fields, rev: current.rev - 1 }).expect(409);
    await patch('empa', `/api/news/${id}`, { ...fields, rev: current.rev }).expect(403);
    await patch('editor', `/api/news/${id}`, {
      ...fields,
      rev: current.rev,
      status: 'draft',
    }).expect(400);
    const saved = await patch('editor', `/api/news/${id}`, {
      ...fields,
      rev: current.rev,
      material: true,
      note: 'Frist',
    }).expect(200);
    expect(saved.body.data.mandatory.round).toBe(2);
    expect(saved.body.data.variants.de.title).toBe('Geändert');
    expect(saved.body.data.history[0]).toMatchObject({
      action: 'updated',
      material: true,
      note: 'Frist',
    });
  });

  it('approval: submit → review; nobody approves their own; another editor approves', async () => {
    const body = draft(approvalChannel);
    await post('editor', '/api/news', body).expect(201);
    await post('editor', `/api/news/${body.id}/publish`, { rev: 1 }).expect(403);
    const sub = await post('editor', `/api/news/${body.id}/submit`, { rev: 1 }).expect(200);
    expect(sub.body.data.status).toBe('review');
    expect(sub.body.data.abilities.approve).toBe(false);
    await post('editor', `/api/news/${body.id}/approve`, { rev: 2 }).expect(403);
    await post('empa', `/api/news/${body.id}/approve`, { rev: 2 }).expect(404);
    const ok = await post('admin', `/api/news/${body.id}/approve`, { rev: 2 }).expect(200);
    expect(ok.body.data.status).toBe('published');
  });

  it('reject sends back to draft; unpublish archives; drafts can be deleted', async () => {
    const body = draft(approvalChannel);
    await post('editor', '/api/news', body).expect(201);
    await post('editor', `/api/news/${body.id}/submit`, { rev: 1 }).expect(200);
    const rej = await post('admin', `/api/news/${body.id}/reject`, {
      rev: 2,
      comment: 'Bitte kürzen',
    }).expect(200);
    expect(rej.body.data.status).toBe('draft');
    await s
      .editor!.agent.delete(`/api/news/${body.id}`)
      .set('X-CSRF-Token', s.editor!.csrf)
      .expect(204);
    await get('editor', `/api/news/${body.id}`).expect(404);

    const id = await publishNew('editor', cityChannel);
    const rev = (await get('editor', `/api/news/${id}`)).body.data.rev;
    await post('empa', `/api/news/${id}/unpublish`, { rev }).expect(403);
    const un = await post('editor', `/api/news/${id}/unpublish`, { rev }).expect(200);
    expect(un.body.data.status).toBe('archived');
    expect(await listIds('empa')).not.toContain(id);
  });

  it('sanitises bodies on write', async () => {
    const body = draft(cityChannel, {
      variants: {
        de: {
          title: '<script>alert(1)</script>',
          teaser: '',
          body: '<p onclick="x()">a<script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">l</a></p>',
        },
      },
    });
    const res = await post('editor', '/api/news', body).expect(201);
    expect(res.body.data.bodies.de).toBe('<p>a<a rel="noopener noreferrer">l</a></p>');
    // Titles are plain text (the client escapes them).
    expect(res.body.data.variants.de.title).toBe('<script>alert(1)</script>');
  });

  it('the scheduler publishes due articles once and announces expiry once', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const body = draft(cityChannel, { publishAt: later });
    await post('editor', '/api/news', body).expect(201);
    const sched = await post('editor', `/api/news/${body.id}/publish`, { rev: 1 }).expect(200);
    expect(sched.body.data.status).toBe('scheduled');
    expect(await listIds('empa')).not.toContain(body.id);
    await ArticleModel.updateOne(
      { _id: body.id },
      { $set: { publishAt: new Date(Date.now() - 1000) } },
    );
    await refreshArticle(body.id);
    expect((await runNewsSchedule()).published).toBe(1);
    expect((await runNewsSchedule()).published).toBe(0);
    expect(await listIds('empa')).toContain(body.id);

    await ArticleModel.updateOne(
      { _id: body.id },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    await refreshArticle(body.id);
    expect(await listIds('empa')).not.toContain(body.id);
    expect((await runNewsSchedule()).expired).toBe(1);
    expect((await runNewsSchedule()).expired).toBe(0);
  });
});

describe('news routes: list', () => {
  it('pins first, pages with a stable cursor, filters by channel and mandatory', async () => {
    const pinned = await publishNew('editor', cityChannel, { pinned: true });
    const all = await listIds('empa', '?limit=100');
    expect(all[0]).toBe(pinned);
    const first = await get('empa', '/api/news?limit=2').expect(200);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await get('empa', `/api/news?limit=2&cursor=${first.body.nextCursor}`).expect(
      200,
    );
    expect([...first.body.data, ...second.body.data].map((a: { id: string }) => a.id)).toEqual(
      all.slice(0, 4),
    );
    const office = await listIds('offed', `?channelId=${officeChannel}&status=all`);
    expect(office.length).toBeGreaterThan(0);
    const mand = (await get('empa', '/api/news?mandatory=true').expect(200)).body.data;
    expect(mand.every((a: { mandatory: unknown }) => a.mandatory !== null)).toBe(true);
  });

  it('read tracking: POST read, unread filter and count', async () => {
    const id = await publishNew('editor', cityChannel);
    const before = (await get('empa', '/api/news/unread-count').expect(200)).body.data.count;
    expect(await listIds('empa', '?unread=true&limit=100')).toContain(id);
    await post('empa', `/api/news/${id}/read`).expect(200);
    await post('empa', `/api/news/${id}/read`).expect(200);
    expect((await get('empa', '/api/news/unread-count')).body.data.count).toBe(before - 1);
    expect(await listIds('empa', '?unread=true&limit=100')).not.toContain(id);
    const detail = (await get('empa', `/api/news/${id}`)).body.data;
    expect(detail.viewer.read).toBe(true);
    expect(detail.audience).toBeNull();
    expect(detail.history).toEqual([]);
    await get('empa', `/api/news/${id}/history`).expect(403);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { UnitModel } from '../org/unit.model';
import { events } from '../../lib/events';
import type { Realtime } from '../../realtime';
import { NotificationModel } from '../notifications/notification.model';
import { deliverNewsChange, notifyMandatory } from './news.realtime';
import { ArticleModel } from './article.model';
import { refreshArticle } from './news.read-model';
import { runNewsSchedule } from './news.scheduler';
import type { NewsChangedEvent } from './news.events';

/** An employee outside a targeted article's audience learns nothing of it, by any route or event. */
useTestDatabase();

let app: Express;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
let channelId: string;
let officeA: string;
let articleId: string;
const changes: NewsChangedEvent[] = [];

const post = (who: string, path: string, body: object = {}) =>
  s[who]!.agent.post(path).set('X-CSRF-Token', s[who]!.csrf).send(body);
const get = (who: string, path: string) => s[who]!.agent.get(path);

/** Captures what would be sent to which person. */
function fakeRealtime() {
  const sent: { rooms: string[]; event: string; payload: unknown }[] = [];
  const realtime = {
    io: {
      to: (rooms: string[]) => ({
        emit: (event: string, payload: unknown) => sent.push({ rooms: [...rooms], event, payload }),
      }),
    },
    toUser: (id: string, event: string, payload: unknown) =>
      sent.push({ rooms: [`user:${id}`], event, payload }),
  } as unknown as Realtime;
  const to = (id: string) => sent.filter((m) => m.rooms.includes(`user:${id}`));
  return { realtime, sent, to };
}

beforeAll(async () => {
  app = makeTestApp();
  events.on('news.changed', (e) => {
    changes.push(e);
  });
  officeA = String((await UnitModel.create({ name: 'Amt A', kind: 'office', sortKey: 'a' }))._id);
  const officeC = String(
    (await UnitModel.create({ name: 'Amt C', kind: 'office', sortKey: 'c' }))._id,
  );
  for (const [name, roles, unitId] of [
    ['editor', ['editor'], officeC],
    ['inside', ['employee'], officeA],
    ['outside', ['employee'], officeC],
  ] as const) {
    ids[name] = (await makePerson({ username: name, roles: [...roles], unitId })).id;
    s[name] = await session(app, name);
  }
  channelId = (
    await post('editor', '/api/news/channels', {
      name: { de: 'Stadt', en: 'City' },
      description: { de: '', en: '' },
    }).expect(201)
  ).body.data.id;
  articleId = String(new Types.ObjectId());
  const created = await post('editor', '/api/news', {
    id: articleId,
    channelId,
    variants: { de: { title: 'Nur für Amt A', teaser: 'geheim', body: '<p>x</p>' } },
    audience: { units: [{ unitId: officeA, withSubunits: true }], roles: [], locationIds: [] },
    mandatory: { deadline: new Date(Date.now() + 86_400_000).toISOString() },
  }).expect(201);
  await post('editor', `/api/news/${articleId}/publish`, { rev: created.body.data.rev }).expect(
    200,
  );
});

describe('audience targeting holds everywhere', () => {
  it('the member sees it in list, detail, count and feed filters', async () => {
    const list = (await get('inside', '/api/news').expect(200)).body.data;
    expect(list.map((a: { id: string }) => a.id)).toContain(articleId);
    await get('inside', `/api/news/${articleId}`).expect(200);
    expect((await get('inside', '/api/news/unread-count')).body.data.count).toBe(1);
  });

  it('the outsider gets nothing: list, filters, detail, history, read, count, preview', async () => {
    for (const q of ['', '?unread=true', '?mandatory=true', `?channelId=${channelId}`]) {
      const res = await get('outside', `/api/news${q}`).expect(200);
      expect(JSON.stringify(res.body)).not.toContain(articleId);
      expect(JSON.stringify(res.body)).not.toContain('Nur für Amt A');
    }
    for (const path of [`/api/news/${articleId}`, `/api/news/${articleId}/history`]) {
      const res = await get('outside', path).expect(404);
      expect(JSON.stringify(res.body)).not.toContain('Nur für Amt A');
    }
    await post('outside', `/api/news/${articleId}/read`).expect(404);
    expect((await get('outside', '/api/news/unread-count')).body.data.count).toBe(0);
    await get('outside', `/api/news?previewAs=${ids.inside}`).expect(403);
    await get('outside', '/api/news?status=all').expect(403);
  });

  it('preview as applies the other person’s audience without their read state', async () => {
    await post('inside', `/api/news/${articleId}/read`).expect(200);
    const asInside = (await get('editor', `/api/news?previewAs=${ids.inside}`).expect(200)).body
      .data;
    const hit = asInside.find((a: { id: string }) => a.id === articleId);
    expect(hit).toBeTruthy();
    expect(hit.viewer.read).toBe(false);
    const asOutside = (await get('editor', `/api/news?previewAs=${ids.outside}`).expect(200)).body
      .data;
    expect(asOutside.map((a: { id: string }) => a.id)).not.toContain(articleId);
    await get('editor', `/api/news?previewAs=${ids.inside}&unread=true`).expect(400);
  });

  it('live events reach the audience only; unpublish removes it for them only', async () => {
    const published = changes.find((e) => e.articleId === articleId && e.action === 'published');
    expect(published).toBeTruthy();
    const live = fakeRealtime();
    await deliverNewsChange(live.realtime, published as NewsChangedEvent);
    expect(live.to(ids.inside!).map((m) => m.event)).toEqual(['news:upsert']);
    expect(live.to(ids.outside!)).toEqual([]);
    // Readers get no targeting rules.
    const payload = live.to(ids.inside!)[0]?.payload as { article: { audience: unknown } };
    expect(payload.article.audience).toBeNull();
    await notifyMandatory(published as NewsChangedEvent);
    const notes = await NotificationModel.find({ kind: 'news.mandatory' }).lean();
    expect(notes.map((n) => String(n.userId))).toEqual([ids.inside]);

    const rev = (await get('editor', `/api/news/${articleId}`)).body.data.rev;
    await post('editor', `/api/news/${articleId}/unpublish`, { rev }).expect(200);
    const unpublished = changes.find(
      (e) => e.articleId === articleId && e.action === 'unpublished',
    );
    const gone = fakeRealtime();
    await deliverNewsChange(gone.realtime, unpublished as NewsChangedEvent);
    expect(gone.to(ids.inside!)).toEqual([
      {
        rooms: expect.arrayContaining([`user:${ids.inside}`]),
        event: 'news:removed',
        payload: { id: articleId },
      },
    ]);
    expect(gone.to(ids.outside!)).toEqual([]);
    await get('inside', `/api/news/${articleId}`).expect(404);
  });

  it('a late event never reaches people outside the current audience (upsert, notification)', async () => {
    const id = String(new Types.ObjectId());
    const created = await post('editor', '/api/news', {
      id,
      channelId,
      variants: { de: { title: 'Erst für alle, jetzt nur Amt A' } },
      audience: { units: [{ unitId: officeA, withSubunits: true }], roles: [], locationIds: [] },
      mandatory: { deadline: new Date(Date.now() + 86_400_000).toISOString() },
    }).expect(201);
    await post('editor', `/api/news/${id}/publish`, { rev: created.body.data.rev }).expect(200);
    const published = changes.find((e) => e.articleId === id && e.action === 'published');
    const now = published?.after;
    expect(now).toBeTruthy();
    // Delivered only now: an earlier version of the article, still addressed to everyone.
    const everyone = { units: [], roles: [], locationIds: [] };
    const stale: NewsChangedEvent = {
      ...(published as NewsChangedEvent),
      action: 'published',
      before: null,
      after: { ...now!, audience: everyone, rev: now!.rev - 1 },
    };
    const rt = fakeRealtime();
    await deliverNewsChange(rt.realtime, stale);
    expect(rt.to(ids.outside!)).toEqual([]);
    expect(rt.to(ids.inside!).map((m) => m.event)).toEqual(['news:upsert']);
    const shown = rt.to(ids.inside!)[0]?.payload as { article: { rev: number } };
    expect(shown.article.rev).toBe(now!.rev);
    await notifyMandatory(stale);
    const notes = await NotificationModel.find({ link: `/news/${id}` }).lean();
    expect(notes.map((n) => String(n.userId))).toEqual([ids.inside]);

    // A late narrowing event must not take the article from those who see it now.
    const late: NewsChangedEvent = {
      ...(published as NewsChangedEvent),
      action: 'updated',
      before: { ...now!, audience: everyone },
      after: { ...now!, audience: { units: [], roles: ['admin'], locationIds: [] } },
    };
    const rm = fakeRealtime();
    await deliverNewsChange(rm.realtime, late);
    expect(rm.to(ids.inside!)).toEqual([]);
    expect(rm.to(ids.outside!).map((m) => m.event)).toEqual(['news:removed']);
  });

  it('expiry removes the article live for its audience only, once', async () => {
    const id = String(new Types.ObjectId());
    const created = await post('editor', '/api/news', {
      id,
      channelId,
      variants: { de: { title: 'Läuft ab' } },
      audience: { units: [{ unitId: officeA, withSubunits: false }], roles: [], locationIds: [] },
    }).expect(201);
    await post('editor', `/api/news/${id}/publish`, { rev: created.body.data.rev }).expect(200);
    await ArticleModel.updateOne(
      { _id: id },
      {
        $set: {
          publishedAt: new Date(Date.now() - 60_000),
          expiresAt: new Date(Date.now() - 1000),
        },
      },
    );
    await refreshArticle(id);
    await runNewsSchedule();
    const expired = changes.filter((e) => e.articleId === id && e.action === 'expired');
    expect(expired).toHaveLength(1);
    const rt = fakeRealtime();
    await deliverNewsChange(rt.realtime, expired[0] as NewsChangedEvent);
    expect(rt.to(ids.inside!).map((m) => m.event)).toEqual(['news:removed']);
    expect(rt.to(ids.outside!)).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session, type Session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { makeArticle, makeNewsOrg, type NewsOrg } from './engagement.fixtures';
import { articleStats } from './news.stats';

useTestDatabase();

let app: Express;
let org: NewsOrg;
let article: string;
let closed: string;
const s: Record<string, Session> = {};
const oid = () => String(new Types.ObjectId());

beforeAll(async () => {
  app = makeTestApp();
  org = await makeNewsOrg();
  article = await makeArticle(org);
  closed = await makeArticle(org, { allowComments: false });
  for (const name of ['editor', 'chaned', 'readera', 'readera2', 'readerb']) {
    s[name] = await session(app, name);
  }
});

const post = (who: string, id: string, body: object) =>
  s[who]!.agent.post(`/api/news/${id}/comments`).set('X-CSRF-Token', s[who]!.csrf).send(body);
const patch = (who: string, id: string, cid: string, body: object) =>
  s[who]!.agent.patch(`/api/news/${id}/comments/${cid}`)
    .set('X-CSRF-Token', s[who]!.csrf)
    .send(body);
const del = (who: string, id: string, cid: string) =>
  s[who]!.agent.delete(`/api/news/${id}/comments/${cid}`).set('X-CSRF-Token', s[who]!.csrf);
const list = (who: string, id: string) => s[who]!.agent.get(`/api/news/${id}/comments`);

describe('news comments', () => {
  it('401 without a session, 400 for bad input, 404 for unknown articles', async () => {
    await request(app).get(`/api/news/${article}/comments`).expect(401);
    const bad = await post('readera', article, { id: 'nope', body: '' }).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body',
      'id',
    ]);
    await post('readera', article, { id: oid(), body: 'x', authorId: oid() }).expect(400);
    await post('readera', oid(), { id: oid(), body: 'x' }).expect(404);
    await list('readera', 'not-an-id').expect(400);
  });

  it('stores XSS payloads as plain text and answers a resend with the same comment', async () => {
    const id = oid();
    const body = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const first = await post('readera', article, { id, body }).expect(201);
    expect(first.body.data).toMatchObject({ id, body, parentId: null, hidden: false });
    expect(first.body.data.abilities).toEqual({ update: true, delete: true, moderate: false });
    const again = await post('readera', article, { id, body }).expect(200);
    expect(again.body.data.createdAt).toBe(first.body.data.createdAt);
    // Someone else's id is refused.
    await post('readera2', article, { id, body: 'mine' }).expect(409);
    const all = await list('readera', article).expect(200);
    expect(all.body.data.filter((c: { id: string }) => c.id === id)).toHaveLength(1);
    expect((await articleStats([article])).get(article)?.comments).toBe(1);
  });

  it('threads one level deep, oldest first', async () => {
    const root = oid();
    const reply = oid();
    const nested = oid();
    await post('readera', article, { id: root, body: 'Frage' }).expect(201);
    await post('readera2', article, { id: reply, body: 'Antwort', parentId: root }).expect(201);
    const r = await post('readera', article, { id: nested, body: 'Danke', parentId: reply });
    expect(r.body.data.parentId).toBe(root);
    await post('readera', article, { id: oid(), body: 'x', parentId: oid() }).expect(400);
    const ids = (await list('readera', article)).body.data.map((c: { id: string }) => c.id);
    expect(ids.slice(-3)).toEqual([root, reply, nested]);
  });

  it('refuses readers outside the audience (404) and closed comments (403)', async () => {
    await list('readerb', article).expect(404);
    await post('readerb', article, { id: oid(), body: 'hi' }).expect(404);
    await post('readera', closed, { id: oid(), body: 'hi' }).expect(403);
    expect((await list('readera', closed).expect(200)).body.data).toEqual([]);
    const denied = await AuditModel.countDocuments({
      action: 'news.comment.create',
      outcome: 'denied',
    });
    expect(denied).toBe(1);
  });

  it('lets authors edit and delete their own, and moderators hide any', async () => {
    const id = oid();
    await post('readera', article, { id, body: 'Erstfassung' }).expect(201);
    await patch('readera2', article, id, { body: 'fremd' }).expect(403);
    await patch('readera', article, id, { hidden: true }).expect(403);
    await patch('readera', article, id, {}).expect(400);
    const edited = await patch('readera', article, id, { body: 'Zweitfassung' }).expect(200);
    expect(edited.body.data.body).toBe('Zweitfassung');
    expect(edited.body.data.editedAt).not.toBeNull();

    const before = (await articleStats([article])).get(article)?.comments ?? 0;
    const hidden = await patch('chaned', article, id, { hidden: true }).expect(200);
    expect(hidden.body.data).toMatchObject({ hidden: true, body: 'Zweitfassung' });
    const seen = (await list('readera2', article)).body.data.find(
      (c: { id: string }) => c.id === id,
    );
    expect(seen).toMatchObject({ hidden: true, body: '' });
    const modSeen = (await list('editor', article)).body.data.find(
      (c: { id: string }) => c.id === id,
    );
    expect(modSeen).toMatchObject({ hidden: true, body: 'Zweitfassung' });
    expect((await articleStats([article])).get(article)?.comments).toBe(before - 1);
    // The author cannot edit a hidden comment back into view.
    await patch('readera', article, id, { body: 'umgangen' }).expect(403);
    await patch('editor', article, id, { hidden: false }).expect(200);

    await del('readera2', article, id).expect(403);
    const gone = await del('readera', article, id).expect(200);
    expect(gone.body.data).toMatchObject({ deleted: true, body: '' });
    await del('readera', article, id).expect(200); // idempotent
    await del('readera', article, oid()).expect(404);
    expect((await articleStats([article])).get(article)?.comments).toBe(before - 1);
  });

  it('moderators delete any comment', async () => {
    const id = oid();
    await post('readera', article, { id, body: 'Unsinn' }).expect(201);
    const res = await del('chaned', article, id).expect(200);
    expect(res.body.data).toMatchObject({ deleted: true, body: '' });
  });
});

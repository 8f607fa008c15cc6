import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../main';
import { TEST_PASSWORD } from '../../test/app';
import {
  client,
  next,
  open,
  record,
  signIn,
  sleep,
  type SignedIn,
  startTestPortal,
} from '../../realtime/test-support';
import { makeArticle, makeNewsOrg, type NewsOrg } from './engagement.fixtures';
import { ArticleModel } from './article.model';
import { refreshArticle } from './news.read-model';

let server: RunningServer;
let base: string;
let org: NewsOrg;
let article: string;
const sockets: Socket[] = [];
const signed: Record<string, SignedIn> = {};

beforeAll(async () => {
  server = await startTestPortal('3612');
  base = server.url;
  org = await makeNewsOrg();
  article = await makeArticle(org, {
    mandatory: { deadline: new Date(Date.now() + 7 * 86_400_000), round: 1 },
  });
  for (const name of ['editor', 'readera', 'readera2', 'readerb']) {
    signed[name] = await signIn(base, name, TEST_PASSWORD);
  }
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await server?.close();
});

const connect = async (name: string) => {
  const s = client(base, { cookie: signed[name]!.cookie, origin: base });
  sockets.push(s);
  expect(await open(s)).toBe('connected');
  return s;
};
const watch = (s: Socket, articleId: string) =>
  s.timeout(2000).emitWithAck('news:watch', { articleId });
const call = (name: string, method: string, path: string, body?: object) =>
  fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: signed[name]!.cookie,
      'x-csrf-token': signed[name]!.csrf,
      origin: base,
    },
    body: body ? JSON.stringify(body) : undefined,
  });

describe('news:watch', () => {
  it('lets readers watch comments and reactions live; outsiders are refused and receive nothing', async () => {
    const reader = await connect('readera');
    const outsider = await connect('readerb');
    expect(await watch(reader, article)).toEqual({ ok: true });
    expect(await watch(outsider, article)).toEqual({ error: 'forbidden' });
    expect(await watch(outsider, 'not-an-id')).toEqual({ error: 'forbidden' });
    expect(await watch(outsider, String(new Types.ObjectId()))).toEqual({ error: 'forbidden' });
    const seen = record(outsider);

    const comment = next<{ articleId: string; comment: { body: string }; commentCount: number }>(
      reader,
      'news:comment',
    );
    const id = String(new Types.ObjectId());
    expect(
      (await call('readera2', 'POST', `/api/news/${article}/comments`, { id, body: 'Hallo' }))
        .status,
    ).toBe(201);
    expect(await comment).toMatchObject({
      articleId: article,
      comment: { body: 'Hallo' },
      commentCount: 1,
    });

    const reactions = next<{ reactions: Record<string, number> }>(reader, 'news:reactions');
    expect(
      (await call('readera2', 'PUT', `/api/news/${article}/reaction`, { reaction: 'idea' })).status,
    ).toBe(200);
    expect((await reactions).reactions).toEqual({ idea: 1 });

    await sleep(2000);
    expect(seen.filter((e) => e.event.startsWith('news:'))).toEqual([]);

    // After unwatching, nothing arrives any more.
    reader.emit('news:unwatch', { articleId: article });
    const after = record(reader);
    await sleep(200);
    await call('readera2', 'DELETE', `/api/news/${article}/reaction`);
    await sleep(1000);
    expect(after.filter((e) => e.event === 'news:reactions')).toEqual([]);
  });

  it('stops sending to a watcher who lost access (audience narrowed)', async () => {
    const narrowed = await makeArticle(org);
    const reader = await connect('readera');
    expect(await watch(reader, narrowed)).toEqual({ ok: true });
    await ArticleModel.updateOne(
      { _id: narrowed },
      { $set: { 'audience.units': [{ unitId: org.units.officeB._id, withSubunits: true }] } },
    );
    await refreshArticle(narrowed);
    const seen = record(reader);
    const id = String(new Types.ObjectId());
    const res = await call('editor', 'POST', `/api/news/${narrowed}/comments`, {
      id,
      body: 'Geheim',
    });
    expect(res.status).toBe(201);
    await sleep(2000);
    expect(seen.filter((e) => e.event === 'news:comment')).toEqual([]);
  });

  it('sends news:acknowledged to dashboard viewers only', async () => {
    const editor = await connect('editor');
    const outsider = await connect('readerb');
    const peer = await connect('readera2');
    const seenOutsider = record(outsider);
    const seenPeer = record(peer);
    const got = next<{
      articleId: string;
      round: number;
      officeId: string;
      person: { id: string };
    }>(editor, 'news:acknowledged');
    expect((await call('readera', 'POST', `/api/news/${article}/acknowledge`)).status).toBe(200);
    expect(await got).toMatchObject({
      articleId: article,
      round: 1,
      officeId: String(org.units.officeA._id),
      person: { id: org.people.readerA.id },
    });
    await sleep(1000);
    expect(seenOutsider.concat(seenPeer).filter((e) => e.event === 'news:acknowledged')).toEqual(
      [],
    );
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { PageDTO, SpaceDTO } from '@shared/wiki/types';
import type { RunningServer } from '../../main';
import { TEST_PASSWORD, makePerson } from '../../test/app';
import {
  client,
  next,
  open,
  record,
  signIn,
  sleep,
  startTestPortal,
  type SignedIn,
} from '../../realtime/test-support';
import { resetWikiIndex } from './page-index';
import { AuditModel } from '../audit/audit.model';

type Who = 'owner' | 'reader' | 'listed' | 'outsider';
let server: RunningServer;
let base: string;
const ids = {} as Record<Who, string>;
const signed = {} as Record<Who, SignedIn>;
const sockets: Socket[] = [];
let space: SpaceDTO;
let unitOfOwner: string;

async function call<T>(who: Who, method: string, path: string, body?: object): Promise<T> {
  const res = await fetch(`${base}/api/wiki${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: signed[who].cookie,
      'x-csrf-token': signed[who].csrf,
      origin: base,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status}`);
  return ((await res.json()) as { data: T }).data;
}

const connect = async (who: Who) => {
  const s = client(base, { cookie: signed[who].cookie, origin: base });
  sockets.push(s);
  expect(await open(s)).toBe('connected');
  return s;
};
const watch = (s: Socket, event: 'wiki:watch-space' | 'wiki:watch-page', payload: object) =>
  s.timeout(2000).emitWithAck(event, payload) as Promise<{ ok: true } | { error: string }>;
const newPage = (title: string) =>
  call<PageDTO>('owner', 'POST', '/pages', { id: randomUUID(), spaceId: space.id, title });

beforeAll(async () => {
  server = await startTestPortal('0');
  base = server.url;
  resetWikiIndex();
  const owner = await makePerson({ username: 'wr-owner', roles: ['employee', 'editor'] });
  ids.owner = owner.id;
  unitOfOwner = owner.unitId;
  ids.reader = (await makePerson({ username: 'wr-reader', unitId: owner.unitId })).id;
  ids.listed = (await makePerson({ username: 'wr-listed', unitId: owner.unitId })).id;
  ids.outsider = (await makePerson({ username: 'wr-outsider' })).id;
  for (const who of Object.keys(ids) as Who[]) {
    signed[who] = await signIn(base, `wr-${who}`, TEST_PASSWORD);
  }
  space = await call<SpaceDTO>('owner', 'POST', '/spaces', {
    key: 'live',
    name: 'Live',
    kind: 'topic',
    audience: { units: [{ unitId: owner.unitId, withSubunits: true }], roles: [], locationIds: [] },
  });
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await server?.close();
});

describe('wiki live events', () => {
  it('refuses watches of spaces and pages the person cannot read', async () => {
    const page = await newPage('Sichtbar');
    const outsider = await connect('outsider');
    expect(await watch(outsider, 'wiki:watch-space', { spaceId: space.id })).toEqual({
      error: 'forbidden',
    });
    expect(await watch(outsider, 'wiki:watch-page', { pageId: page.id })).toEqual({
      error: 'forbidden',
    });
    expect(await watch(outsider, 'wiki:watch-page', { pageId: 'x' })).toEqual({
      error: 'forbidden',
    });
    // Each refusal is in the audit log (SECURITY.md: refused socket joins).
    const refused = await AuditModel.find({ action: 'realtime.join_refused' }).lean();
    const seen = refused.map((a) => [a.subjectType, a.subjectId, a.outcome]);
    expect(seen).toContainEqual(['wiki_space', space.id, 'denied']);
    expect(seen).toContainEqual(['wiki_page', page.id, 'denied']);
  });

  it('sends tree and page invalidations to readers; a non-reader gets no wiki event', async () => {
    const page = await newPage('Abläufe');
    const reader = await connect('reader');
    const outsider = await connect('outsider');
    const heard = record(outsider);
    expect(await watch(reader, 'wiki:watch-space', { spaceId: space.id })).toEqual({ ok: true });
    expect(await watch(reader, 'wiki:watch-page', { pageId: page.id })).toEqual({ ok: true });
    await watch(outsider, 'wiki:watch-space', { spaceId: space.id });
    await watch(outsider, 'wiki:watch-page', { pageId: page.id });
    const tree = next<{ spaceId: string }>(reader, 'wiki:tree');
    const pageEvent = next<{ pageId: string; rev: number }>(reader, 'wiki:page');
    await call('owner', 'PATCH', `/pages/${page.id}`, { rev: page.rev, title: 'Abläufe neu' });
    expect(await tree).toEqual({ spaceId: space.id });
    expect(await pageEvent).toEqual({ pageId: page.id, rev: page.rev + 1 });
    await sleep(2000);
    expect(heard.filter((h) => h.event.startsWith('wiki:'))).toEqual([]);
  });

  it('removes a watcher restricted away and tells them; they hear nothing afterwards', async () => {
    const page = await newPage('Personalsache');
    const reader = await connect('reader');
    const listed = await connect('listed');
    expect(await watch(reader, 'wiki:watch-page', { pageId: page.id })).toEqual({ ok: true });
    expect(await watch(listed, 'wiki:watch-page', { pageId: page.id })).toEqual({ ok: true });
    const lost = next<{ spaceId: string; pageId: string | null }>(reader, 'wiki:access-lost');
    const stillThere = next(listed, 'wiki:page');
    const restricted = await call<PageDTO>('owner', 'PATCH', `/pages/${page.id}`, {
      rev: page.rev,
      restriction: { personIds: [ids.listed], unitIds: [] },
    });
    expect(await lost).toEqual({ spaceId: space.id, pageId: page.id });
    await stillThere;
    const heard = record(reader);
    await call('owner', 'PATCH', `/pages/${page.id}`, { rev: restricted.rev, title: 'Neu' });
    await next(listed, 'wiki:page');
    await sleep(500);
    expect(heard.filter((h) => h.event === 'wiki:page')).toEqual([]);
  });

  it('reads the person fresh: moved out of the audience, an open socket may no longer watch', async () => {
    const mover = await makePerson({ username: 'wr-mover', unitId: unitOfOwner });
    await makePerson({ username: 'wr-admin', roles: ['employee', 'admin'] });
    const elsewhere = await makePerson({ username: 'wr-elsewhere' });
    const moverIn = await signIn(base, 'wr-mover', TEST_PASSWORD);
    const adminIn = await signIn(base, 'wr-admin', TEST_PASSWORD);
    const s = client(base, { cookie: moverIn.cookie, origin: base });
    sockets.push(s);
    expect(await open(s)).toBe('connected');
    expect(await watch(s, 'wiki:watch-space', { spaceId: space.id })).toEqual({ ok: true });
    // An administrator moves the person to another office (the socket stays connected).
    const res = await fetch(`${base}/api/people/${mover.id}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        cookie: adminIn.cookie,
        'x-csrf-token': adminIn.csrf,
        origin: base,
      },
      body: JSON.stringify({ unitId: elsewhere.unitId }),
    });
    expect(res.status).toBe(200);
    expect(s.connected).toBe(true);
    expect(await watch(s, 'wiki:watch-space', { spaceId: space.id })).toEqual({
      error: 'forbidden',
    });
  });
});

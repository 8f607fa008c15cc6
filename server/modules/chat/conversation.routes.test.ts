import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { Types } from 'mongoose';
import type { ConversationDTO } from '@shared/chat/types';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { ChatKeyModel, ConversationModel } from './conversation.model';
import { rememberConversation } from './conversation.store';
import { InboxModel } from './inbox.model';

useTestDatabase();

let app: Express;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const oid = () => String(new Types.ObjectId());
const send = (method: 'post' | 'put' | 'patch' | 'delete', who: string, path: string, body = {}) =>
  s[who]!.agent[method](path).set('X-CSRF-Token', s[who]!.csrf).send(body);
const post = (who: string, path: string, body: object = {}) => send('post', who, path, body);
const get = (who: string, path: string) => s[who]!.agent.get(path);

const names = ['ana', 'ben', 'cem', 'dora', 'emil', 'out'];

beforeAll(async () => {
  app = makeTestApp();
  for (const name of names) {
    ids[name] = (await makePerson({ username: name })).id;
    s[name] = await session(app, name);
  }
  ids.gone = (await makePerson({ username: 'gone', active: false })).id;
});

const channel = async (who: string, name: string, extra: object = {}) =>
  (
    await post(who, '/api/conversations', {
      kind: 'channel',
      name,
      visibility: 'public',
      ...extra,
    }).expect(201)
  ).body.data as ConversationDTO;

describe('conversations: access and validation', () => {
  it('401 without a session on every route', async () => {
    const id = oid();
    const anon = request(app);
    await anon.get('/api/conversations').expect(401);
    await anon.get('/api/conversations/browse').expect(401);
    await anon.get('/api/conversations/unread').expect(401);
    await anon.get('/api/conversations/settings').expect(401);
    await anon.get(`/api/conversations/${id}`).expect(401);
    await anon.get(`/api/conversations/${id}/members`).expect(401);
    await anon.get(`/api/conversations/${id}/receipts`).expect(401);
    // Writes without a session are refused (CSRF first: 403, never 2xx).
    const guest = await session(app);
    const gsend = (m: 'post' | 'put' | 'patch' | 'delete', path: string, body = {}) =>
      guest.agent[m](path).set('X-CSRF-Token', guest.csrf).send(body);
    await gsend('post', '/api/conversations', { kind: 'direct', personId: ids.ben }).expect(401);
    await gsend('put', '/api/conversations/settings', { readReceipts: false }).expect(401);
    await gsend('patch', `/api/conversations/${id}`, { name: 'x' }).expect(401);
    await gsend('post', `/api/conversations/${id}/join`).expect(401);
    await gsend('post', `/api/conversations/${id}/leave`).expect(401);
    await gsend('put', `/api/conversations/${id}/preferences`, { muted: true }).expect(401);
    await gsend('post', `/api/conversations/${id}/read`, { seq: 1 }).expect(401);
    await gsend('post', `/api/conversations/${id}/members`, { personIds: [ids.ana] }).expect(401);
    await gsend('delete', `/api/conversations/${id}/members/${ids.ana}`).expect(401);
    await gsend('patch', `/api/conversations/${id}/members/${ids.ana}`, { role: 'owner' }).expect(
      401,
    );
  });

  it('400 for a missing kind, injection objects, unknown fields, bad ids, self and too many', async () => {
    await post('ana', '/api/conversations', { personId: ids.ben }).expect(400);
    await post('ana', '/api/conversations', { kind: 'direct', personId: { $ne: null } }).expect(
      400,
    );
    await post('ana', '/api/conversations', {
      kind: 'direct',
      personId: ids.ben,
      roomId: oid(),
    }).expect(400);
    await post('ana', '/api/conversations', { kind: 'direct', personId: 'nope' }).expect(400);
    const self = await post('ana', '/api/conversations', { kind: 'direct', personId: ids.ana });
    expect(self.status).toBe(400);
    expect(self.body.error.details[0]).toMatchObject({ path: 'personId', code: 'self_reference' });
    const inactive = await post('ana', '/api/conversations', {
      kind: 'direct',
      personId: ids.gone,
    }).expect(400);
    expect(inactive.body.error.details[0].code).toBe('unknown_reference');
    await post('ana', '/api/conversations', { kind: 'direct', personId: oid() }).expect(400);
    const many = Array.from({ length: 50 }, oid);
    await post('ana', '/api/conversations', { kind: 'group', memberIds: many }).expect(400);
    await post('ana', '/api/conversations', { kind: 'group', memberIds: [ids.ben] }).expect(400);
    await post('ana', '/api/conversations', {
      kind: 'group',
      memberIds: [ids.ben, ids.ana],
    }).expect(400);
    await post('ana', '/api/conversations', {
      kind: 'channel',
      name: 'x',
      visibility: 'public',
    }).expect(400);
    await post('ana', '/api/conversations', {
      kind: 'channel',
      name: 'Ein Kanal',
      visibility: 'secret',
    }).expect(400);
    await get('ana', '/api/conversations/not-an-id').expect(400);
    await get('ana', '/api/conversations/browse?q[$ne]=x').expect(400);
    await send('put', 'ana', '/api/conversations/settings', { presence: 'busy' }).expect(400);
    await send('put', 'ana', '/api/conversations/settings', { theme: 'dark' }).expect(400);
  });

  it('404 for unknown conversations on every :id route', async () => {
    const id = oid();
    await get('ana', `/api/conversations/${id}`).expect(404);
    await get('ana', `/api/conversations/${id}/members`).expect(404);
    await get('ana', `/api/conversations/${id}/receipts`).expect(404);
    await send('patch', 'ana', `/api/conversations/${id}`, { name: 'Neu' }).expect(404);
    await post('ana', `/api/conversations/${id}/join`).expect(404);
    await post('ana', `/api/conversations/${id}/leave`).expect(404);
    await send('put', 'ana', `/api/conversations/${id}/preferences`, { muted: true }).expect(404);
    await post('ana', `/api/conversations/${id}/read`, { seq: 1 }).expect(404);
    await post('ana', `/api/conversations/${id}/members`, { personIds: [ids.ben] }).expect(404);
    await send('delete', 'ana', `/api/conversations/${id}/members/${ids.ben}`).expect(404);
    await send('patch', 'ana', `/api/conversations/${id}/members/${ids.ben}`, {
      role: 'owner',
    }).expect(404);
  });

  it('403 for non-members on every :id route, also of a public channel', async () => {
    const c = await channel('ana', 'Offen für alle');
    const p = `/api/conversations/${c.id}`;
    await get('out', p).expect(403);
    await get('out', `${p}/members`).expect(403);
    await get('out', `${p}/receipts`).expect(403);
    await send('patch', 'out', p, { name: 'Übernommen' }).expect(403);
    await post('out', `${p}/leave`).expect(403);
    await send('put', 'out', `${p}/preferences`, { muted: true }).expect(403);
    await post('out', `${p}/read`, { seq: 1 }).expect(403);
    await post('out', `${p}/members`, { personIds: [ids.out] }).expect(403);
    await send('delete', 'out', `${p}/members/${ids.ana}`).expect(403);
    await send('patch', 'out', `${p}/members/${ids.out}`, { role: 'owner' }).expect(403);
    const dm = (
      await post('ana', '/api/conversations', { kind: 'direct', personId: ids.ben }).expect(201)
    ).body.data as ConversationDTO;
    await post('out', `/api/conversations/${dm.id}/join`).expect(403);
    await get('out', `/api/conversations/${dm.id}`).expect(403);
  });
});

describe('conversations: create', () => {
  it('direct: one per pair, also when created twice in parallel and from both sides', async () => {
    const [a, b] = await Promise.all([
      post('cem', '/api/conversations', { kind: 'direct', personId: ids.dora }),
      post('cem', '/api/conversations', { kind: 'direct', personId: ids.dora }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.data.id).toBe(b.body.data.id);
    const back = await post('dora', '/api/conversations', { kind: 'direct', personId: ids.cem });
    expect(back.status).toBe(200);
    expect(back.body.data.id).toBe(a.body.data.id);
    expect(back.body.data.name).toBe(a.body.data.peer ? back.body.data.peer.displayName : '');
    expect(a.body.data.peer.id).toBe(ids.dora);
    expect(back.body.data.peer.id).toBe(ids.cem);
    const stored = await ConversationModel.find({ kind: 'direct' }).lean();
    const pair = stored.filter((c) => c.members[ids.cem!] && c.members[ids.dora!]);
    expect(pair).toHaveLength(1);
  });

  it('direct: a creation that stopped after the key is completed by the retry', async () => {
    const key = `dm:${[ids.emil, ids.ben].sort().join(':')}`;
    const orphan = new Types.ObjectId();
    await ChatKeyModel.create({ _id: key, conversationId: orphan });
    const res = await post('emil', '/api/conversations', {
      kind: 'direct',
      personId: ids.ben,
    }).expect(201);
    expect(res.body.data.id).toBe(String(orphan));
    const inbox = await InboxModel.findById(ids.ben).lean();
    expect(inbox?.conversations[String(orphan)]).toBeTruthy();
  });

  it('group: creator and members, named or not', async () => {
    const res = await post('ana', '/api/conversations', {
      kind: 'group',
      memberIds: [ids.ben, ids.cem, ids.ben],
      name: 'Mittagessen',
    }).expect(201);
    const g = res.body.data as ConversationDTO;
    expect(g).toMatchObject({
      kind: 'group',
      name: 'Mittagessen',
      memberCount: 3,
      visibility: null,
    });
    expect(g.membersPreview.map((p) => p.id).sort()).toEqual([ids.ben, ids.cem].sort());
    expect(g.me).toMatchObject({ readSeq: 0, muted: false, favourite: false, mentions: 0 });
    expect(g.abilities).toMatchObject({ read: true, post: true, addMembers: true, leave: true });
    await get('cem', `/api/conversations/${g.id}`).expect(200);
    await get('dora', `/api/conversations/${g.id}`).expect(403);
  });

  it('channel: unique name (folded), creator owns it, audited; inactive members refused', async () => {
    const c = await channel('ben', 'Straßenbau', { memberIds: [ids.cem], topic: 'Baustellen' });
    expect(c).toMatchObject({ kind: 'channel', visibility: 'public', memberCount: 2 });
    expect(c.me?.role).toBe('owner');
    const dup = await post('dora', '/api/conversations', {
      kind: 'channel',
      name: 'STRASSENBAU',
      visibility: 'private',
    }).expect(409);
    expect(dup.body.error.code).toBe('channel_name_taken');
    const bad = await post('dora', '/api/conversations', {
      kind: 'channel',
      name: 'Neuer Kanal',
      visibility: 'private',
      memberIds: [ids.ana, ids.gone],
    }).expect(400);
    expect(bad.body.error.details[0]).toMatchObject({
      path: 'memberIds.1',
      code: 'unknown_reference',
    });
    expect(
      await AuditModel.countDocuments({ action: 'chat.channel.create', subjectId: c.id }),
    ).toBe(1);
  });
});

describe('conversations: read, update, browse, settings', () => {
  it('lists my conversations newest first, skipping stale inbox entries', async () => {
    const c = await channel('dora', 'Kantine');
    const list = (await get('dora', '/api/conversations').expect(200)).body
      .data as ConversationDTO[];
    expect(list[0]?.id).toBe(c.id);
    const times = list.map((x) => x.lastActivityAt);
    expect([...times].sort().reverse()).toEqual(times);
    // A membership removed from the conversation while the inbox entry stayed behind.
    const stale = await ConversationModel.findByIdAndUpdate(
      c.id,
      { $unset: { [`members.${ids.dora}`]: 1 }, $set: { memberCount: 0 } },
      { returnDocument: 'after' },
    ).lean();
    rememberConversation(stale!);
    const after = (await get('dora', '/api/conversations').expect(200)).body
      .data as ConversationDTO[];
    expect(after.map((x) => x.id)).not.toContain(c.id);
    await get('dora', `/api/conversations/${c.id}`).expect(403);
  });

  it('owners rename, change the topic and archive; members may not; audit for archive', async () => {
    const c = await channel('ana', 'Projekt Alpha', { memberIds: [ids.ben] });
    const p = `/api/conversations/${c.id}`;
    await send('patch', 'ben', p, { name: 'Projekt Beta' }).expect(403);
    await send('patch', 'ben', p, { archived: true }).expect(403);
    await send('patch', 'ana', p, {}).expect(400);
    const renamed = await send('patch', 'ana', p, { name: 'Projekt Beta', topic: 'Neu' }).expect(
      200,
    );
    expect(renamed.body.data).toMatchObject({ name: 'Projekt Beta', topic: 'Neu' });
    // The old name is free again, the new one is taken.
    await channel('cem', 'Projekt Alpha');
    await post('cem', '/api/conversations', {
      kind: 'channel',
      name: 'projekt beta',
      visibility: 'public',
    }).expect(409);
    const archived = await send('patch', 'ana', p, { archived: true }).expect(200);
    expect(archived.body.data.archived).toBe(true);
    expect(archived.body.data.abilities.post).toBe(false);
    await send('patch', 'ana', p, { name: 'Nicht mehr' }).expect(403);
    expect(
      await AuditModel.countDocuments({ action: 'chat.channel.archive', subjectId: c.id }),
    ).toBe(1);
    const dm = (await post('ana', '/api/conversations', { kind: 'direct', personId: ids.emil }))
      .body.data as ConversationDTO;
    await send('patch', 'ana', `/api/conversations/${dm.id}`, { name: 'DM' }).expect(403);
  });

  it('browse: public joinable channels with me null; private ones never', async () => {
    const pub = await channel('emil', 'Radverkehr', { topic: 'Fahrräder' });
    const priv = await channel('emil', 'Geheimprojekt', { visibility: 'private' });
    const found = (await get('out', '/api/conversations/browse?q=radv').expect(200)).body
      .data as ConversationDTO[];
    expect(found.map((c) => c.id)).toEqual([pub.id]);
    expect(found[0]?.me).toBeNull();
    expect(found[0]?.unread).toBe(0);
    expect(found[0]?.abilities.join).toBe(true);
    const byTopic = (await get('out', '/api/conversations/browse?q=fahrraeder').expect(200)).body
      .data as ConversationDTO[];
    expect(byTopic.map((c) => c.id)).toEqual([pub.id]);
    const all = (await get('out', '/api/conversations/browse').expect(200)).body
      .data as ConversationDTO[];
    expect(all.map((c) => c.id)).not.toContain(priv.id);
  });

  it('settings: defaults, change, unknown values refused', async () => {
    const first = await get('cem', '/api/conversations/settings').expect(200);
    expect(first.body.data).toEqual({ readReceipts: true, presence: 'auto' });
    const changed = await send('put', 'cem', '/api/conversations/settings', {
      readReceipts: false,
      presence: 'dnd',
    }).expect(200);
    expect(changed.body.data).toEqual({ readReceipts: false, presence: 'dnd' });
    expect((await get('cem', '/api/conversations/settings')).body.data.presence).toBe('dnd');
    await send('put', 'cem', '/api/conversations/settings', { presence: 'auto' }).expect(200);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { ChatUnreadSummaryDTO, ConversationDTO, MemberDTO } from '@shared/chat/types';
import { useTestDatabase } from '../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { ConversationModel, type Conversation } from './conversation.model';
import { rememberConversation } from './conversation.store';
import { InboxModel } from './inbox.model';
import { forgetInbox } from './inbox.store';
import { addMentions, advanceReadPosition } from './read.service';
import { flushReadPositions } from './read-behind';

useTestDatabase();

let app: Express;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const send = (method: 'post' | 'put' | 'patch' | 'delete', who: string, path: string, body = {}) =>
  s[who]!.agent[method](path).set('X-CSRF-Token', s[who]!.csrf).send(body);
const post = (who: string, path: string, body: object = {}) => send('post', who, path, body);
const get = (who: string, path: string) => s[who]!.agent.get(path);

beforeAll(async () => {
  app = makeTestApp();
  for (const name of ['owner', 'mia', 'noah', 'lea', 'paul', 'out']) {
    ids[name] = (await makePerson({ username: name })).id;
    s[name] = await session(app, name);
  }
  ids.gone = (await makePerson({ username: 'gone', active: false })).id;
});

const create = async (who: string, body: object) =>
  (await post(who, '/api/conversations', body).expect(201)).body.data as ConversationDTO;
const channel = (name: string, extra: object = {}) =>
  create('owner', { kind: 'channel', name, visibility: 'public', ...extra });
const memberIds = async (who: string, id: string) =>
  ((await get(who, `/api/conversations/${id}/members`).expect(200)).body.data as MemberDTO[])
    .map((m) => m.person.id)
    .sort();

/** Pretend `n` messages were sent (the message routes are another helper's). */
async function setLastSeq(id: string, lastSeq: number) {
  const conv = await ConversationModel.findByIdAndUpdate(
    id,
    { $set: { lastSeq, lastActivityAt: new Date() } },
    { returnDocument: 'after' },
  ).lean<Conversation>();
  rememberConversation(conv!);
}

describe('members', () => {
  it('join a public channel twice = one membership; leave; private channels are not joinable', async () => {
    const c = await channel('Sport');
    const first = await post('mia', `/api/conversations/${c.id}/join`).expect(200);
    expect(first.body.data.me.role).toBe('member');
    await post('mia', `/api/conversations/${c.id}/join`).expect(200);
    expect(await memberIds('mia', c.id)).toEqual([ids.owner, ids.mia].sort());
    const stored = await ConversationModel.findById(c.id).lean();
    expect(stored?.memberCount).toBe(2);
    await post('mia', `/api/conversations/${c.id}/leave`).expect(200);
    await get('mia', `/api/conversations/${c.id}`).expect(403);
    expect((await InboxModel.findById(ids.mia).lean())?.conversations[c.id]).toBeUndefined();
    const priv = await channel('Intern', { visibility: 'private' });
    await post('mia', `/api/conversations/${priv.id}/join`).expect(403);
  });

  it('owners add and remove (audited); members of a private channel may not add', async () => {
    const c = await channel('Vorstand', { visibility: 'private', memberIds: [ids.mia] });
    const p = `/api/conversations/${c.id}/members`;
    await post('mia', p, { personIds: [ids.noah] }).expect(403);
    await post('owner', p, { personIds: [ids.gone] }).expect(400);
    await post('owner', p, { personIds: [{ $gt: '' }] }).expect(400);
    await post('owner', p, { personIds: [ids.noah], role: 'owner' }).expect(400);
    const added = await post('owner', p, { personIds: [ids.noah, ids.noah] }).expect(200);
    expect((added.body.data as MemberDTO[]).map((m) => m.person.id).sort()).toEqual(
      [ids.owner, ids.mia, ids.noah].sort(),
    );
    expect((added.body.data as MemberDTO[])[0]?.role).toBe('owner');
    await send('delete', 'mia', `${p}/${ids.noah}`).expect(403);
    await send('delete', 'owner', `${p}/${ids.noah}`).expect(200);
    await send('delete', 'owner', `${p}/${ids.noah}`).expect(200);
    expect(await memberIds('owner', c.id)).toEqual([ids.owner, ids.mia].sort());
    await get('noah', `/api/conversations/${c.id}`).expect(403);
    expect(await AuditModel.countDocuments({ action: 'chat.member.remove', subjectId: c.id })).toBe(
      1,
    );
    // Removing oneself is leaving.
    await send('delete', 'mia', `${p}/${ids.mia}`).expect(200);
    expect(await memberIds('owner', c.id)).toEqual([ids.owner]);
  });

  it('roles: owners promote; the last owner can neither step down nor leave a non-empty channel', async () => {
    const c = await channel('Planung', { memberIds: [ids.mia] });
    const p = `/api/conversations/${c.id}/members`;
    await send('patch', 'mia', `${p}/${ids.mia}`, { role: 'owner' }).expect(403);
    await send('patch', 'owner', `${p}/${ids.noah}`, { role: 'owner' }).expect(404);
    await send('patch', 'owner', `${p}/${ids.mia}`, { role: 'admin' }).expect(400);
    const lastOwner = await send('patch', 'owner', `${p}/${ids.owner}`, { role: 'member' });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.body.error.code).toBe('last_owner');
    expect((await post('owner', `/api/conversations/${c.id}/leave`)).body.error.code).toBe(
      'last_owner',
    );
    await send('patch', 'owner', `${p}/${ids.mia}`, { role: 'owner' }).expect(200);
    await post('owner', `/api/conversations/${c.id}/leave`).expect(200);
    const conv = (await get('mia', `/api/conversations/${c.id}`).expect(200)).body
      .data as ConversationDTO;
    expect(conv.memberCount).toBe(1);
    expect(conv.abilities.removeMembers).toBe(true);
  });

  it('groups: every member adds, up to 50; nobody leaves a direct message', async () => {
    const g = await create('owner', { kind: 'group', memberIds: [ids.mia, ids.noah] });
    await post('mia', `/api/conversations/${g.id}/members`, { personIds: [ids.lea] }).expect(200);
    await send('delete', 'mia', `/api/conversations/${g.id}/members/${ids.lea}`).expect(403);
    const many = await Promise.all(
      Array.from({ length: 46 }, (_, i) => makePerson({ username: `viele${i}` })),
    );
    const tooMany = await post('mia', `/api/conversations/${g.id}/members`, {
      personIds: [...many.map((m) => m.id), ids.paul],
    }).expect(400);
    expect(tooMany.body.error.details[0].code).toBe('too_big');
    await post('mia', `/api/conversations/${g.id}/members`, {
      personIds: many.map((m) => m.id),
    }).expect(200);
    await post('mia', `/api/conversations/${g.id}/members`, { personIds: [ids.paul] }).expect(403);
    const dm = await create('owner', { kind: 'direct', personId: ids.paul });
    await post('owner', `/api/conversations/${dm.id}/leave`).expect(403);
    await post('owner', `/api/conversations/${dm.id}/members`, { personIds: [ids.mia] }).expect(
      403,
    );
  });

  it('a repeated add completes a change that stopped before the inbox entry', async () => {
    const c = await channel('Halbfertig');
    await post('owner', `/api/conversations/${c.id}/members`, { personIds: [ids.lea] }).expect(200);
    // As if the server stopped after writing the conversation: the inbox entry is missing.
    await InboxModel.updateOne({ _id: ids.lea }, { $unset: { [`conversations.${c.id}`]: 1 } });
    forgetInbox(ids.lea!);
    const list = (await get('lea', '/api/conversations').expect(200)).body
      .data as ConversationDTO[];
    expect(list.map((x) => x.id)).not.toContain(c.id);
    await post('owner', `/api/conversations/${c.id}/members`, { personIds: [ids.lea] }).expect(200);
    expect((await InboxModel.findById(ids.lea).lean())?.conversations[c.id]).toBeTruthy();
    const again = (await get('lea', '/api/conversations').expect(200)).body
      .data as ConversationDTO[];
    expect(again.map((x) => x.id)).toContain(c.id);
    expect((await ConversationModel.findById(c.id).lean())?.memberCount).toBe(2);
  });
});

describe('read state, preferences, unread summary, receipts', () => {
  it('the read position never goes backwards, never passes lastSeq, resets mentions', async () => {
    const c = await channel('Lesen', { memberIds: [ids.mia] });
    await setLastSeq(c.id, 10);
    await addMentions([ids.mia!, ids.mia!, ids.out!], c.id);
    await addMentions([ids.mia!], c.id);
    let me = (await get('mia', `/api/conversations/${c.id}`)).body.data as ConversationDTO;
    expect(me.unread).toBe(10);
    expect(me.me?.mentions).toBe(2);
    const r = `/api/conversations/${c.id}/read`;
    expect((await post('mia', r, { seq: 6 }).expect(200)).body.data).toEqual({
      conversationId: c.id,
      readSeq: 6,
      mentions: 0,
      unread: 4,
    });
    expect((await post('mia', r, { seq: 3 }).expect(200)).body.data.readSeq).toBe(6);
    expect((await post('mia', r, { seq: 99 }).expect(200)).body.data.readSeq).toBe(10);
    await post('mia', r, { seq: -1 }).expect(400);
    await post('mia', r, { seq: '5' }).expect(400);
    me = (await get('mia', `/api/conversations/${c.id}`)).body.data as ConversationDTO;
    expect(me.unread).toBe(0);
    await setLastSeq(c.id, 12);
    expect(await advanceReadPosition(ids.mia!, c.id, 11)).toMatchObject({ readSeq: 11 });
    expect(await advanceReadPosition(ids.out!, c.id, 12)).toBeNull();
    expect((await get('mia', `/api/conversations/${c.id}`)).body.data.unread).toBe(1);
  });

  it('the stored read position never goes back, even from an outdated cached copy', async () => {
    const c = await channel('Zwei Instanzen', { memberIds: [ids.mia] });
    await setLastSeq(c.id, 10);
    const r = `/api/conversations/${c.id}/read`;
    await post('mia', r, { seq: 5 }).expect(200);
    // Another instance moved it to 8; this instance has not heard of it yet (cached copy says 5).
    await InboxModel.updateOne(
      { _id: ids.mia },
      { $set: { [`conversations.${c.id}.readSeq`]: 8 } },
    );
    await post('mia', r, { seq: 6 }).expect(200);
    const stored = await InboxModel.findById(ids.mia).lean();
    expect(stored?.conversations[c.id]?.readSeq).toBe(8);
  });

  it('a sender’s own read position is answered at once and stored in a batch (never backwards)', async () => {
    const c = await channel('Schreiben', { memberIds: [ids.lea] });
    await setLastSeq(c.id, 4);
    await post('lea', `/api/conversations/${c.id}/read`, { seq: 2 }).expect(200);
    expect(await advanceReadPosition(ids.lea!, c.id, 4)).toMatchObject({ readSeq: 4, unread: 0 });
    expect((await get('lea', `/api/conversations/${c.id}`)).body.data.unread).toBe(0);
    const before = await InboxModel.findById(ids.lea).lean();
    expect(before?.conversations[c.id]?.readSeq).toBe(2);
    await flushReadPositions();
    const after = await InboxModel.findById(ids.lea).lean();
    expect(after?.conversations[c.id]?.readSeq).toBe(4);
    expect(after?.conversations[c.id]?.muted).toBe(false);
  });

  it('preferences are the person’s own; muted conversations are left out of the total', async () => {
    const a = await channel('Laut', { memberIds: [ids.noah] });
    const b = await channel('Leise', { memberIds: [ids.noah] });
    await setLastSeq(a.id, 3);
    await setLastSeq(b.id, 5);
    const before = (await get('noah', '/api/conversations/unread').expect(200)).body
      .data as ChatUnreadSummaryDTO;
    expect(before.total).toBe(8);
    expect(before.conversations.map((c) => c.id)).toEqual([b.id, a.id]);
    const muted = await send('put', 'noah', `/api/conversations/${b.id}/preferences`, {
      muted: true,
      favourite: true,
    }).expect(200);
    expect(muted.body.data.me).toMatchObject({ muted: true, favourite: true });
    await send('put', 'noah', `/api/conversations/${b.id}/preferences`, { role: 'owner' }).expect(
      400,
    );
    const after = (await get('noah', '/api/conversations/unread').expect(200)).body
      .data as ChatUnreadSummaryDTO;
    expect(after.total).toBe(3);
    expect(after.conversations.map((c) => c.id)).toEqual([a.id]);
    // Someone else's view is unchanged.
    const owners = (await get('owner', `/api/conversations/${b.id}`)).body.data as ConversationDTO;
    expect(owners.me?.muted).toBe(false);
  });

  it('receipts: the peer’s position in a direct message, only when both allow it', async () => {
    const dm = await create('lea', { kind: 'direct', personId: ids.paul });
    await setLastSeq(dm.id, 4);
    await post('paul', `/api/conversations/${dm.id}/read`, { seq: 3 }).expect(200);
    const r = await get('lea', `/api/conversations/${dm.id}/receipts`).expect(200);
    expect(r.body.data).toEqual({ conversationId: dm.id, personId: ids.paul, readSeq: 3 });
    await send('put', 'paul', '/api/conversations/settings', { readReceipts: false }).expect(200);
    expect((await get('lea', `/api/conversations/${dm.id}/receipts`)).body.data).toBeNull();
    const g = await create('lea', { kind: 'group', memberIds: [ids.paul, ids.mia] });
    expect((await get('lea', `/api/conversations/${g.id}/receipts`)).body.data).toBeNull();
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { Types } from 'mongoose';
import type { ConversationDTO, MessageDTO } from '@shared/chat/types';
import { useTestDatabase } from '../../test/db';
import { session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { chatWorld, client, type ChatWorld } from './message.fixtures';

useTestDatabase();

let w: ChatWorld;
let c: ReturnType<typeof client>;
let conv: ConversationDTO;
let msg: MessageDTO;

beforeAll(async () => {
  w = await chatWorld(['ana', 'ben', 'cem', 'out']);
  c = client(w);
  conv = await c.channel('ana', ['ben', 'cem']);
  msg = await c.sent('ben', conv.id, 'Erste Nachricht');
});

const oid = () => String(new Types.ObjectId());
const mid = () => `${oid()}-${randomUUID()}`;
const paths = () => {
  const m = `/api/conversations/${conv.id}/messages/${msg.id}`;
  return {
    m,
    list: `/api/conversations/${conv.id}/messages`,
    reaction: `${m}/reactions/thumbsup`,
    thread: `${m}/thread`,
    follow: `${m}/follow`,
    forward: `${m}/forward`,
    files: `/api/conversations/${conv.id}/files`,
    file: `/api/conversations/${conv.id}/files/${oid()}`,
  };
};

describe('message routes: 401 and 403', () => {
  it('401 without a session on every route', async () => {
    const p = paths();
    const anon = request(w.app);
    for (const path of [p.list, p.m, p.thread, p.file, '/api/conversations/search?q=abc'])
      await anon.get(path).expect(401);
    const guest = await session(w.app);
    const g = (m: 'post' | 'put' | 'patch' | 'delete', path: string, body: object = {}) =>
      guest.agent[m](path).set('X-CSRF-Token', guest.csrf).send(body);
    await g('post', p.list, { clientId: randomUUID(), body: 'x' }).expect(401);
    await g('patch', p.m, { body: 'x' }).expect(401);
    await g('delete', p.m).expect(401);
    await g('put', p.reaction).expect(401);
    await g('delete', p.reaction).expect(401);
    await g('put', p.follow, { follow: true }).expect(401);
    await g('post', p.forward, { targetConversationId: conv.id, clientId: randomUUID() }).expect(
      401,
    );
    await guest.agent
      .post(p.files)
      .set('X-CSRF-Token', guest.csrf)
      .attach('file', Buffer.from('hallo'), 'a.txt')
      .expect(401);
  });

  it('403 for a non-member on every route (no admin-like bypass)', async () => {
    const p = paths();
    for (const path of [
      p.list,
      p.m,
      p.thread,
      p.file,
      `/api/conversations/search?q=erste&conversationId=${conv.id}`,
    ])
      await c.get('out', path).expect(403);
    await c.send('out', conv.id, 'x').expect(403);
    await c.call('patch', 'out', p.m, { body: 'x' }).expect(403);
    await c.call('delete', 'out', p.m).expect(403);
    await c.call('put', 'out', p.reaction).expect(403);
    await c.call('delete', 'out', p.reaction).expect(403);
    await c.call('put', 'out', p.follow, { follow: true }).expect(403);
    const own = await c.channel('out', []);
    await c
      .call('post', 'out', p.forward, { targetConversationId: own.id, clientId: randomUUID() })
      .expect(403);
    await w.s
      .out!.agent.post(p.files)
      .set('X-CSRF-Token', w.s.out!.csrf)
      .attach('file', Buffer.from('hallo'), 'a.txt')
      .expect(403);
    // Search without a conversation finds nothing of conversations one is not in.
    const res = await c.get('out', '/api/conversations/search?q=erste').expect(200);
    expect(res.body.data).toEqual([]);
  });

  it('a removed member is refused at once', async () => {
    const room = await c.channel('ana', ['cem']);
    const m = await c.sent('cem', room.id, 'bald weg');
    await c.get('cem', `/api/conversations/${room.id}/messages`).expect(200);
    await c
      .call('delete', 'ana', `/api/conversations/${room.id}/members/${w.ids.cem}`)
      .expect((r) => {
        expect([200, 204]).toContain(r.status);
      });
    await c.get('cem', `/api/conversations/${room.id}/messages`).expect(403);
    await c.get('cem', `/api/conversations/${room.id}/messages/${m.id}`).expect(403);
    await c.send('cem', room.id, 'noch da?').expect(403);
  });
});

describe('message routes: 400 and 404', () => {
  it('400 for bad ids, unknown fields, empty messages, both cursors, unknown reactions', async () => {
    const p = paths();
    await c.get('ana', '/api/conversations/xyz/messages').expect(400);
    await c.get('ana', `/api/conversations/${conv.id}/messages/not-a-message`).expect(400);
    const both = await c.get('ana', `${p.list}?before=5&after=1`).expect(400);
    expect(both.body.error.details[0].code).toBe('before_and_after');
    const empty = await c.send('ana', conv.id, '   ').expect(400);
    expect(empty.body.error.details[0].code).toBe('message_empty');
    await c.send('ana', conv.id, 'x', { clientId: 'kurz' }).expect(400);
    await c.send('ana', conv.id, 'x', { senderId: w.ids.cem }).expect(400);
    await c.send('ana', conv.id, 'x', { body: { $gt: '' } }).expect(400);
    await c.call('put', 'ana', `${p.m}/reactions/poop`).expect(400);
    await c.call('patch', 'ben', p.m, { body: '' }).expect(400);
    await c.call('put', 'ana', p.follow, {}).expect(400);
    await c.get('ana', '/api/conversations/search?q=a').expect(400);
  });

  it('404 for an unknown conversation or message', async () => {
    await c.get('ana', `/api/conversations/${oid()}/messages`).expect(404);
    await c.send('ana', oid(), 'x').expect(404);
    const unknown = `/api/conversations/${conv.id}/messages/${mid()}`;
    await c.get('ana', unknown).expect(404);
    await c.get('ana', `${unknown}/thread`).expect(404);
    await c.call('patch', 'ana', unknown, { body: 'x' }).expect(404);
    await c.call('put', 'ana', `${unknown}/reactions/heart`).expect(404);
    await c
      .call('post', 'ana', `${unknown}/forward`, {
        targetConversationId: conv.id,
        clientId: randomUUID(),
      })
      .expect(404);
    await c
      .call('post', 'ana', `${paths().forward}`, {
        targetConversationId: oid(),
        clientId: randomUUID(),
      })
      .expect(404);
  });
});

describe('message routes: reading', () => {
  it('pages: newest first page ascending with hasMore, before = older, after = catch-up', async () => {
    const room = await c.channel('ana', ['ben']);
    for (let i = 1; i <= 7; i++) await c.sent(i % 2 ? 'ana' : 'ben', room.id, `Nr. ${i}`);
    const list = `/api/conversations/${room.id}/messages`;
    const newest = (await c.get('ben', `${list}?limit=3`).expect(200)).body;
    expect(newest.data.map((m: MessageDTO) => m.seq)).toEqual([5, 6, 7]);
    expect(newest.hasMore).toBe(true);
    const older = (await c.get('ben', `${list}?limit=3&before=5`).expect(200)).body;
    expect(older.data.map((m: MessageDTO) => m.seq)).toEqual([2, 3, 4]);
    const oldest = (await c.get('ben', `${list}?limit=3&before=2`).expect(200)).body;
    expect(oldest).toMatchObject({ hasMore: false });
    expect(oldest.data.map((m: MessageDTO) => m.seq)).toEqual([1]);
    const catchUp = (await c.get('ben', `${list}?after=3&limit=3`).expect(200)).body;
    expect(catchUp.data.map((m: MessageDTO) => m.seq)).toEqual([4, 5, 6]);
    expect(catchUp.hasMore).toBe(true);
    const rest = (await c.get('ben', `${list}?after=6`).expect(200)).body;
    expect(rest).toMatchObject({ hasMore: false });
    expect(rest.data.map((m: MessageDTO) => m.seq)).toEqual([7]);
  });
});

describe('message routes: actions', () => {
  it('edit: the sender 200 (editedAt), others 403', async () => {
    const m = await c.sent('ana', conv.id, 'Tippfehlr');
    const path = `/api/conversations/${conv.id}/messages/${m.id}`;
    await c.call('patch', 'ben', path, { body: 'fremd' }).expect(403);
    const res = await c.call('patch', 'ana', path, { body: 'Tippfehler' }).expect(200);
    expect(res.body.data).toMatchObject({ body: 'Tippfehler', seq: m.seq });
    expect(res.body.data.editedAt).not.toBeNull();
  });

  it('delete: soft, idempotent for the sender; channel owners moderate (audited); others 403', async () => {
    const m = await c.sent('ben', conv.id, 'Bitte löschen');
    const path = `/api/conversations/${conv.id}/messages/${m.id}`;
    await c.call('delete', 'cem', path).expect(403);
    const del = await c.call('delete', 'ben', path).expect(200);
    expect(del.body.data).toMatchObject({ body: '', attachments: [], seq: m.seq });
    expect(del.body.data.deletedAt).not.toBeNull();
    await c.call('delete', 'ben', path).expect(200);
    await c.call('patch', 'ben', path, { body: 'wieder da' }).expect(403);
    await c.call('put', 'cem', `${path}/reactions/heart`).expect(403);
    const other = await c.sent('cem', conv.id, 'Unpassend');
    await c.call('delete', 'ana', `/api/conversations/${conv.id}/messages/${other.id}`).expect(200);
    expect(
      await AuditModel.countDocuments({ action: 'chat.message_delete', subjectId: other.id }),
    ).toBe(1);
  });

  it('reactions: PUT and DELETE are idempotent', async () => {
    const path = `${paths().m}/reactions/tada`;
    await c.call('put', 'ana', path).expect(200);
    await c.call('put', 'cem', path).expect(200);
    const twice = await c.call('put', 'ana', path).expect(200);
    expect(twice.body.data.reactions).toEqual([
      expect.objectContaining({ reaction: 'tada', count: 2, personIds: [w.ids.ana, w.ids.cem] }),
    ]);
    await c.call('delete', 'ana', path).expect(200);
    const gone = await c.call('delete', 'ana', path).expect(200);
    expect(gone.body.data.reactions).toEqual([
      expect.objectContaining({ reaction: 'tada', count: 1, personIds: [w.ids.cem] }),
    ]);
  });

  it('follow: a root message 200 (following), a reply 400', async () => {
    const p = paths();
    const on = await c.call('put', 'cem', p.follow, { follow: true }).expect(200);
    expect(on.body.data.thread).toMatchObject({ following: true, replyCount: 0 });
    const off = await c.call('put', 'cem', p.follow, { follow: false }).expect(200);
    expect(off.body.data.thread).toBeNull();
    const reply = await c.sent('ana', conv.id, 'Antwort', { threadId: msg.id });
    await c
      .call('put', 'cem', `/api/conversations/${conv.id}/messages/${reply.id}/follow`, {
        follow: true,
      })
      .expect(400);
  });

  it('forward: 201 then 200 for the same client id; needs post on the target', async () => {
    const target = await c.channel('cem', ['ana']);
    const clientId = randomUUID();
    const body = { targetConversationId: target.id, clientId };
    const first = await c.call('post', 'ana', paths().forward, body).expect(201);
    expect(first.body.data).toMatchObject({
      conversationId: target.id,
      body: 'Erste Nachricht',
      forwardedFrom: { sender: { id: w.ids.ben }, conversationName: conv.name },
    });
    const again = await c.call('post', 'ana', paths().forward, body).expect(200);
    expect(again.body.data.id).toBe(first.body.data.id);
    // ben reads the source but is no member of the target.
    await c
      .call('post', 'ben', paths().forward, {
        targetConversationId: target.id,
        clientId: randomUUID(),
      })
      .expect(403);
  });
});

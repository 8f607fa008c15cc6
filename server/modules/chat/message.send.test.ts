import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import type { ConversationDTO, MessageDTO } from '@shared/chat/types';
import { useTestDatabase } from '../../test/db';
import { NotificationModel } from '../notifications/notification.model';
import { ConversationModel } from './conversation.model';
import { MessageModel } from './message.model';
import { InboxModel } from './inbox.model';
import { registerChatMessageRealtime } from './message.realtime';
import {
  chatWorld,
  client,
  eventually,
  recordingRealtime,
  type ChatWorld,
} from './message.fixtures';

useTestDatabase();

let w: ChatWorld;
let c: ReturnType<typeof client>;
const rt = recordingRealtime();
let off: () => void = () => undefined;

beforeAll(async () => {
  w = await chatWorld(['ana', 'ben', 'cem', 'out']);
  c = client(w);
  off = registerChatMessageRealtime(rt.realtime);
});
afterAll(() => off());

const seqsOf = async (convId: string) =>
  (await MessageModel.find({ conversationId: convId }).lean())
    .map((m) => m.seq)
    .sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('send: idempotent by client id', () => {
  it('a resend after the sender was removed is answered with the stored message; new ones 403', async () => {
    const conv = await c.channel('ana', ['ben']);
    const clientId = randomUUID();
    const first = (await c.send('ben', conv.id, 'Noch schnell', { clientId }).expect(201)).body
      .data as MessageDTO;
    await c.call('delete', 'ana', `/api/conversations/${conv.id}/members/${w.ids.ben}`).expect(200);
    const again = await c.send('ben', conv.id, 'Noch schnell', { clientId }).expect(200);
    expect(again.body.data).toMatchObject({
      id: first.id,
      seq: first.seq,
      abilities: { edit: false },
    });
    await c.send('ben', conv.id, 'Neu').expect(403);
    // Someone else's client id is not theirs to read back.
    await c.send('cem', conv.id, 'x', { clientId }).expect(403);
    expect(await MessageModel.countDocuments({ conversationId: conv.id })).toBe(1);
  });

  it('201 the first time, 200 with the stored message for a resend; stored once', async () => {
    const conv = await c.channel('ana', ['ben']);
    const clientId = randomUUID();
    const first = await c.send('ana', conv.id, 'Guten Morgen!', { clientId }).expect(201);
    const msg = first.body.data as MessageDTO;
    expect(msg).toMatchObject({
      id: `${w.ids.ana}-${clientId}`,
      seq: 1,
      body: 'Guten Morgen!',
      conversationId: conv.id,
      abilities: { edit: true, delete: true, react: true, reply: true },
    });
    const again = await c.send('ana', conv.id, 'anderer Text', { clientId }).expect(200);
    expect(again.body.data).toMatchObject({ id: msg.id, seq: 1, body: 'Guten Morgen!' });
    expect(await MessageModel.countDocuments({ conversationId: conv.id })).toBe(1);
    // The resend goes to the sender's tabs again; the room got the message once.
    await eventually(() => {
      const live = rt.emitted.filter(
        (e) =>
          e.event === 'chat:message' &&
          (e.payload as { message: MessageDTO }).message.id === msg.id,
      );
      expect(live.filter((e) => e.to === `chat:${conv.id}`)).toHaveLength(1);
      expect(live.filter((e) => e.to === `user:${w.ids.ana}`)).toHaveLength(2);
    });
    const room = rt.emitted.find((e) => e.to === `chat:${conv.id}`);
    expect(room?.except).toBe(w.ids.ana);
    expect((room?.payload as { message: MessageDTO }).message.abilities.edit).toBe(false);
  });

  it('advances the sender’s own read position', async () => {
    const conv = await c.channel('ana', ['ben']);
    await c.sent('ana', conv.id, 'eins');
    await c.sent('ana', conv.id, 'zwei');
    const mine = (await c.get('ana', `/api/conversations/${conv.id}`).expect(200)).body
      .data as ConversationDTO;
    expect(mine).toMatchObject({ lastSeq: 2, unread: 0 });
    const bens = (await c.get('ben', `/api/conversations/${conv.id}`).expect(200)).body
      .data as ConversationDTO;
    expect(bens.unread).toBe(2);
    expect(bens.lastMessage).toMatchObject({ preview: 'zwei', deleted: false });
  });

  it('409 client_id_reused when the client id was used in another conversation', async () => {
    const one = await c.channel('ana', ['ben']);
    const two = await c.channel('ana', ['ben']);
    const clientId = randomUUID();
    await c.send('ana', one.id, 'hier', { clientId }).expect(201);
    const res = await c.send('ana', two.id, 'dort', { clientId }).expect(409);
    expect(res.body.error.code).toBe('client_id_reused');
    // The same client id of another person is another message.
    await c.send('ben', two.id, 'dort', { clientId }).expect(201);
  });
});

describe('send: sequence numbers', () => {
  it('30 parallel sends (some resends) are stored once each, numbered 1..n without gaps', async () => {
    const conv = await c.channel('ana', ['ben', 'cem']);
    const clientIds = Array.from({ length: 20 }, () => randomUUID());
    const who = ['ana', 'ben', 'cem'];
    const jobs = clientIds.map((id, i) => ({ who: who[i % 3] as string, id }));
    const resends = jobs.slice(0, 10);
    const results = await Promise.all(
      [...jobs, ...resends].map((j) =>
        c.send(j.who, conv.id, `Nachricht ${j.id}`, { clientId: j.id }),
      ),
    );
    expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    expect(await seqsOf(conv.id)).toEqual(range(20));
    const stored = await ConversationModel.findById(conv.id).lean();
    expect(stored?.lastSeq).toBe(20);
    // Every answer for one client id names the same message and position.
    const byId = new Map<string, number>();
    for (const r of results) {
      const m = r.body.data as MessageDTO;
      expect(byId.get(m.id) ?? m.seq).toBe(m.seq);
      byId.set(m.id, m.seq);
    }
    expect(byId.size).toBe(20);
  });

  it('heals a crash between insert and conversation update: the next send takes the following number', async () => {
    const conv = await c.channel('ana', ['ben']);
    await c.sent('ana', conv.id, 'vorher');
    // As if a send died after its insert: seq 2 stored, the conversation still says lastSeq 1.
    await MessageModel.collection.insertOne({
      _id: `${w.ids.ben}-crashed-0001`,
      conversationId: new Types.ObjectId(conv.id),
      seq: 2,
      senderId: new Types.ObjectId(w.ids.ben),
      clientId: 'crashed-0001',
      body: 'halb gespeichert',
      searchText: 'halb gespeichert',
      attachments: [],
      threadId: null,
      thread: null,
      mentionIds: [],
      mentionsAll: false,
      reactions: {},
      forwardedFrom: null,
      createdAt: new Date(),
      editedAt: null,
      deletedAt: null,
    } as unknown as Record<string, unknown>);
    expect((await ConversationModel.findById(conv.id).lean())?.lastSeq).toBe(1);
    const next = await c.sent('ana', conv.id, 'danach');
    expect(next.seq).toBe(3);
    const page = (await c.get('ben', `/api/conversations/${conv.id}/messages`).expect(200)).body;
    expect(page.data.map((m: MessageDTO) => [m.seq, m.body])).toEqual([
      [1, 'vorher'],
      [2, 'halb gespeichert'],
      [3, 'danach'],
    ]);
    expect((await ConversationModel.findById(conv.id).lean())?.lastSeq).toBe(3);
    // The healed message was announced to the room once; the crashed sender's retry is answered
    // with it (not renumbered) and not announced again.
    const roomCopies = () =>
      rt.emitted.filter(
        (e) =>
          e.to === `chat:${conv.id}` &&
          e.event === 'chat:message' &&
          (e.payload as { message: MessageDTO }).message.clientId === 'crashed-0001',
      ).length;
    await eventually(() => expect(roomCopies()).toBe(1));
    const retry = await c.send('ben', conv.id, 'halb gespeichert', { clientId: 'crashed-0001' });
    expect(retry.status).toBe(200);
    expect(retry.body.data.seq).toBe(2);
    const ownCopies = () =>
      rt.emitted.filter(
        (e) =>
          e.to === `user:${w.ids.ben}` &&
          (e.payload as { message: MessageDTO }).message.clientId === 'crashed-0001',
      ).length;
    await eventually(() => expect(ownCopies()).toBe(2)); // announced once, answered once
    expect(roomCopies()).toBe(1);
  });
});

describe('send: threads and mentions', () => {
  it('a reply updates the root’s thread summary; replies to replies or other conversations are 400', async () => {
    const conv = await c.channel('ana', ['ben', 'cem']);
    const other = await c.channel('ana', ['ben']);
    const root = await c.sent('ana', conv.id, 'Wer kommt mit zur Sitzung?');
    const reply = await c.sent('ben', conv.id, 'Ich!', { threadId: root.id });
    expect(reply).toMatchObject({ threadId: root.id, seq: 2 });
    const thread = (
      await c.get('cem', `/api/conversations/${conv.id}/messages/${root.id}/thread`).expect(200)
    ).body.data as MessageDTO[];
    expect(thread.map((m) => m.id)).toEqual([root.id, reply.id]);
    expect(thread[0]?.thread).toMatchObject({ replyCount: 1, following: false });
    const asAna = (await c.get('ana', `/api/conversations/${conv.id}/messages/${root.id}`)).body
      .data as MessageDTO;
    expect(asAna.thread).toMatchObject({ replyCount: 1, following: true });
    expect(asAna.thread?.participants.map((p) => p.id)).toEqual([w.ids.ben]);
    const nested = await c.send('cem', conv.id, 'x', { threadId: reply.id }).expect(400);
    expect(nested.body.error.details[0]).toMatchObject({
      path: 'threadId',
      code: 'invalid_thread',
    });
    await c.send('ana', other.id, 'x', { threadId: root.id }).expect(400);
    // The root's sender is told of the reply.
    await eventually(async () => {
      const n = await NotificationModel.find({
        userId: w.ids.ana,
        kind: 'chat.thread_reply',
      }).lean();
      expect(n).toHaveLength(1);
      expect(n[0]?.link).toBe(`/chat/${conv.id}?thread=${root.id}&message=${reply.id}`);
    });
  });

  it('@username of a member and @channel notify (not the sender) and count as mentions', async () => {
    const conv = await c.channel('ana', ['ben', 'cem']);
    const m = await c.sent('ana', conv.id, 'Hallo @ben und @out, bitte lesen');
    expect(m.mentions.map((p) => p.id)).toEqual([w.ids.ben]); // out is no member
    await eventually(async () => {
      expect(
        await NotificationModel.countDocuments({ userId: w.ids.ben, kind: 'chat.mention' }),
      ).toBe(1);
      const inbox = await InboxModel.findById(w.ids.ben).lean();
      expect(inbox?.conversations[conv.id]?.mentions).toBe(1);
    });
    expect(await NotificationModel.countDocuments({ userId: w.ids.out })).toBe(0);
    const all = await c.sent('ben', conv.id, '@channel Kaffee ist fertig');
    expect(all.mentionsAll).toBe(true);
    await eventually(async () => {
      expect(
        await NotificationModel.countDocuments({ userId: w.ids.cem, kind: 'chat.mention' }),
      ).toBe(1);
      expect(
        await NotificationModel.countDocuments({ userId: w.ids.ana, kind: 'chat.mention' }),
      ).toBe(1);
    });
    expect(
      await NotificationModel.countDocuments({ userId: w.ids.ben, kind: 'chat.mention' }),
    ).toBe(1);
  });

  it('an edit notifies only people mentioned for the first time; @channel is ignored in direct messages', async () => {
    const conv = await c.channel('ana', ['ben', 'cem']);
    const m = await c.sent('cem', conv.id, 'Frage an @ben');
    const count = (who: string) =>
      NotificationModel.countDocuments({ userId: w.ids[who], link: { $regex: m.id } });
    await eventually(async () => expect(await count('ben')).toBe(1));
    await c
      .call('patch', 'cem', `/api/conversations/${conv.id}/messages/${m.id}`, {
        body: 'Frage an @ben und @ana',
      })
      .expect(200);
    await eventually(async () => expect(await count('ana')).toBe(1));
    expect(await count('ben')).toBe(1);
    const dm = (
      await c
        .call('post', 'ana', '/api/conversations', { kind: 'direct', personId: w.ids.cem })
        .expect(201)
    ).body.data as ConversationDTO;
    expect((await c.sent('ana', dm.id, '@channel hallo')).mentionsAll).toBe(false);
  });

  it('updates go to the room as the member view and to the actor’s tabs; following only to the actor', async () => {
    const conv = await c.channel('ana', ['ben']);
    const m = await c.sent('ana', conv.id, 'Reaktionen bitte');
    const path = `/api/conversations/${conv.id}/messages/${m.id}`;
    const mark = rt.emitted.length;
    await c.call('put', 'ben', `${path}/reactions/heart`).expect(200);
    await c.call('put', 'ben', `${path}/follow`, { follow: true }).expect(200);
    await eventually(() => {
      const updates = rt.emitted.slice(mark).filter((e) => e.event === 'chat:message-updated');
      expect(updates.map((e) => [e.to, e.except ?? null])).toEqual([
        [`chat:${conv.id}`, w.ids.ben],
        [`user:${w.ids.ben}`, null],
        [`user:${w.ids.ben}`, null],
      ]);
      const room = (updates[0]?.payload as { message: MessageDTO }).message;
      expect(room.reactions[0]).toMatchObject({ reaction: 'heart', personIds: [w.ids.ben] });
      const own = (updates[2]?.payload as { message: MessageDTO }).message;
      expect(own.thread?.following).toBe(true);
    });
  });
});

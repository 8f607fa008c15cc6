import { beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import type { ChatSearchHitDTO, ConversationDTO } from '@shared/chat/types';
import { useTestDatabase } from '../../test/db';
import { chatWorld, client, type ChatWorld } from './message.fixtures';

useTestDatabase();

let w: ChatWorld;
let c: ReturnType<typeof client>;
let team: ConversationDTO;
let direct: ConversationDTO;
let foreign: ConversationDTO;

beforeAll(async () => {
  w = await chatWorld(['ana', 'ben', 'out']);
  c = client(w);
  team = await c.channel('ana', ['ben'], { name: 'Team Bürgerbüro' });
  direct = (
    await c
      .call('post', 'ana', '/api/conversations', { kind: 'direct', personId: w.ids.ben })
      .expect(201)
  ).body.data as ConversationDTO;
  foreign = await c.channel('out', []);
  await c.sent('ana', team.id, 'Die Überstunden im März bitte bis Freitag eintragen.');
  await c.sent('ben', direct.id, 'Hast du die ueberstunden schon gemeldet?');
  await c.sent('out', foreign.id, 'Überstunden sind hier geheim');
  await c.sent('ben', team.id, 'Version a.b ist installiert');
});

const search = async (who: string, query: string) =>
  (await c.get(who, `/api/conversations/search?${query}`).expect(200)).body
    .data as ChatSearchHitDTO[];

describe('chat search', () => {
  it('finds folded text (umlauts, case) in my conversations only, newest first', async () => {
    for (const q of ['überstunden', 'UEBERSTUNDEN', 'Überstunden']) {
      const hits = await search('ana', `q=${encodeURIComponent(q)}`);
      expect(hits.map((h) => h.conversation.id)).toEqual([direct.id, team.id]);
    }
    const hits = await search('ana', 'q=ueberstunden');
    expect(hits[0]?.conversation).toEqual({ id: direct.id, name: 'Test Person2', kind: 'direct' });
    expect(hits[1]?.conversation).toEqual({
      id: team.id,
      name: 'Team Bürgerbüro',
      kind: 'channel',
    });
    expect(hits[1]?.message.body).toContain('Überstunden im März');
    // The outsider's conversation is not searched for ana, and ana's are not for the outsider.
    expect((await search('out', 'q=ueberstunden')).map((h) => h.conversation.id)).toEqual([
      foreign.id,
    ]);
  });

  it('treats the query as text, not as a pattern', async () => {
    expect(await search('ana', 'q=a.b')).toHaveLength(1);
    expect(await search('ana', 'q=a*b')).toEqual([]);
    expect(await search('ana', `q=${encodeURIComponent('((')}`)).toEqual([]);
    expect(await search('ana', `q=${encodeURIComponent('.*')}`)).toEqual([]);
  });

  it('one conversation: only its messages; 403 when not a member, 404 unknown', async () => {
    const hits = await search('ben', `q=ueberstunden&conversationId=${team.id}`);
    expect(hits.map((h) => h.conversation.id)).toEqual([team.id]);
    await c
      .get('out', `/api/conversations/search?q=ueberstunden&conversationId=${team.id}`)
      .expect(403);
    await c
      .get(
        'ana',
        `/api/conversations/search?q=ueberstunden&conversationId=${String(new Types.ObjectId())}`,
      )
      .expect(404);
  });

  it('edited messages are found by their new text; deleted ones not at all', async () => {
    const m = await c.sent('ana', team.id, 'Sitzung im Rathaus');
    await c
      .call('patch', 'ana', `/api/conversations/${team.id}/messages/${m.id}`, {
        body: 'Treffen im Stadtpalais',
      })
      .expect(200);
    expect(await search('ben', 'q=rathaus')).toEqual([]);
    expect((await search('ben', 'q=stadtpalais')).map((h) => h.message.id)).toEqual([m.id]);
    await c.call('delete', 'ana', `/api/conversations/${team.id}/messages/${m.id}`).expect(200);
    expect(await search('ben', 'q=stadtpalais')).toEqual([]);
  });

  it('a removed member no longer finds the conversation', async () => {
    const room = await c.channel('ana', ['ben'], { name: 'Projekt Neckar' });
    await c.sent('ana', room.id, 'Neckarufer Planung');
    expect(await search('ben', 'q=neckarufer')).toHaveLength(1);
    await c
      .call('delete', 'ana', `/api/conversations/${room.id}/members/${w.ids.ben}`)
      .expect((r) => {
        expect([200, 204]).toContain(r.status);
      });
    expect(await search('ben', 'q=neckarufer')).toEqual([]);
  });
});

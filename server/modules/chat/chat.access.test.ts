import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDTO } from '@shared/chat/types';
import { useTestDatabase } from '../../test/db';
import { ConversationModel, type Conversation } from './conversation.model';
import { updateConversation } from './conversation.service';
import { leaveConversation, removeMember } from './member.service';
import { chatWorld, client, type ChatWorld } from './message.fixtures';

useTestDatabase();

let w: ChatWorld;
let c: ReturnType<typeof client>;

beforeAll(async () => {
  w = await chatWorld(['ana', 'ben', 'cem', 'out']);
  c = client(w);
});

describe('access: ids in any letter case name the same conversation', () => {
  it('a removed member is refused also under the upper-case id they read before', async () => {
    const conv = await c.channel('ana', ['ben']);
    const upper = `/api/conversations/${conv.id.toUpperCase()}`;
    // Read while a member (fills any cache under this spelling).
    await c.get('ben', upper).expect(200);
    await c.get('ben', `${upper}/members`).expect(200);
    await c.call('delete', 'ana', `/api/conversations/${conv.id}/members/${w.ids.ben}`).expect(200);
    await c.sent('ana', conv.id, 'Nur noch für Mitglieder');
    await c.get('ben', upper).expect(403);
    await c.get('ben', `${upper}/members`).expect(403);
    await c.get('ben', `/api/conversations/${conv.id}`).expect(403);
  });

  it('membership changes under the upper-case id are the same conversation', async () => {
    const conv = await c.channel('ana', ['ben'], { visibility: 'public' });
    await c.call('post', 'cem', `/api/conversations/${conv.id.toUpperCase()}/join`).expect(200);
    await c.get('cem', `/api/conversations/${conv.id}`).expect(200);
    await c.call('post', 'cem', `/api/conversations/${conv.id.toUpperCase()}/leave`).expect(200);
    await c.get('cem', `/api/conversations/${conv.id}`).expect(403);
    const mine = (await c.get('cem', '/api/conversations').expect(200)).body
      .data as ConversationDTO[];
    expect(mine.map((x) => x.id)).not.toContain(conv.id);
  });
});

describe('access: browsing public channels shows no content to outsiders', () => {
  it('no last message (text, sender) and no message count for a non-member', async () => {
    const conv = await c.channel('ana', ['ben'], { visibility: 'public' });
    await c.sent('ben', conv.id, 'Vertraulicher Inhalt im Kanal');
    const found = (await c.get('out', '/api/conversations/browse').expect(200)).body
      .data as ConversationDTO[];
    const hit = found.find((x) => x.id === conv.id);
    expect(hit).toBeTruthy();
    expect(hit?.me).toBeNull();
    expect(hit?.lastMessage).toBeNull();
    expect(hit?.lastSeq).toBe(0);
    expect(JSON.stringify(hit)).not.toContain('Vertraulich');
    // Members still see it.
    const own = (await c.get('ben', '/api/conversations/browse').expect(200)).body
      .data as ConversationDTO[];
    expect(own.find((x) => x.id === conv.id)?.lastMessage?.preview).toContain('Vertraulich');
  });
});

describe('access: membership permissions hold under concurrent changes', () => {
  it('two owners leaving at once: one goes, the last owner stays (409)', async () => {
    const conv = await c.channel('ana', ['ben', 'cem']);
    const p = `/api/conversations/${conv.id}`;
    await c.call('patch', 'ana', `${p}/members/${w.ids.ben}`, { role: 'owner' }).expect(200);
    const [a, b] = await Promise.allSettled([
      leaveConversation({ id: w.ids.ana! }, conv.id),
      leaveConversation({ id: w.ids.ben! }, conv.id),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const stored = await ConversationModel.findById(conv.id).lean<Conversation>();
    const owners = Object.values(stored!.members).filter((m) => m.role === 'owner');
    expect(owners).toHaveLength(1);
    expect(stored!.memberCount).toBe(2);
  });

  it('owners removing each other at once: the second is no longer an owner (403)', async () => {
    const conv = await c.channel('ana', ['ben', 'cem']);
    const p = `/api/conversations/${conv.id}`;
    await c.call('patch', 'ana', `${p}/members/${w.ids.ben}`, { role: 'owner' }).expect(200);
    const results = await Promise.allSettled([
      removeMember({ id: w.ids.ana! }, conv.id, w.ids.ben!),
      removeMember({ id: w.ids.ben! }, conv.id, w.ids.ana!),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const stored = await ConversationModel.findById(conv.id).lean<Conversation>();
    expect(Object.keys(stored!.members)).toHaveLength(2);
    expect(Object.values(stored!.members).filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('a rename racing an archive by another owner is refused once archived', async () => {
    const conv = await c.channel('ana', ['ben']);
    const p = `/api/conversations/${conv.id}`;
    await c.call('patch', 'ana', `${p}/members/${w.ids.ben}`, { role: 'owner' }).expect(200);
    const [archive, rename] = await Promise.allSettled([
      updateConversation({ id: w.ids.ana! }, conv.id, { archived: true }),
      updateConversation({ id: w.ids.ben! }, conv.id, { name: 'Nach dem Archivieren' }),
    ]);
    expect(archive.status).toBe('fulfilled');
    expect(rename.status).toBe('rejected');
    const stored = await ConversationModel.findById(conv.id).lean<Conversation>();
    expect(stored).toMatchObject({ archived: true, name: conv.name });
  });
});

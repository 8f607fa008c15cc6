import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import type { ConversationDTO, MessageDTO } from '@shared/chat/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp } from '../../test/app';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './demo';

useTestDatabase();
let app: Express;

beforeAll(async () => {
  app = makeTestApp();
  expect(await seedDemoIfEmpty()).toBe(true);
});

async function signIn(username: string) {
  const agent = request.agent(app);
  const token = (await agent.get('/api/auth/csrf')).body.token as string;
  const res = await agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', token)
    .send({ username, password: DEMO_PASSWORD })
    .expect(200);
  return { agent, csrf: res.body.data.csrfToken as string };
}

describe('demo chat', () => {
  it('gives the employee channels, a private channel and direct messages with history', async () => {
    const { agent, csrf } = await signIn('employee');
    const all = (await agent.get('/api/conversations').expect(200)).body.data as ConversationDTO[];
    // Team rooms' channels are the rooms seed's business (server/db/seed/rooms.test.ts).
    const list = all.filter((c) => !c.roomId);
    const names = list.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['Allgemein', 'Digital MoveS', 'Haushalt 2026', 'Jonas Becker']),
    );
    expect(list).toHaveLength(5);
    expect(list.reduce((n, c) => n + c.unread, 0)).toBe(3);
    const general = list.find((c) => c.name === 'Allgemein') as ConversationDTO;
    const page = (await agent.get(`/api/conversations/${general.id}/messages`).expect(200)).body;
    const msgs = page.data as MessageDTO[];
    expect(msgs.map((m) => m.seq)).toEqual(msgs.map((_, i) => i + 1));
    const root = msgs.find((m) => m.thread) as MessageDTO;
    expect(root.thread?.replyCount).toBe(2);
    expect(msgs.some((m) => m.reactions.length > 0)).toBe(true);
    // Sending continues the numbering.
    const sent = await agent
      .post(`/api/conversations/${general.id}/messages`)
      .set('X-CSRF-Token', csrf)
      .send({ clientId: randomUUID(), body: 'Hallo zusammen' })
      .expect(201);
    expect(sent.body.data.seq).toBe(msgs.length + 1);
  });
});

import { describe, it, expect, beforeAll } from 'vitest';
import type { Express } from 'express';
import { useTestDatabase } from '../test/db';
import { makeTestApp, makePerson, session, TEST_PASSWORD } from '../test/app';

useTestDatabase();
let app: Express;

beforeAll(async () => {
  // Every supertest request comes from 127.0.0.1: the same "proxy address" for all users.
  app = makeTestApp({ RATE_LIMIT_PER_MINUTE: '10', LOGIN_RATE_LIMIT_PER_15_MIN: '3' });
  for (const username of ['anna', 'bernd', 'carla', 'dieter']) await makePerson({ username });
});

describe('API rate limit', () => {
  it('gives each signed-in person their own budget behind one IP address', async () => {
    const anna = await session(app, 'anna');
    const bernd = await session(app, 'bernd');
    for (let i = 0; i < 10; i++) await anna.agent.get('/api/me').expect(200);
    const limited = await anna.agent.get('/api/me').expect(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.correlationId).toBe(limited.headers['x-request-id']);
    expect(limited.headers['ratelimit-policy']).toBeTruthy();
    // Same address, different person: untouched budget.
    for (let i = 0; i < 10; i++) await bernd.agent.get('/api/me').expect(200);
    await bernd.agent.get('/api/me').expect(429);
  });
});

describe('login rate limit', () => {
  it('limits attempts per account name, however it is spelled, and not other accounts', async () => {
    const s = await session(app);
    const attempt = (username: string, password = 'wrong') =>
      s.agent.post('/api/auth/login').set('X-CSRF-Token', s.csrf).send({ username, password });
    expect((await attempt('carla')).status).toBe(401);
    expect((await attempt('Carla')).status).toBe(401);
    expect((await attempt(' CARLA ')).status).toBe(401);
    const limited = await attempt('carla', TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // The same client may still sign in to another account.
    expect((await attempt('dieter', TEST_PASSWORD)).status).toBe(200);
  });
});

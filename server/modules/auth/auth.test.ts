import { describe, it, expect, beforeAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, makePerson, session, TEST_ORIGIN, TEST_PASSWORD } from '../../test/app';
import { AuditModel } from '../audit/audit.model';

useTestDatabase();
let app: Express;

beforeAll(async () => {
  app = makeTestApp();
  await makePerson({ username: 'erika' });
  await makePerson({ username: 'gone', active: false });
});

describe('auth', () => {
  it('GET /api/me is 401 without a session', async () => {
    const res = await request(app).get('/api/me').expect(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('signs in, gets a new session id, returns /api/me, and signs out', async () => {
    const { agent, csrf } = await session(app);
    const before = (await agent.get('/api/auth/csrf')).headers['set-cookie'];
    const login = await agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', csrf)
      .send({ username: 'Erika', password: TEST_PASSWORD })
      .expect(200);
    const after = login.headers['set-cookie'] as unknown as string[];
    expect(after.join(';')).toMatch(/HttpOnly/);
    expect(after.join(';')).toMatch(/SameSite=Lax/);
    expect(String(after)).not.toEqual(String(before));
    const me = await agent.get('/api/me').expect(200);
    expect(me.body.data.username).toBe('erika');
    await agent.post('/api/auth/logout').set('X-CSRF-Token', login.body.data.csrfToken).expect(204);
    await agent.get('/api/me').expect(401);
    expect(await AuditModel.countDocuments({ action: 'auth.logout' })).toBe(1);
  });

  it('refuses wrong passwords and inactive accounts with the same answer', async () => {
    const { agent, csrf } = await session(app);
    const wrong = await agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', csrf)
      .send({ username: 'erika', password: 'nope' });
    const inactive = await agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', csrf)
      .send({ username: 'gone', password: TEST_PASSWORD });
    expect(wrong.status).toBe(401);
    expect(inactive.status).toBe(401);
    expect(wrong.body.error.code).toBe(inactive.body.error.code);
  });

  it('rejects a login without CSRF token with 403', async () => {
    const res = await request(app)
      .post('/api/auth/login')
      .send({ username: 'erika', password: TEST_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
  });

  it('rejects a foreign Origin with 403 even with a valid token', async () => {
    const { agent, csrf } = await session(app);
    const res = await agent
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .set('X-CSRF-Token', csrf)
      .send({ username: 'erika', password: TEST_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_forbidden');
    const ok = await agent
      .post('/api/auth/login')
      .set('Origin', TEST_ORIGIN)
      .set('X-CSRF-Token', csrf)
      .send({ username: 'erika', password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
  });

  it.each([
    [{ username: { $ne: '' }, password: TEST_PASSWORD }],
    [{ username: 'erika', password: { $gt: '' } }],
    [{ username: { $regex: '.*' }, password: 'x' }],
    [{ username: 'erika', password: TEST_PASSWORD, $where: '1' }],
    [{ username: 'erika', password: TEST_PASSWORD, role: 'admin' }],
    [{ $nor: [{ username: 'x' }], password: 'x' }],
  ])('rejects operator injection and extra fields in the login body with 400: %j', async (body) => {
    const { agent, csrf } = await session(app);
    const res = await agent.post('/api/auth/login').set('X-CSRF-Token', csrf).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

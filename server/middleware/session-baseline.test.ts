import { describe, it, expect, beforeAll } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { useTestDatabase } from '../test/db';
import { makeTestApp, makePerson, session, TEST_PASSWORD } from '../test/app';
import { SESSION_COOKIE } from './session';
import { forgetCachedSessions } from './session-cache';

useTestDatabase();
let app: Express;

beforeAll(() => {
  app = makeTestApp({ SESSION_IDLE_MINUTES: '20', SESSION_ABSOLUTE_HOURS: '12' });
});

const sessions = () => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  return db.collection<{ _id: string; expires: Date; session: Record<string, unknown> }>(
    'sessions',
  );
};

/**
 * Changes stored sessions behind the app's back (to simulate time passing): the instance's
 * session cache must forget them too, as it would once that time had really passed.
 */
async function changeStored(filter: Record<string, unknown>, update: Record<string, unknown>) {
  await sessions().updateOne(filter, update);
  forgetCachedSessions();
}

function sessionCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function login(username: string, password = TEST_PASSWORD) {
  const s = await session(app);
  const res = await s.agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', s.csrf)
    .send({ username, password });
  return { ...s, res };
}

describe('account lockout', () => {
  it('locks an account after 10 failed passwords (423, even with the right password)', async () => {
    await makePerson({ username: 'locky' });
    await makePerson({ username: 'bystander' });
    const s = await session(app);
    for (let i = 0; i < 10; i++) {
      const res = await s.agent
        .post('/api/auth/login')
        .set('X-CSRF-Token', s.csrf)
        .send({ username: 'locky', password: `wrong-${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await s.agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', s.csrf)
      .send({ username: 'locky', password: TEST_PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    // Another account on the same connection is not affected.
    expect((await login('bystander')).res.status).toBe(200);
  });

  it('starts a fresh count once a lock has run out: one wrong guess does not re-lock', async () => {
    const { id } = await makePerson({ username: 'relock' });
    const people = mongoose.connection.db!.collection('people');
    await people.updateOne(
      { _id: new mongoose.Types.ObjectId(id) },
      { $set: { failedLogins: 10, lockedUntil: new Date(Date.now() - 1000) } },
    );
    expect((await login('relock', 'wrong')).res.status).toBe(401);
    expect((await login('relock')).res.status).toBe(200);
  });
});

describe('session timeouts', () => {
  it('sets an idle deadline on the cookie and in the store, moved forward by each request', async () => {
    const person = await makePerson({ username: 'idle' });
    const { agent, res } = await login('idle');
    expect(res.status).toBe(200);
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '');
    expect(Math.abs(expires - (Date.now() + 20 * 60_000))).toBeLessThan(60_000);

    const stored = await sessions().findOne({ 'session.userId': person.id });
    expect(stored).toBeTruthy();
    // Last written two minutes ago: the store's copy is moved at most once a minute.
    await changeStored(
      { _id: stored!._id },
      {
        $set: {
          expires: new Date(Date.now() + 60_000),
          lastModified: new Date(Date.now() - 120_000),
        },
      },
    );
    // rolling: the next request pushes the deadline out again (cookie and store)
    const me = await agent.get('/api/me').expect(200);
    expect(sessionCookie(me)).toMatch(/Expires=/);
    const after = await sessions().findOne({ _id: stored!._id });
    expect(after!.expires.getTime()).toBeGreaterThan(Date.now() + 19 * 60_000);
  });

  it('does not write the store on every request: the deadline is moved at most once a minute', async () => {
    const person = await makePerson({ username: 'busy' });
    const { agent } = await login('busy');
    const stored = await sessions().findOne({ 'session.userId': person.id });
    const first = stored!.expires.getTime();
    await new Promise((r) => setTimeout(r, 20)); // so that a write would change the deadline
    const me = await agent.get('/api/me').expect(200);
    const cookieExpires = Date.parse(/Expires=([^;]+)/.exec(sessionCookie(me))?.[1] ?? '');
    expect(cookieExpires).toBeGreaterThanOrEqual(Math.floor(first / 1000) * 1000);
    const after = await sessions().findOne({ _id: stored!._id });
    expect(after!.expires.getTime()).toBe(first);
  });

  it('ends a session idle past its deadline', async () => {
    const person = await makePerson({ username: 'sleepy' });
    const { agent } = await login('sleepy');
    await agent.get('/api/me').expect(200);
    await changeStored(
      { 'session.userId': person.id },
      { $set: { expires: new Date(Date.now() - 1000) } },
    );
    await agent.get('/api/me').expect(401);
  });

  it('ends a session past its absolute lifetime even when active, and destroys it', async () => {
    const person = await makePerson({ username: 'marathon' });
    const { agent } = await login('marathon');
    await agent.get('/api/me').expect(200);
    await changeStored(
      { 'session.userId': person.id },
      { $set: { 'session.loginAt': Date.now() - 12 * 3_600_000 - 60_000 } },
    );
    const res = await agent.get('/api/me').expect(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(await sessions().countDocuments({ 'session.userId': person.id })).toBe(0);
  });

  it('answers a write on an expired session with 403/401, never 500', async () => {
    const person = await makePerson({ username: 'stale' });
    const { agent, res } = await login('stale');
    const token = (res.body as { data: { csrfToken: string } }).data.csrfToken;
    await changeStored(
      { 'session.userId': person.id },
      { $set: { 'session.loginAt': Date.now() - 13 * 3_600_000 } },
    );
    const write = await agent
      .patch('/api/me/settings')
      .set('X-CSRF-Token', token)
      .send({ textSize: 125 });
    expect([401, 403]).toContain(write.status);
    // and the page can fetch a fresh token to sign in again
    await agent.get('/api/auth/csrf').expect(200);
  });

  it('keeps a session just inside its absolute lifetime', async () => {
    const person = await makePerson({ username: 'steady' });
    const { agent } = await login('steady');
    await changeStored(
      { 'session.userId': person.id },
      { $set: { 'session.loginAt': Date.now() - 11 * 3_600_000 } },
    );
    await agent.get('/api/me').expect(200);
  });
});

describe('logout', () => {
  it('invalidates the session server-side: the old cookie replayed later is refused', async () => {
    const person = await makePerson({ username: 'leaver' });
    const { res } = await login('leaver');
    const cookie = sessionCookie(res).split(';')[0]!;
    const csrf = (res.body as { data: { csrfToken: string } }).data.csrfToken;
    await request(app).get('/api/me').set('Cookie', cookie).expect(200);
    await request(app)
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .expect(204);
    // A copy of the cookie (stolen, or a second tab) no longer works.
    await request(app).get('/api/me').set('Cookie', cookie).expect(401);
    await request(app)
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .expect((r) => expect([401, 403]).toContain(r.status));
    expect(await sessions().countDocuments({ 'session.userId': person.id })).toBe(0);
  });

  it('issues a new session id at login (no fixation)', async () => {
    await makePerson({ username: 'fixed' });
    const s = await session(app);
    const before = await s.agent.get('/api/auth/csrf');
    const pre = await sessions().find({}).project({ _id: 1 }).toArray();
    const res = await s.agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', (before.body as { token: string }).token)
      .send({ username: 'fixed', password: TEST_PASSWORD })
      .expect(200);
    const sid = decodeURIComponent(sessionCookie(res).split(';')[0]!.split('=')[1]!)
      .slice(2)
      .split('.')[0];
    expect(pre.map((d) => d._id)).not.toContain(sid);
  });
});

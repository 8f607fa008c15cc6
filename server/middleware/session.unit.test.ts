import { describe, it, expect } from 'vitest';
import express from 'express';
import request from 'supertest';
import session from 'express-session';
import { loadEnv } from '../env';
import { sessionMiddleware } from './session';

async function cookieFor(env: Record<string, string>, proto: string) {
  const app = express();
  app.set('trust proxy', true);
  app.use(sessionMiddleware(loadEnv(env), new session.MemoryStore(), 'unit-test-secret-123'));
  app.get('/', (req, res) => {
    req.session.loginAt = 1;
    res.end('ok');
  });
  const res = await request(app).get('/').set('X-Forwarded-Proto', proto);
  return String(res.headers['set-cookie'] ?? '');
}

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax and Secure behind https', async () => {
    const cookie = await cookieFor({ PUBLIC_ORIGIN: 'https://portal.example' }, 'https');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
  });

  it('is never sent over plain http when the public origin is https', async () => {
    expect(await cookieFor({ PUBLIC_ORIGIN: 'https://portal.example' }, 'http')).toBe('');
  });

  it('works over http for the local embedded default', async () => {
    const cookie = await cookieFor({}, 'http');
    expect(cookie).toMatch(/portal\.sid=/);
    expect(cookie).not.toMatch(/Secure/);
  });
});

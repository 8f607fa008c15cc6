import type { Express } from 'express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadEnv } from '../env';
import { createApp } from '../app';
import { createSessionStore, sessionMiddleware } from '../middleware/session';
import { PersonModel } from '../modules/people/person.model';
import { UnitModel } from '../modules/org/unit.model';
import { hashPassword } from '../modules/auth/password';
import { fold } from '../lib/text';
import type { Role } from '@shared/people/roles';

export const TEST_ORIGIN = 'http://127.0.0.1:3999';
export const TEST_PASSWORD = 'test-password-1';

/** The real app on this file's database (call `useTestDatabase()` first). */
export function makeTestApp(overrides: Record<string, string> = {}): Express {
  const env = loadEnv({ NODE_ENV: 'test', STATIC_DIR: './does-not-exist', ...overrides });
  const session = sessionMiddleware(env, createSessionStore(), 'test-secret-test-secret');
  return createApp({ env, session, origins: [TEST_ORIGIN], redis: null });
}

let passwordHash: string | null = null;
let counter = 0;

/** Creates a person (and a unit if none is given) for a test. */
export async function makePerson(
  opts: { username?: string; roles?: Role[]; unitId?: string; active?: boolean } = {},
) {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  counter += 1;
  const username = opts.username ?? `person${counter}`;
  const unitId =
    opts.unitId ??
    String(
      (
        await UnitModel.create({
          name: `Amt ${counter}`,
          kind: 'office',
          sortKey: `amt ${counter}`,
        })
      )._id,
    );
  const givenName = 'Test';
  const familyName = `Person${counter}`;
  const displayName = `${givenName} ${familyName}`;
  const person = await PersonModel.create({
    username,
    givenName,
    familyName,
    displayName,
    email: `${username}@example.test`,
    unitId,
    roles: opts.roles ?? ['employee'],
    active: opts.active ?? true,
    passwordHash,
    sortKey: fold(`${familyName} ${givenName}`),
    searchTerms: fold(displayName).split(/\s+/),
  });
  return { id: String(person._id), username, unitId };
}

export interface Session {
  agent: TestAgent;
  csrf: string;
}

/** A supertest agent with a session cookie and CSRF token; signed in when `username` is given. */
export async function session(app: Express, username?: string): Promise<Session> {
  const agent = request.agent(app);
  const res = await agent.get('/api/auth/csrf').expect(200);
  let csrf = (res.body as { token: string }).token;
  if (username) {
    const login = await agent
      .post('/api/auth/login')
      .set('X-CSRF-Token', csrf)
      .send({ username, password: TEST_PASSWORD })
      .expect(200);
    csrf = (login.body as { data: { csrfToken: string } }).data.csrfToken;
  }
  return { agent, csrf };
}

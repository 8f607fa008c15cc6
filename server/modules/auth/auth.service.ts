import type { Request } from 'express';
import { PersonModel } from '../people/person.model';
import { directoryRows } from '../people/directory-index';
import { verifyPassword } from './password';
import { regenerateSession, saveSession, destroySession } from './session-ops';
import { csrf } from '../../middleware/csrf';
import { audit } from '../audit/audit.service';
import { events } from '../../lib/events';
import { HttpError } from '../../lib/errors';
import type { LoginInput } from '@shared/auth/schemas';

const MAX_FAILED = 10;
const LOCK_MINUTES = 15;

const invalid = () => new HttpError(401, 'invalid_credentials', 'User name or password is wrong.');

/** Starts a session for a person: a new session id (no fixation) and a fresh CSRF token. */
export async function startSession(
  req: Request,
  personId: string,
  method: 'local' | 'oidc',
): Promise<string> {
  await regenerateSession(req);
  req.session.userId = personId;
  req.session.loginAt = Date.now();
  const token = csrf.generateToken(req, true);
  await saveSession(req);
  await PersonModel.updateOne(
    { _id: personId },
    { $set: { lastLoginAt: new Date(), failedLogins: 0, lockedUntil: null } },
  );
  await audit({ action: 'auth.login', actorId: personId, detail: { method }, req });
  events.publish('auth.login', { userId: personId, sessionId: req.sessionID, method });
  return token;
}

export async function loginLocal(
  req: Request,
  input: LoginInput,
): Promise<{ personId: string; csrfToken: string }> {
  // The id from the directory read model, then one read by `_id` for the password hash (not in
  // the read model): a lookup by user name reads the whole people collection on the embedded engine.
  const row = (await directoryRows()).find((r) => r.person.username === input.username);
  const person = row
    ? await PersonModel.findOne({ _id: row.id }).select('+passwordHash').lean()
    : null;
  const ok = await verifyPassword(input.password, person?.passwordHash);
  if (!person || !person.active) {
    await audit({
      action: 'auth.login',
      outcome: 'failure',
      detail: { reason: 'unknown_or_inactive' },
      req,
    });
    throw invalid();
  }
  if (person.lockedUntil && person.lockedUntil > new Date()) {
    await audit({
      action: 'auth.login',
      actorId: String(person._id),
      outcome: 'denied',
      detail: { reason: 'locked' },
      req,
    });
    throw new HttpError(423, 'account_locked', 'Too many failed attempts. Please try again later.');
  }
  if (!ok) {
    // A lock that has run out starts a fresh count: one wrong guess must not re-lock for good.
    const lockExpired = Boolean(person.lockedUntil);
    const failed = (lockExpired ? 0 : (person.failedLogins ?? 0)) + 1;
    const set: Record<string, unknown> = lockExpired ? { failedLogins: 1, lockedUntil: null } : {};
    if (failed >= MAX_FAILED) set.lockedUntil = new Date(Date.now() + LOCK_MINUTES * 60_000);
    await PersonModel.updateOne(
      { _id: person._id },
      {
        ...(lockExpired ? {} : { $inc: { failedLogins: 1 } }),
        ...(Object.keys(set).length ? { $set: set } : {}),
      },
    );
    await audit({
      action: 'auth.login',
      actorId: String(person._id),
      outcome: 'failure',
      detail: { reason: 'password' },
      req,
    });
    throw invalid();
  }
  const csrfToken = await startSession(req, String(person._id), 'local');
  return { personId: String(person._id), csrfToken };
}

export async function logout(req: Request): Promise<void> {
  const userId = req.session.userId;
  const sessionId = req.sessionID;
  await destroySession(req);
  if (userId) {
    await audit({ action: 'auth.logout', actorId: userId, req });
    events.publish('auth.logout', { userId, sessionId });
  }
}

import type { RequestHandler } from 'express';
import { Types } from 'mongoose';
import { peopleFromDirectory } from '../people/directory-index';
import { unitIndex } from '../org/unit-index';
import type { CurrentUser } from './current-user';
import type { Role } from '@shared/people/roles';

/**
 * The signed-in person, from the people and units read models: no database read but the combined
 * version-stamp check (`server/lib/stamps.ts`). Role changes and deactivation still apply at once,
 * because every such write replaces the stamp before it is acknowledged.
 */
export async function loadCurrentUser(
  userId: string,
  sessionId: string,
): Promise<CurrentUser | null> {
  if (!Types.ObjectId.isValid(userId)) return null;
  // Both stamp checks go out in the same tick and share one read.
  const [[person], units] = await Promise.all([peopleFromDirectory([userId]), unitIndex()]);
  if (!person || person.active === false) return null;
  return {
    id: String(person._id),
    username: person.username,
    displayName: person.displayName,
    roles: person.roles as Role[],
    unitId: person.unitId ? String(person.unitId) : null,
    leads: units.ledBy(userId),
    sessionId,
  };
}

/** Absolute session lifetime, counted from login (the idle timeout is the cookie's rolling maxAge). */
export function sessionExpired(
  loginAt: number | undefined,
  absoluteHours: number,
  now = Date.now(),
): boolean {
  return !loginAt || now - loginAt > absoluteHours * 3_600_000;
}

/**
 * Ends a stale session by regenerating it: the old one is gone from the store, and the request
 * goes on with a fresh empty session (destroy would leave `req.session` undefined for later code).
 */
export function authenticate(absoluteHours: number): RequestHandler {
  return (req, _res, next) => {
    const userId = req.session?.userId;
    if (!userId) return next();
    if (sessionExpired(req.session.loginAt, absoluteHours)) {
      req.session.regenerate((err) => next(err));
      return;
    }
    loadCurrentUser(userId, req.sessionID)
      .then((user) => {
        if (!user) {
          req.session.regenerate((err) => next(err));
          return;
        }
        req.user = user;
        next();
      })
      .catch(next);
  };
}

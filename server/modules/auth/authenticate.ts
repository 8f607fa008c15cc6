import type { RequestHandler } from 'express';
import { Types } from 'mongoose';
import { PersonModel } from '../people/person.model';
import { UnitModel } from '../org/unit.model';
import type { CurrentUser } from './current-user';
import type { Role } from '@shared/people/roles';

/** Loads the person fresh on each request so deactivation and role changes apply at once. */
export async function loadCurrentUser(
  userId: string,
  sessionId: string,
): Promise<CurrentUser | null> {
  if (!Types.ObjectId.isValid(userId)) return null;
  const person = await PersonModel.findById(userId)
    .select({ username: 1, displayName: 1, roles: 1, unitId: 1, active: 1 })
    .lean();
  if (!person || !person.active) return null;
  const leads = await UnitModel.find({ leaderId: person._id }).select({ _id: 1 }).lean();
  return {
    id: String(person._id),
    username: person.username,
    displayName: person.displayName,
    roles: person.roles as Role[],
    unitId: person.unitId ? String(person.unitId) : null,
    leads: leads.map((u) => String(u._id)),
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

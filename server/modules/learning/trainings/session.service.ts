import type { Request } from 'express';
import type { z } from 'zod';
import type { sessionInputSchema, sessionUpdateSchema } from '@shared/learning/schemas';
import { addDays } from '@shared/leave/days';
import { HttpError, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import { audit } from '../../audit/audit.service';
import { deny } from '../../audit/deny';
import type { CurrentUser } from '../../auth/current-user';
import { courseAccess, requireCourse, type CourseAccess } from '../access';
import { registrationIndex, isActive } from './registration-index';
import { SessionModel, type StoredSession } from './session.model';
import { rememberSession, sessionById, sessionsOf, type SessionRow } from './session-index';
import {
  announce,
  announceAll,
  guardedTransition,
  liveSession,
  promoteWaiting,
  regLock,
  releaseClaim,
  sessionLock,
} from './transition';
import { refreshRegistration } from './registration-index';

type SessionInput = z.infer<typeof sessionInputSchema>;
type SessionUpdate = z.infer<typeof sessionUpdateSchema>;

const staleCopy = () =>
  new HttpError(409, 'stale_copy', 'The session was changed meanwhile. Reload and try again.');
const sortDays = (days: SessionInput['days']) =>
  [...days].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : 1,
  );

function publish(
  session: SessionRow,
  actorId: string,
  change: 'created' | 'updated' | 'cancelled',
) {
  events.publish('learning.session_changed', {
    sessionId: session.id,
    courseId: session.courseId,
    actorId,
    change,
  });
}

/** A session and its course for a manager of sessions: 404 unknown/invisible, 403 audited. */
export async function manageableSession(
  user: CurrentUser,
  sessionId: string,
  req?: Request,
): Promise<{ session: SessionRow; access: CourseAccess }> {
  const session = await sessionById(sessionId);
  if (!session) throw notFound();
  const access = await courseAccess(user, session.courseId);
  if (!access) throw notFound();
  if (!access.abilities.manageSessions)
    throw await deny(
      user,
      'learning.session.manage',
      { type: 'learning_session', id: session.id },
      req,
    );
  return { session, access };
}

/** Adds a session (trainers of the course, HR). The same clientId again returns the same session. */
export async function createSession(
  user: CurrentUser,
  courseId: string,
  input: SessionInput,
  req?: Request,
): Promise<{ session: SessionRow; created: boolean }> {
  await requireCourse(user, courseId, 'manageSessions', req);
  const clientId = input.clientId.toLowerCase();
  const known = (await sessionsOf(courseId)).find((s) => s.clientId === clientId);
  if (known) return { session: known, created: false };
  const days = sortDays(input.days);
  const first = days[0]?.date ?? '';
  let doc: StoredSession;
  try {
    const created = await SessionModel.create({
      clientId,
      courseId,
      days,
      format: input.format,
      place: input.place,
      onlineUrl: input.onlineUrl,
      seats: input.seats,
      trainerIds: input.trainerIds,
      registrationUntil: input.registrationUntil ?? addDays(first, -1),
      createdBy: user.id,
    });
    doc = created.toObject() as unknown as StoredSession;
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    throw new HttpError(409, 'client_id_reused', 'This id belongs to another session.');
  }
  const session = rememberSession(doc);
  await audit({
    action: 'learning.session.created',
    actorId: user.id,
    subjectType: 'learning_session',
    subjectId: session.id,
    detail: { courseId },
    req,
  });
  publish(session, user.id, 'created');
  return { session, created: true };
}

/** Changes a session (rev-guarded). More seats move people up from the waiting list. */
export async function updateSession(
  user: CurrentUser,
  sessionId: string,
  input: SessionUpdate,
  req?: Request,
): Promise<SessionRow> {
  const { session } = await manageableSession(user, sessionId, req);
  const { rev, ...fields } = input;
  const set: Record<string, unknown> = { ...fields };
  if (fields.days) set.days = sortDays(fields.days);
  if (fields.registrationUntil === null) {
    const first = (fields.days ? sortDays(fields.days) : session.days)[0]?.date ?? session.from;
    set.registrationUntil = addDays(first, -1);
  }
  const { row, promoted } = await withKeyLock(sessionLock(session.id), async () => {
    const now = await liveSession(session.id);
    if (now.cancelledAt)
      throw new HttpError(409, 'session_cancelled', 'The session has been cancelled.');
    const doc = await SessionModel.findOneAndUpdate(
      { _id: session.id, rev, cancelledAt: null },
      { $set: set, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean<StoredSession>();
    if (!doc) throw staleCopy();
    const updated = rememberSession(doc);
    return { row: updated, promoted: await promoteWaiting(updated, user.id) };
  });
  await audit({
    action: 'learning.session.updated',
    actorId: user.id,
    subjectType: 'learning_session',
    subjectId: row.id,
    detail: { fields: Object.keys(fields) },
    req,
  });
  publish(row, user.id, 'updated');
  await announceAll(promoted, req);
  return row;
}

/**
 * Cancels a session: every active registration is cancelled (notified). Cancelling again answers
 * with the cancelled session.
 */
export async function cancelSession(
  user: CurrentUser,
  sessionId: string,
  input: { rev: number; reason?: string },
  req?: Request,
): Promise<SessionRow> {
  const { session } = await manageableSession(user, sessionId, req);
  // Already cancelled: no second audit or event, but the sweep below runs again, so a cancel that
  // stopped between the session write and its registrations is finished by repeating it.
  const row = session.cancelledAt
    ? null
    : await withKeyLock(sessionLock(session.id), async () => {
        const doc = await SessionModel.findOneAndUpdate(
          { _id: session.id, rev: input.rev, cancelledAt: null },
          { $set: { cancelledAt: new Date(), cancelledBy: user.id }, $inc: { rev: 1 } },
          { returnDocument: 'after' },
        ).lean<StoredSession>();
        if (!doc) {
          const now = await liveSession(session.id);
          if (now.cancelledAt) return null;
          throw staleCopy();
        }
        return rememberSession(doc);
      });
  if (row) {
    await audit({
      action: 'learning.session.cancelled',
      actorId: user.id,
      subjectType: 'learning_session',
      subjectId: row.id,
      req,
    });
    publish(row, user.id, 'cancelled');
  }
  const reason = input.reason ?? '';
  for (const r of (await registrationIndex()).bySession(session.id)) {
    if (!isActive(r.status)) continue;
    await withKeyLock(regLock(r.id), async () => {
      const fresh = await refreshRegistration(r.id);
      if (!fresh || !isActive(fresh.status)) return;
      const doc = await guardedTransition(
        fresh,
        {},
        {
          actorId: user.id,
          action: 'session_cancelled',
          from: fresh.status,
          to: 'cancelled',
          reason,
        },
      );
      if (!doc) return;
      await releaseClaim(doc);
      await announce(
        { before: fresh, after: doc, action: 'session_cancelled', actorId: user.id, reason },
        req,
      );
    });
  }
  return row ?? (await sessionById(session.id)) ?? session;
}

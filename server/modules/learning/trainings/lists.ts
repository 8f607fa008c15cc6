import type { CurrentUser } from '../../auth/current-user';
import { badRequest, notFound } from '../../../lib/errors';
import { deny } from '../../audit/deny';
import { courseAccess } from '../access';
import { courseById } from '../courses/course-index';
import { registrationFacts } from './facts';
import { isActive, registrationIndex, seatState, type RegistrationRow } from './registration-index';
import { canDecide, canSeeParticipants } from './registration.policy';
import { sessionById } from './session-index';
import type { Request } from 'express';

const oldestFirst = (a: RegistrationRow, b: RegistrationRow) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

/** My registrations, newest first. */
export async function myRegistrations(user: CurrentUser): Promise<RegistrationRow[]> {
  return (await registrationIndex()).byPerson(user.id).sort((a, b) => oldestFirst(b, a));
}

/**
 * What waits for the viewer's decision, computed at read time (like the leave inbox): the manager
 * step of people whose effective approver they are now; for HR every HR step. Never their own.
 */
export async function decideRows(user: CurrentUser, today: string): Promise<RegistrationRow[]> {
  const pending: RegistrationRow[] = [];
  for (const r of (await registrationIndex()).all()) {
    if ((r.status === 'pending_manager' || r.status === 'pending_hr') && r.personId !== user.id)
      pending.push(r);
  }
  const facts = await registrationFacts(pending, today);
  return pending
    .filter((r) => {
      const f = facts.get(r.id);
      return f !== undefined && canDecide(user, f);
    })
    .sort(oldestFirst);
}

/** A session's registrations for trainers and HR: confirmed, waiting list in order, pending. */
export async function participantRows(
  user: CurrentUser,
  sessionId: string,
  req?: Request,
): Promise<RegistrationRow[]> {
  const session = await sessionById(sessionId);
  if (!session) throw notFound();
  const access = await courseAccess(user, session.courseId);
  if (!access) throw notFound();
  const course = await courseById(session.courseId);
  if (
    !canSeeParticipants(user, {
      courseTrainerIds: course?.trainerIds ?? [],
      sessionTrainerIds: session.trainerIds,
    })
  ) {
    throw await deny(
      user,
      'learning.session.participants',
      { type: 'learning_session', id: session.id },
      req,
    );
  }
  const rows = (await registrationIndex()).bySession(session.id);
  const { confirmed, waitlist } = seatState(rows);
  const pending = rows
    .filter((r) => r.status === 'pending_manager' || r.status === 'pending_hr')
    .sort(oldestFirst);
  return [...confirmed.sort(oldestFirst), ...waitlist, ...pending];
}

/** Every registration of a session (ended ones too) for the `scope=session` list. */
export async function sessionRows(user: CurrentUser, sessionId: string | undefined, req?: Request) {
  if (!sessionId)
    throw badRequest('sessionId is required.', [
      { path: 'sessionId', code: 'required', message: 'sessionId is required.' },
    ]);
  const active = await participantRows(user, sessionId, req);
  const ended = (await registrationIndex())
    .bySession(sessionId.toLowerCase())
    .filter((r) => !isActive(r.status))
    .sort(oldestFirst);
  return [...active, ...ended];
}

/** Offset paging over an in-memory list (the cursor is the offset). */
export function page<T>(items: T[], cursor: string | undefined, limit: number) {
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw badRequest('Invalid cursor');
  const slice = items.slice(start, start + limit);
  const next =
    start + limit < items.length ? Buffer.from(String(start + limit)).toString('base64url') : null;
  return { slice, nextCursor: next };
}

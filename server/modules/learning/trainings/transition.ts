import type { Request } from 'express';
import type { RegistrationStatus } from '@shared/learning/schemas';
import { HttpError } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { logger } from '../../../lib/logger';
import { audit } from '../../audit/audit.service';
import type { LearningEvents } from '../learning.events';
import { ClaimModel, registrationClaimId } from './claim.model';
import { RegistrationModel, type StoredRegistration } from './registration.model';
import {
  refreshRegistration,
  registrationIndex,
  rememberRegistration,
  seatState,
  type RegistrationRow,
} from './registration-index';
import { sessionById, type SessionRow } from './session-index';

/** Shared steps of every registration change: locks, the guarded update, seats, audit, event. */
export const regLock = (id: string) => `learning-reg:${id}`;
export const sessionLock = (id: string) => `learning-session:${id}`;

export type RegistrationAction = LearningEvents['learning.registration_changed']['action'];

export const invalidTransition = () =>
  new HttpError(
    409,
    'invalid_transition',
    'The registration is no longer in a state that allows this.',
  );
export const sessionCancelled = () =>
  new HttpError(409, 'session_cancelled', 'The session has been cancelled.');

let lastSeq = 0;
/** Waiting-list order: strictly increasing on this instance (ms clock, never repeating). */
export function nextSeq(): number {
  lastSeq = Math.max(Date.now(), lastSeq + 1);
  return lastSeq;
}

export interface HistoryInput {
  actorId: string | null;
  action: RegistrationAction;
  from: RegistrationStatus | null;
  to: RegistrationStatus;
  reason: string;
}

/**
 * One conditional transition: applies only while the registration is still in the state and rev
 * the caller saw. Returns the new document, or null when another change came first (the index
 * then holds the stored state).
 */
export async function guardedTransition(
  row: RegistrationRow,
  set: Record<string, unknown>,
  history: HistoryInput,
): Promise<StoredRegistration | null> {
  const doc = await RegistrationModel.findOneAndUpdate(
    { _id: row.id, status: row.status, rev: row.rev },
    {
      $set: { ...set, status: history.to },
      $push: { history: { ...history, at: new Date() } },
      $inc: { rev: 1 },
    },
    { returnDocument: 'after' },
  ).lean<StoredRegistration>();
  if (doc) rememberRegistration(doc);
  else await refreshRegistration(row.id);
  return doc;
}

/** The registration ended: the person may register for the session again. */
export async function releaseClaim(
  doc: Pick<StoredRegistration, '_id' | 'sessionId' | 'personId'>,
) {
  const id = registrationClaimId(String(doc.sessionId), String(doc.personId));
  try {
    const claim = await ClaimModel.findById(id).lean<{ registrationId: string }>();
    if (claim && claim.registrationId === String(doc._id)) await ClaimModel.deleteOne({ _id: id });
  } catch (err) {
    logger.warn({ err, id }, 'registration claim release failed');
  }
}

export interface Applied {
  before: RegistrationRow | null;
  after: StoredRegistration;
  action: RegistrationAction;
  actorId: string | null;
  reason: string;
}

const SEATED = new Set<RegistrationStatus>(['confirmed', 'waitlisted']);

/** Audit, then `learning.registration_changed` once (and `session_changed` when seats moved). */
export async function announce(applied: Applied, req?: Request): Promise<void> {
  const { before, after, action, actorId, reason } = applied;
  const session = await sessionById(String(after.sessionId));
  await audit({
    action: `learning.registration.${action}`,
    actorId,
    subjectType: 'learning_registration',
    subjectId: String(after._id),
    detail: {
      personId: String(after.personId),
      sessionId: String(after.sessionId),
      from: before?.status ?? null,
      to: after.status,
      ...(reason ? { reason } : {}),
    },
    req,
  });
  events.publish('learning.registration_changed', {
    registrationId: String(after._id),
    sessionId: String(after.sessionId),
    courseId: String(after.courseId),
    personId: String(after.personId),
    actorId,
    action,
    before: before?.status ?? null,
    after: after.status as RegistrationStatus,
    from: session?.from ?? '',
    to: session?.to ?? '',
  });
  const seatsMoved =
    (before && SEATED.has(before.status)) || SEATED.has(after.status as RegistrationStatus);
  if (seatsMoved && session) {
    events.publish('learning.session_changed', {
      sessionId: session.id,
      courseId: session.courseId,
      actorId,
      change: 'updated',
    });
  }
}

export async function announceAll(list: Applied[], req?: Request): Promise<void> {
  for (const a of list) await announce(a, req);
}

/** The session as stored (call under the session lock). */
export async function liveSession(sessionId: string): Promise<SessionRow> {
  const session = await sessionById(sessionId);
  if (!session) throw new HttpError(404, 'not_found', 'Not found.');
  return session;
}

/**
 * Under the session lock: moves waitlisted people up while seats are free (first by `seq`).
 * Returns what was applied (the caller announces after its own step).
 */
export async function promoteWaiting(
  session: SessionRow,
  actorId: string | null,
): Promise<Applied[]> {
  const out: Applied[] = [];
  if (session.cancelledAt) return out;
  for (let guard = 0; guard < 1000; guard++) {
    const { confirmed, waitlist } = seatState((await registrationIndex()).bySession(session.id));
    if (session.seats !== null && confirmed.length >= session.seats) break;
    const next = waitlist[0];
    if (!next) break;
    const doc = await guardedTransition(
      next,
      {},
      {
        actorId,
        action: 'moved_up',
        from: 'waitlisted',
        to: 'confirmed',
        reason: '',
      },
    );
    if (doc) out.push({ before: next, after: doc, action: 'moved_up', actorId, reason: '' });
  }
  return out;
}

/**
 * Under the session lock: the seat status for a registration that becomes eligible now —
 * waitlisted people first get free seats, then `confirmed` while seats are left, else `waitlisted`.
 */
export async function seatFor(
  session: SessionRow,
  actorId: string | null,
  excludeId?: string,
): Promise<{ status: 'confirmed' | 'waitlisted'; seq: number; promoted: Applied[] }> {
  if (session.cancelledAt) throw sessionCancelled();
  const promoted = await promoteWaiting(session, actorId);
  const { confirmed } = seatState(
    (await registrationIndex()).bySession(session.id).filter((r) => r.id !== excludeId),
  );
  const free = session.seats === null || confirmed.length < session.seats;
  return { status: free ? 'confirmed' : 'waitlisted', seq: nextSeq(), promoted };
}

import type { Request } from 'express';
import type { z } from 'zod';
import type {
  registrationCancelSchema,
  registrationCreateSchema,
  registrationDecisionSchema,
} from '@shared/learning/schemas';
import { HttpError, badRequest, notFound } from '../../../lib/errors';
import { withKeyLock } from '../../../lib/keyed-lock';
import type { CurrentUser } from '../../auth/current-user';
import { deny } from '../../audit/deny';
import { approverInfo } from '../../leave/approver';
import { todayInBerlin } from '../../leave/holidays';
import { courseAccess } from '../access';
import { ClaimModel, registrationClaimId } from './claim.model';
import { registrationFact } from './facts';
import { RegistrationModel, type StoredRegistration } from './registration.model';
import {
  isActive,
  refreshRegistration,
  registrationIndex,
  rememberRegistration,
  type RegistrationRow,
} from './registration-index';
import {
  canDecide,
  cancelKind,
  canSeeRegistration,
  isDecider,
  isEnded,
  needsHr,
  registerRefusal,
} from './registration.policy';
import { refreshSession, sessionById } from './session-index';
import {
  announce,
  announceAll,
  guardedTransition,
  invalidTransition,
  liveSession,
  promoteWaiting,
  regLock,
  releaseClaim,
  seatFor,
  sessionLock,
  type Applied,
  type RegistrationAction,
} from './transition';

type CreateInput = z.infer<typeof registrationCreateSchema>;
type DecisionInput = z.infer<typeof registrationDecisionSchema>;
type CancelInput = z.infer<typeof registrationCancelSchema>;

const alreadyRegistered = () =>
  new HttpError(409, 'already_registered', 'You are already registered for this session.');
const clientIdReused = () =>
  new HttpError(409, 'client_id_reused', 'This id belongs to another registration.');
const isDuplicateKey = (err: unknown) => (err as { code?: number } | null)?.code === 11000;

/**
 * Register for a session. Replaying the same clientId returns the same registration (created:
 * false). The claim document makes one active registration per person and session, even in
 * parallel; a full session is no error (the registration goes to the waiting list).
 */
export async function createRegistration(
  user: CurrentUser,
  sessionId: string,
  input: CreateInput,
  req?: Request,
): Promise<{ row: RegistrationRow; created: boolean }> {
  const today = todayInBerlin();
  const session = await sessionById(sessionId);
  if (!session) throw notFound();
  const access = await courseAccess(user, session.courseId);
  if (!access) throw notFound();
  const id = input.clientId.toLowerCase();
  const index = await registrationIndex();
  const known = index.get(id);
  if (known) {
    if (known.personId === user.id && known.sessionId === session.id)
      return { row: known, created: false };
    throw clientIdReused();
  }
  const refusal = registerRefusal(user, {
    courseViewable: access.abilities.view,
    kind: access.course.kind,
    coursePublished: access.course.status === 'published',
    cancelled: session.cancelledAt !== null,
    registrationUntil: session.registrationUntil,
    firstDay: session.from,
    today,
    courseTrainerIds: access.course.trainerIds,
    sessionTrainerIds: session.trainerIds,
  });
  if (refusal === 'not_found') throw notFound();
  if (refusal === 'forbidden')
    throw await deny(
      user,
      'learning.registration.create',
      { type: 'learning_session', id: session.id },
      req,
    );
  if (refusal === 'session_cancelled')
    throw new HttpError(409, 'session_cancelled', 'The session has been cancelled.');
  if (refusal === 'registration_closed')
    throw new HttpError(409, 'registration_closed', 'Registration for this session is closed.');
  if (index.bySession(session.id).some((r) => r.personId === user.id && isActive(r.status)))
    throw alreadyRegistered();

  return withKeyLock(regLock(id), async () => {
    const replay = await claimSeat(session.id, user.id, id);
    if (replay) return { row: replay, created: false };
    const info = await approverInfo(user.id, today);
    const hr = needsHr(access.course, session);
    const base = {
      _id: id,
      sessionId: session.id,
      courseId: session.courseId,
      personId: user.id,
      note: input.note,
      rev: 0,
    };
    const history = (to: string) => [
      { at: new Date(), actorId: user.id, action: 'created', from: null, to, reason: '' },
    ];
    let promoted: Applied[] = [];
    let doc: StoredRegistration;
    if (info.effective || hr) {
      const status = info.effective ? 'pending_manager' : 'pending_hr';
      doc = await insert({ ...base, status, seq: null, history: history(status) });
    } else {
      doc = await withKeyLock(sessionLock(session.id), async () => {
        const seat = await seatFor(await liveSession(session.id), user.id);
        promoted = seat.promoted;
        return insert({
          ...base,
          status: seat.status,
          seq: seat.seq,
          history: history(seat.status),
        });
      });
    }
    const row = rememberRegistration(doc);
    // A cancel elsewhere may have swept the session's registrations between the check above and
    // this insert: read the session again; cancelled → this registration ends at once (409).
    if ((await refreshSession(session.id))?.cancelledAt) {
      const ended = await guardedTransition(
        row,
        {},
        {
          actorId: user.id,
          action: 'session_cancelled',
          from: row.status,
          to: 'cancelled',
          reason: '',
        },
      );
      if (ended) await releaseClaim(ended);
      await announceAll(promoted, req);
      throw new HttpError(409, 'session_cancelled', 'The session has been cancelled.');
    }
    await announceAll(promoted, req);
    await announce(
      { before: null, after: doc, action: 'created', actorId: user.id, reason: '' },
      req,
    );
    return { row, created: true };
  });
}

/**
 * A duplicate `_id` here means someone else's registration took this clientId at the same time
 * (the index check before the lock could not see it): free the claim just made, answer 409.
 */
async function insert(fields: Record<string, unknown>): Promise<StoredRegistration> {
  try {
    const created = await RegistrationModel.create(fields);
    return created.toObject() as unknown as StoredRegistration;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await releaseClaim(fields as Pick<StoredRegistration, '_id' | 'sessionId' | 'personId'>);
    throw clientIdReused();
  }
}

/**
 * Inserts the person's claim on the session. Returns the stored registration when this very
 * clientId already holds it (a replay), throws 409 when another active registration does.
 */
async function claimSeat(
  sessionId: string,
  personId: string,
  id: string,
): Promise<RegistrationRow | null> {
  const claimId = registrationClaimId(sessionId, personId);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await ClaimModel.create({ _id: claimId, registrationId: id });
      return null;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const claim = await ClaimModel.findById(claimId).lean<{ registrationId: string }>();
    if (!claim) continue;
    if (claim.registrationId === id) return (await refreshRegistration(id)) ?? null;
    const holder = await refreshRegistration(claim.registrationId);
    if (holder && isActive(holder.status)) throw alreadyRegistered();
    // A claim left behind by an ended registration (its release failed): take it over.
    await ClaimModel.deleteOne({ _id: claimId });
  }
  throw alreadyRegistered();
}

const DECISIONS: Record<'approve' | 'reject', readonly RegistrationAction[]> = {
  approve: ['manager_approved', 'hr_confirmed'],
  reject: ['manager_rejected', 'hr_rejected'],
};

/** The registration, fresh from the database, if the viewer may see it (else 404). */
async function visible(user: CurrentUser, id: string, today: string) {
  const row = await refreshRegistration(id.toLowerCase());
  if (!row) throw notFound();
  const facts = await registrationFact(row, today);
  if (!canSeeRegistration(user, facts)) throw notFound();
  return { row, facts };
}

/**
 * The manager or HR decision. Exactly one decision applies per step; the same decision replayed
 * by the same person answers with the stored state, any other later one 409 `invalid_transition`.
 */
export async function decideRegistration(
  user: CurrentUser,
  id: string,
  input: DecisionInput,
  req?: Request,
): Promise<RegistrationRow> {
  const today = todayInBerlin();
  return withKeyLock(regLock(id.toLowerCase()), async () => {
    const { row, facts } = await visible(user, id, today);
    if (!canDecide(user, facts)) {
      const mine = row.doc.history.filter((h) => String(h.actorId) === user.id);
      const same = mine.some((h) =>
        DECISIONS[input.decision].includes(h.action as RegistrationAction),
      );
      const other = mine.some((h) =>
        DECISIONS[input.decision === 'approve' ? 'reject' : 'approve'].includes(
          h.action as RegistrationAction,
        ),
      );
      if (same && !other) return row;
      // Someone who decides (or decided) here comes too late or asks for the other outcome.
      if (other || isDecider(user, facts)) throw invalidTransition();
      const denied = await deny(
        user,
        'learning.registration.decide',
        { type: 'learning_registration', id: row.id },
        req,
      );
      if (row.personId === user.id)
        throw new HttpError(403, 'own_request', 'Nobody decides their own registration.');
      throw denied;
    }
    const step = row.status === 'pending_manager' ? 'manager' : 'hr';
    // A rejection's reason, or the optional comment of an approval: both go into the history.
    const reason = input.reason;
    const set: Record<string, unknown> = step === 'manager' ? { managerId: user.id } : {};
    if (input.decision === 'reject') {
      const action = step === 'manager' ? 'manager_rejected' : 'hr_rejected';
      const doc = await guardedTransition(row, set, {
        actorId: user.id,
        action,
        from: row.status,
        to: 'rejected',
        reason,
      });
      if (!doc) throw invalidTransition();
      await releaseClaim(doc);
      await announce({ before: row, after: doc, action, actorId: user.id, reason }, req);
      return (await registrationIndex()).get(row.id) ?? row;
    }
    const action = step === 'manager' ? 'manager_approved' : 'hr_confirmed';
    const session = await sessionById(row.sessionId);
    if (!session) throw notFound();
    const access = await courseAccess(user, row.courseId);
    const course = access?.course;
    if (step === 'manager' && course && needsHr(course, session)) {
      const doc = await guardedTransition(row, set, {
        actorId: user.id,
        action,
        from: row.status,
        to: 'pending_hr',
        reason,
      });
      if (!doc) throw invalidTransition();
      await announce({ before: row, after: doc, action, actorId: user.id, reason }, req);
      return (await registrationIndex()).get(row.id) ?? row;
    }
    const { doc, promoted } = await withKeyLock(sessionLock(row.sessionId), async () => {
      const seat = await seatFor(await liveSession(row.sessionId), user.id, row.id);
      const stored = await guardedTransition(
        row,
        { ...set, seq: seat.seq },
        {
          actorId: user.id,
          action,
          from: row.status,
          to: seat.status,
          reason,
        },
      );
      return { doc: stored, promoted: seat.promoted };
    });
    await announceAll(promoted, req);
    if (!doc) throw invalidTransition();
    await announce({ before: row, after: doc, action, actorId: user.id, reason }, req);
    return (await registrationIndex()).get(row.id) ?? row;
  });
}

/**
 * Withdraw (pending) or cancel (confirmed, waitlisted) by the person; trainers and HR cancel a
 * participant with a reason. A freed seat goes to the first on the waiting list.
 */
export async function cancelRegistration(
  user: CurrentUser,
  id: string,
  input: CancelInput,
  req?: Request,
): Promise<RegistrationRow> {
  const today = todayInBerlin();
  return withKeyLock(regLock(id.toLowerCase()), async () => {
    const { row, facts } = await visible(user, id, today);
    const kind = cancelKind(user, facts);
    if (!kind) {
      const last = row.doc.history.at(-1);
      if (
        isEnded(row.status) &&
        last &&
        String(last.actorId) === user.id &&
        (last.action === 'withdrawn' || last.action === 'cancelled')
      )
        return row;
      if (isEnded(row.status)) throw invalidTransition();
      throw await deny(
        user,
        'learning.registration.cancel',
        { type: 'learning_registration', id: row.id },
        req,
      );
    }
    if (kind.needsReason && !input.reason)
      throw badRequest('A reason is required.', [
        { path: 'reason', code: 'reason_required', message: 'A reason is required.' },
      ]);
    const history = {
      actorId: user.id,
      action: kind.action,
      from: row.status,
      to: kind.to,
      reason: input.reason,
    };
    let doc: StoredRegistration | null;
    let promoted: Applied[] = [];
    if (row.status === 'confirmed' || row.status === 'waitlisted') {
      ({ doc, promoted } = await withKeyLock(sessionLock(row.sessionId), async () => {
        const stored = await guardedTransition(row, {}, history);
        const moved = stored ? await promoteWaiting(await liveSession(row.sessionId), user.id) : [];
        return { doc: stored, promoted: moved };
      }));
    } else {
      doc = await guardedTransition(row, {}, history);
    }
    if (!doc) throw invalidTransition();
    await releaseClaim(doc);
    await announce(
      { before: row, after: doc, action: kind.action, actorId: user.id, reason: input.reason },
      req,
    );
    await announceAll(promoted, req);
    return (await registrationIndex()).get(row.id) ?? row;
  });
}

/** A registration the viewer may see (404 otherwise). */
export async function visibleRegistration(user: CurrentUser, id: string): Promise<RegistrationRow> {
  const row = (await registrationIndex()).get(id.toLowerCase());
  if (!row) throw notFound();
  if (!canSeeRegistration(user, await registrationFact(row, todayInBerlin()))) throw notFound();
  return row;
}

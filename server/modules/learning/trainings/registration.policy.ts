import type { RegistrationStatus } from '@shared/learning/schemas';
import type { RegistrationAbilities, SessionAbilities } from '@shared/learning/types';

/**
 * Who may do what with training sessions and registrations. Pure: the callers look the facts up
 * from memory (course access, session, approver of the person, today).
 *
 * - Register: the course is viewable, it is a training, the session is not cancelled, registration
 *   is open (today ≤ registrationUntil, and the session has not started), and the person is not a
 *   trainer of the course or session.
 * - Manager step: the person's effective approver now (deputy rule included), never one's own.
 * - HR step: role `hr`, never one's own.
 * - Withdraw/cancel: the person; trainers of the course/session and HR may cancel a participant
 *   (with a reason).
 * - Participants: trainers of the course/session, HR.
 * - A registration: the person, their approver (primary, effective) and chain leaders, HR, trainers.
 */
export interface Viewer {
  id: string;
  roles: readonly string[];
}

export const isHr = (v: Pick<Viewer, 'roles'>) => v.roles.includes('hr');

export interface SessionFacts {
  courseTrainerIds: readonly string[];
  sessionTrainerIds: readonly string[];
}

export const isTrainerOf = (v: Pick<Viewer, 'id'>, s: SessionFacts) =>
  s.courseTrainerIds.includes(v.id) || s.sessionTrainerIds.includes(v.id);

export type RegisterRefusal =
  'not_found' | 'forbidden' | 'session_cancelled' | 'registration_closed';

export interface RegisterFacts extends SessionFacts {
  courseViewable: boolean;
  kind: string;
  coursePublished: boolean;
  cancelled: boolean;
  registrationUntil: string;
  firstDay: string;
  today: string;
}

/** null = may register; else why not (in the order the route answers). */
export function registerRefusal(v: Viewer, f: RegisterFacts): RegisterRefusal | null {
  if (!f.courseViewable) return 'not_found';
  if (f.kind !== 'training' || !f.coursePublished || isTrainerOf(v, f)) return 'forbidden';
  if (f.cancelled) return 'session_cancelled';
  if (f.today > f.registrationUntil || f.today >= f.firstDay) return 'registration_closed';
  return null;
}

/** Whether registrations need the HR step: costs, limited seats, or the course says always. */
export const needsHr = (
  course: { costCents: number; hrConfirmationAlways: boolean },
  session: { seats: number | null },
) => course.costCents > 0 || session.seats !== null || course.hrConfirmationAlways;

export interface RegistrationFacts extends SessionFacts {
  personId: string;
  status: RegistrationStatus;
  /** The person's leave approver now (effective includes the deputy rule). */
  primary: string | null;
  effective: string | null;
  chainLeaders: readonly string[];
}

export const canDecideManager = (v: Viewer, f: RegistrationFacts) =>
  f.personId !== v.id && f.effective === v.id;

export const canDecideHr = (v: Viewer, f: RegistrationFacts) => f.personId !== v.id && isHr(v);

/** May decide the step the registration is in now. */
export function canDecide(v: Viewer, f: RegistrationFacts): boolean {
  if (f.status === 'pending_manager') return canDecideManager(v, f);
  if (f.status === 'pending_hr') return canDecideHr(v, f);
  return false;
}

/** Could decide a step of this registration at all (for telling 409 from 403 after the fact). */
export const isDecider = (v: Viewer, f: RegistrationFacts) =>
  f.personId !== v.id && (isHr(v) || f.effective === v.id || f.primary === v.id);

export const canManageParticipants = (v: Viewer, f: SessionFacts) => isHr(v) || isTrainerOf(v, f);

export const canSeeParticipants = canManageParticipants;

export function canSeeRegistration(v: Viewer, f: RegistrationFacts): boolean {
  return (
    f.personId === v.id ||
    isHr(v) ||
    isTrainerOf(v, f) ||
    f.primary === v.id ||
    f.effective === v.id ||
    f.chainLeaders.includes(v.id)
  );
}

/**
 * Who may open the decided list at all: HR, unit leaders and leaders' standing deputies (they
 * decide while the leader is away). Everyone else gets 403.
 */
export const mayReviewDecisions = (
  v: Viewer,
  f: { leadsUnits: boolean; deputyOfLeader: boolean },
) => isHr(v) || f.leadsUnits || f.deputyOfLeader;

/**
 * A decided registration in the decider's list: HR all; a manager their own people (approver,
 * primary or effective, and chain leaders — the rule that lets them see the registration) and
 * what they decided themselves (a deputy's decisions stay visible after the leader is back).
 */
export function canSeeDecided(v: Viewer, f: RegistrationFacts, actorIds: readonly string[]) {
  if (isHr(v)) return true;
  if (f.personId === v.id) return false;
  return (
    f.primary === v.id ||
    f.effective === v.id ||
    f.chainLeaders.includes(v.id) ||
    actorIds.includes(v.id)
  );
}

const ENDED: readonly RegistrationStatus[] = ['rejected', 'withdrawn', 'cancelled'];
export const isEnded = (s: RegistrationStatus) => ENDED.includes(s);

/**
 * What a cancel by this viewer means now: the person withdraws a pending registration or cancels
 * a confirmed/waitlisted one; trainers and HR cancel someone else's (reason required).
 * null = not allowed (or nothing left to cancel).
 */
export function cancelKind(
  v: Viewer,
  f: RegistrationFacts,
): {
  to: 'withdrawn' | 'cancelled';
  action: 'withdrawn' | 'cancelled';
  needsReason: boolean;
} | null {
  if (isEnded(f.status)) return null;
  const pending = f.status === 'pending_manager' || f.status === 'pending_hr';
  if (f.personId === v.id) {
    return pending
      ? { to: 'withdrawn', action: 'withdrawn', needsReason: false }
      : { to: 'cancelled', action: 'cancelled', needsReason: false };
  }
  if (canManageParticipants(v, f))
    return { to: 'cancelled', action: 'cancelled', needsReason: true };
  return null;
}

export function registrationAbilities(v: Viewer, f: RegistrationFacts): RegistrationAbilities {
  return { decide: canDecide(v, f), cancel: cancelKind(v, f) !== null };
}

export function sessionAbilities(
  v: Viewer,
  f: { manageSessions: boolean; cancelled: boolean; mayRegister: boolean } & SessionFacts,
): SessionAbilities {
  return {
    register: f.mayRegister,
    edit: f.manageSessions && !f.cancelled,
    cancel: f.manageSessions && !f.cancelled,
    seeParticipants: canSeeParticipants(v, f),
  };
}

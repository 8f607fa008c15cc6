import { addDays } from '@shared/leave/days';
import type { LeaveStatus } from '@shared/leave/schemas';
import type { LeaveRequestAbilities } from '@shared/leave/types';
import type { Role } from '@shared/people/roles';

/**
 * Who may do what with a leave request. Pure: the caller computes the facts (approver.ts).
 * Administrators get no exception: leave is personnel data (HR's business, not IT's).
 */
export interface LeaveViewer {
  id: string;
  roles: readonly Role[] | readonly string[];
}

export interface LeaveFacts {
  personId: string;
  status: LeaveStatus;
  from: string;
  to: string;
  /** Pending longer than the escalation limit (`escalatedAt` set). */
  escalated: boolean;
  /** The leader who approves (unit leader, or the next one above for a leader's own request). */
  primary: string | null;
  /** Who decides now: the primary, or their deputy while the primary is away or has delegated. */
  effective: string | null;
  /** Leaders of every unit in the owner's unit chain. */
  chainLeaders: readonly string[];
  /** The Stuttgart calendar day. */
  today: string;
}

const isHr = (v: LeaveViewer) => (v.roles as readonly string[]).includes('hr');
const isOwner = (v: LeaveViewer, f: LeaveFacts) => v.id === f.personId;
const started = (f: LeaveFacts) => f.from <= f.today;
const nextDay = (d: string) => addDays(d, 1);

export const canView = (v: LeaveViewer, f: LeaveFacts) =>
  isOwner(v, f) || f.chainLeaders.includes(v.id) || f.effective === v.id || isHr(v);

/**
 * Deciding (a pending request, or a cancellation request): the primary approver (also while
 * away), the effective approver (the deputy), HR once a pending request is escalated. Never the
 * owner, whatever else they are.
 */
export const canDecide = (v: LeaveViewer, f: LeaveFacts) =>
  !isOwner(v, f) &&
  (f.status === 'pending' || f.status === 'cancel_requested') &&
  (f.primary === v.id ||
    f.effective === v.id ||
    (isHr(v) && f.status === 'pending' && f.escalated));

export const canEdit = (v: LeaveViewer, f: LeaveFacts) => isOwner(v, f) && f.status === 'pending';
export const canWithdraw = canEdit;

/** Cancelling the whole leave before it starts (needs the approver's decision). */
export const canCancel = (v: LeaveViewer, f: LeaveFacts) =>
  isOwner(v, f) && f.status === 'approved' && !started(f);

/** The first day a started leave can be given back from: today, but never the first day. */
export const earliestShortenFrom = (f: LeaveFacts) => {
  const afterStart = nextDay(f.from);
  return afterStart > f.today ? afterStart : f.today;
};

/** Giving back the rest of a leave that has started (applied at once, stays approved). */
export const canShorten = (v: LeaveViewer, f: LeaveFacts) =>
  isOwner(v, f) && f.status === 'approved' && started(f) && earliestShortenFrom(f) <= f.to;

export function leaveAbilities(v: LeaveViewer, f: LeaveFacts): LeaveRequestAbilities {
  return {
    edit: canEdit(v, f),
    withdraw: canWithdraw(v, f),
    cancel: canCancel(v, f),
    shorten: canShorten(v, f),
    decide: canDecide(v, f),
  };
}

/** Handing approvals to the deputy is for people who lead a unit. */
export const canDelegate = (v: { leads: readonly string[] }) => v.leads.length > 0;

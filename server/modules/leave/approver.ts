import type { CurrentUser } from '../auth/current-user';
import { peopleFromDirectory } from '../people/directory-index';
import { unitIndex } from '../org/unit-index';
import { absenceOf } from './absence';
import { delegatedUntil } from './delegation.model';
import { leaveIndex, type LeaveRow } from './request-index';
import { canDecide, type LeaveFacts } from './leave.policy';

/**
 * Who decides a person's leave. Primary: the leader of their unit, or, when they lead it
 * themselves, the first leader above who is someone else. Effective: the primary's deputy while
 * the primary is on approved leave today or has delegated — computed at read time, so pending
 * requests "move" without writes. The deputy never becomes the approver of their own request.
 */
export interface ApproverInfo {
  primary: string | null;
  effective: string | null;
  /** Leaders of every unit in the person's unit chain (they see the person's requests). */
  chainLeaders: string[];
}

async function activeDeputyOf(personId: string): Promise<string | null> {
  const [p] = await peopleFromDirectory([personId]);
  if (!p?.deputyId) return null;
  const [deputy] = await peopleFromDirectory([p.deputyId]);
  return deputy && deputy.active !== false ? String(deputy._id) : null;
}

/** Whether a leader's approvals go to their deputy today. */
export async function isAway(personId: string, today: string): Promise<boolean> {
  return (
    (await delegatedUntil(personId, today)) !== null || (await absenceOf(personId, today)) !== null
  );
}

export async function approverInfo(personId: string, today: string): Promise<ApproverInfo> {
  const [person] = await peopleFromDirectory([personId]);
  const units = await unitIndex();
  const unitId = person?.unitId ? String(person.unitId) : null;
  const chain = unitId ? (units.byId.get(unitId)?.chain ?? []) : [];
  const chainLeaders: string[] = [];
  let primary: string | null = null;
  for (let i = chain.length - 1; i >= 0; i--) {
    const leader = units.byId.get(chain[i] as string)?.leaderId ?? null;
    if (!leader) continue;
    chainLeaders.push(leader);
    if (!primary && leader !== personId) {
      const [p] = await peopleFromDirectory([leader]);
      if (p && p.active !== false) primary = leader;
    }
  }
  let effective = primary;
  if (primary && (await isAway(primary, today))) {
    const deputy = await activeDeputyOf(primary);
    if (deputy && deputy !== personId) effective = deputy;
  }
  return { primary, effective, chainLeaders };
}

export async function approverOf(
  personId: string,
  today: string,
): Promise<{ primary: string | null; effective: string | null }> {
  const { primary, effective } = await approverInfo(personId, today);
  return { primary, effective };
}

/** The facts the policy needs about one request, as of `today`. */
export async function factsOf(row: LeaveRow, today: string): Promise<LeaveFacts> {
  const info = await approverInfo(row.personId, today);
  return {
    personId: row.personId,
    status: row.status,
    from: row.from,
    to: row.to,
    escalated: row.escalatedAt !== null,
    primary: info.primary,
    effective: info.effective,
    chainLeaders: info.chainLeaders,
    today,
  };
}

/** Requests (pending or cancel_requested) the viewer may decide now, oldest first. */
export async function inboxRows(
  viewer: Pick<CurrentUser, 'id' | 'roles'>,
  today: string,
): Promise<LeaveRow[]> {
  const rows = (await leaveIndex()).pending();
  const byPerson = new Map<string, ApproverInfo>();
  const out: LeaveRow[] = [];
  for (const row of rows) {
    if (row.personId === viewer.id) continue;
    let info = byPerson.get(row.personId);
    if (!info) byPerson.set(row.personId, (info = await approverInfo(row.personId, today)));
    const facts: LeaveFacts = {
      personId: row.personId,
      status: row.status,
      from: row.from,
      to: row.to,
      escalated: row.escalatedAt !== null,
      primary: info.primary,
      effective: info.effective,
      chainLeaders: info.chainLeaders,
      today,
    };
    if (canDecide(viewer, facts)) out.push(row);
  }
  return out.sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
  );
}

export async function inboxCount(
  viewer: Pick<CurrentUser, 'id' | 'roles'>,
  today: string,
): Promise<number> {
  return (await inboxRows(viewer, today)).length;
}

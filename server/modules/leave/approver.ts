import type { CurrentUser } from '../auth/current-user';
import { peopleFromDirectory } from '../people/directory-index';
import { unitIndex } from '../org/unit-index';
import { absenceOf } from './absence';
import { delegatedUntil, delegations } from './delegation.model';
import { leaveIndex, type LeaveIndex, type LeaveRow } from './request-index';
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

/** Whether a leader's approvals go to their deputy today. */
export async function isAway(personId: string, today: string): Promise<boolean> {
  return (
    (await delegatedUntil(personId, today)) !== null || (await absenceOf(personId, today)) !== null
  );
}

const onLeave = (index: LeaveIndex, personId: string, today: string) =>
  index
    .byPerson(personId)
    .some(
      (r) =>
        (r.status === 'approved' || r.status === 'cancel_requested') &&
        r.from <= today &&
        r.to >= today,
    );

/**
 * Approvers of many people at once: three directory look-ups in all (people, leaders, deputies),
 * the rest from memory (units, delegations, the request index). The inbox and lists use this.
 */
export async function approverInfos(
  personIds: Iterable<string>,
  today: string,
): Promise<Map<string, ApproverInfo>> {
  const ids = [...new Set(personIds)];
  const [units, index, delegated] = await Promise.all([unitIndex(), leaveIndex(), delegations()]);
  const people = new Map((await peopleFromDirectory(ids)).map((p) => [String(p._id), p]));
  const chains = new Map<string, string[]>();
  const leaderIds = new Set<string>();
  for (const id of ids) {
    const unitId = people.get(id)?.unitId;
    const chain = unitId ? (units.byId.get(String(unitId))?.chain ?? []) : [];
    const leaders: string[] = [];
    for (let i = chain.length - 1; i >= 0; i--) {
      const leader = units.byId.get(chain[i] as string)?.leaderId ?? null;
      if (leader) leaders.push(leader);
    }
    chains.set(id, leaders);
    leaders.forEach((l) => leaderIds.add(l));
  }
  const leaders = new Map(
    (await peopleFromDirectory([...leaderIds])).map((p) => [String(p._id), p]),
  );
  const deputyIds = [...leaders.values()].flatMap((p) => (p.deputyId ? [String(p.deputyId)] : []));
  const activeDeputies = new Set(
    (await peopleFromDirectory(deputyIds))
      .filter((p) => p.active !== false)
      .map((p) => String(p._id)),
  );
  const out = new Map<string, ApproverInfo>();
  for (const id of ids) {
    const chainLeaders = chains.get(id) ?? [];
    const primary =
      chainLeaders.find((l) => l !== id && leaders.get(l)?.active !== false && leaders.has(l)) ??
      null;
    let effective = primary;
    if (primary) {
      const until = delegated.get(primary);
      const away = (until !== undefined && until >= today) || onLeave(index, primary, today);
      const deputy = leaders.get(primary)?.deputyId ? String(leaders.get(primary)?.deputyId) : null;
      if (away && deputy && activeDeputies.has(deputy) && deputy !== id) effective = deputy;
    }
    out.set(id, { primary, effective, chainLeaders });
  }
  return out;
}

export async function approverInfo(personId: string, today: string): Promise<ApproverInfo> {
  return (await approverInfos([personId], today)).get(personId) as ApproverInfo;
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
  const rows = (await leaveIndex()).pending().filter((r) => r.personId !== viewer.id);
  const infos = await approverInfos(
    rows.map((r) => r.personId),
    today,
  );
  const out: LeaveRow[] = [];
  for (const row of rows) {
    const info = infos.get(row.personId) as ApproverInfo;
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

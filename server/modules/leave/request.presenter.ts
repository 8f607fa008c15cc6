import type { PersonRef } from '@shared/people/types';
import type {
  LeaveHistoryEntryDTO,
  LeaveRequestDTO,
  LeaveRequestDetailDTO,
} from '@shared/leave/types';
import type { LeaveStatus } from '@shared/leave/schemas';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { approverInfos, type ApproverInfo } from './approver';
import { presentLeaveType } from './leave-type.presenter';
import { leaveTypes } from './leave-type.model';
import { leaveAbilities, type LeaveFacts, type LeaveViewer } from './leave.policy';
import type { LeaveRow } from './request-index';

export const factsFrom = (row: LeaveRow, info: ApproverInfo, today: string): LeaveFacts => ({
  personId: row.personId,
  status: row.status,
  from: row.from,
  to: row.to,
  escalated: row.escalatedAt !== null,
  primary: info.primary,
  effective: info.effective,
  chainLeaders: info.chainLeaders,
  today,
});

/** Loads what presenting these rows needs (types, people, approvers) once for all of them. */
async function contextFor(rows: LeaveRow[], today: string) {
  const types = new Map((await leaveTypes()).map((t) => [t.id, presentLeaveType(t)]));
  const infos = await approverInfos(
    rows.map((r) => r.personId),
    today,
  );
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.personId);
    if (r.deputyId) ids.add(r.deputyId);
    if (r.doc.decidedBy) ids.add(String(r.doc.decidedBy));
    for (const h of r.doc.history) if (h.actorId) ids.add(String(h.actorId));
  }
  for (const info of infos.values()) if (info.effective) ids.add(info.effective);
  const people = new Map(
    (await peopleFromDirectory([...ids])).map((p) => [String(p._id), presentPersonRef(p)]),
  );
  return { types, infos, people };
}

type Ctx = Awaited<ReturnType<typeof contextFor>>;

const unknownPerson = (id: string): PersonRef => ({
  id,
  displayName: '—',
  position: null,
  unitId: null,
  initials: '?',
  photoUrl: null,
});

function present(row: LeaveRow, viewer: LeaveViewer, today: string, ctx: Ctx): LeaveRequestDTO {
  const info = ctx.infos.get(row.personId) as ApproverInfo;
  const ref = (id: string | null) => (id ? (ctx.people.get(id) ?? null) : null);
  const d = row.doc;
  return {
    id: row.id,
    person: ref(row.personId) ?? unknownPerson(row.personId),
    type: ctx.types.get(row.typeId) ?? null,
    from: row.from,
    to: row.to,
    halfStart: row.halfStart,
    halfEnd: row.halfEnd,
    days: row.days,
    status: row.status,
    comment: d.comment ?? '',
    deputy: ref(row.deputyId),
    approver: ref(info.effective),
    decidedBy: ref(d.decidedBy ? String(d.decidedBy) : null),
    decidedAt: d.decidedAt ? new Date(d.decidedAt).toISOString() : null,
    decisionComment: d.decisionComment ?? '',
    escalatedAt: row.escalatedAt ? new Date(row.escalatedAt).toISOString() : null,
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
    rev: d.rev,
    abilities: leaveAbilities(viewer, factsFrom(row, info, today)),
  };
}

/** Requests as this viewer sees them (the caller has checked `canView` for each). */
export async function presentRequests(
  rows: LeaveRow[],
  viewer: LeaveViewer,
  today: string,
): Promise<LeaveRequestDTO[]> {
  const ctx = await contextFor(rows, today);
  return rows.map((r) => present(r, viewer, today, ctx));
}

export async function presentRequest(
  row: LeaveRow,
  viewer: LeaveViewer,
  today: string,
): Promise<LeaveRequestDTO> {
  return (await presentRequests([row], viewer, today))[0] as LeaveRequestDTO;
}

export async function presentDetail(
  row: LeaveRow,
  viewer: LeaveViewer,
  today: string,
): Promise<LeaveRequestDetailDTO> {
  const ctx = await contextFor([row], today);
  const history: LeaveHistoryEntryDTO[] = row.doc.history.map((h) => ({
    at: new Date(h.at).toISOString(),
    actor: h.actorId ? (ctx.people.get(String(h.actorId)) ?? null) : null,
    action: h.action,
    from: (h.from ?? null) as LeaveStatus | null,
    to: h.to as LeaveStatus,
    comment: h.comment ?? '',
  }));
  return { ...present(row, viewer, today, ctx), history };
}

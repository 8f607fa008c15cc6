import type { LeaveConflictDTO, LeaveInboxExtraDTO } from '@shared/leave/types';
import type { CurrentUser } from '../auth/current-user';
import { directoryRows, peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { approverInfos } from './approver';
import { availableOf } from './ledger.rules';
import { defaultLedger, storedLedger } from './ledger.store';
import { leaveIndex, type LeaveRow } from './request-index';

/**
 * What a decider needs beside each inbox request: the person's available days (pending days are
 * already reserved, so approving does not change them), colleagues of the same unit away in the
 * range, and on whose behalf the viewer decides when standing in as deputy. Read only: memory
 * read models and cached ledgers (a pending counting request always has its ledger).
 */
export async function inboxExtras(
  rows: LeaveRow[],
  viewer: Pick<CurrentUser, 'id'>,
  today: string,
): Promise<Record<string, LeaveInboxExtraDTO>> {
  if (rows.length === 0) return {};
  const [infos, index, directory] = await Promise.all([
    approverInfos(
      rows.map((r) => r.personId),
      today,
    ),
    leaveIndex(),
    directoryRows(),
  ]);
  const unitOf = new Map(directory.map((d) => [d.id, d.unitId]));
  const overlapsByRow = new Map<string, LeaveRow[]>();
  const refIds = new Set<string>();
  for (const row of rows) {
    const unitId = unitOf.get(row.personId) ?? null;
    const colleagues = unitId
      ? directory
          .filter((d) => d.unitId === unitId && d.id !== row.personId && d.active)
          .map((d) => d.id)
      : [];
    const overlapping = index.overlapping(colleagues, row.from, row.to);
    overlapsByRow.set(row.id, overlapping);
    overlapping.forEach((o) => refIds.add(o.personId));
    const primary = infos.get(row.personId)?.primary;
    if (primary) refIds.add(primary);
  }
  const refs = new Map(
    (await peopleFromDirectory([...refIds])).map((p) => [String(p._id), presentPersonRef(p)]),
  );

  const out: Record<string, LeaveInboxExtraDTO> = {};
  for (const row of rows) {
    const info = infos.get(row.personId);
    const standsIn =
      info?.effective === viewer.id && info.primary !== null && info.primary !== viewer.id;
    let availableAfter: number | null = null;
    if (row.counts) {
      const year = Number(row.from.slice(0, 4));
      const ledger =
        (await storedLedger(row.personId, year)) ?? (await defaultLedger(row.personId, year));
      availableAfter = availableOf(ledger, today);
    }
    const conflicts: LeaveConflictDTO[] = (overlapsByRow.get(row.id) ?? [])
      .filter((o) => refs.has(o.personId))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
      .map((o) => ({ person: refs.get(o.personId)!, from: o.from, to: o.to, status: o.status }));
    out[row.id] = {
      availableAfter,
      conflicts,
      onBehalfOf: standsIn && info?.primary ? (refs.get(info.primary) ?? null) : null,
    };
  }
  return out;
}

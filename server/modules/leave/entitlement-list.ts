import type { Request } from 'express';
import type { ApiPage } from '@shared/http/errors';
import type { LeaveEntitlementRowDTO } from '@shared/leave/types';
import { badRequest } from '../../lib/errors';
import { fold } from '../../lib/text';
import { deny } from '../audit/deny';
import type { CurrentUser } from '../auth/current-user';
import { directoryRows } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { unitIndex } from '../org/unit-index';
import { todayInBerlin } from './holidays';
import { ledgerId } from './ledger.model';
import { presentBalance } from './ledger.presenter';
import { defaultLedger, ledgersOfYear } from './ledger.store';
import { canManageLeave } from './hr.policy';

const encode = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * HR's list: active people in name order (directory read model) with their balance for the year
 * (all ledgers of the year in memory; people without one show the defaults, nothing is written).
 */
export async function listEntitlements(
  viewer: CurrentUser,
  query: { year: number; q?: string; unitId?: string; cursor?: string; limit: number },
  req?: Request,
): Promise<ApiPage<LeaveEntitlementRowDTO>> {
  if (!canManageLeave(viewer))
    throw await deny(
      viewer,
      'leave.entitlements_list',
      { type: 'leave_year', id: String(query.year) },
      req,
    );
  let rows = (await directoryRows()).filter((r) => r.active);
  if (query.unitId) {
    const units = new Set((await unitIndex()).subtreeIds(query.unitId.toLowerCase()));
    rows = rows.filter((r) => r.unitId !== null && units.has(r.unitId));
  }
  const words = query.q ? fold(query.q).split(/\s+/).filter(Boolean) : [];
  if (words.length) {
    rows = rows.filter((r) =>
      words.every((w) => r.terms.some((t) => t.startsWith(w)) || r.person.username.startsWith(w)),
    );
  }
  let start = 0;
  if (query.cursor) {
    const after = decode(query.cursor);
    const index = rows.findIndex((r) => r.id === after);
    if (index < 0) throw badRequest('Invalid cursor');
    start = index + 1;
  }
  const page = rows.slice(start, start + query.limit);
  const [ledgers, previous] = await Promise.all([
    ledgersOfYear(query.year),
    ledgersOfYear(query.year - 1),
  ]);
  const today = todayInBerlin();
  const data: LeaveEntitlementRowDTO[] = [];
  for (const r of page) {
    const ledger =
      ledgers.get(ledgerId(r.id, query.year)) ??
      (await defaultLedger(r.id, query.year, previous.get(ledgerId(r.id, query.year - 1)) ?? null));
    data.push({ ...presentBalance(ledger, viewer, today), person: presentPersonRef(r.person) });
  }
  const last = page[page.length - 1];
  return { data, nextCursor: start + query.limit < rows.length && last ? encode(last.id) : null };
}

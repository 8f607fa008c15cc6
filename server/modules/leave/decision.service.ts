import type { Request } from 'express';
import type { DecisionInput } from '@shared/leave/schemas';
import { HttpError, notFound } from '../../lib/errors';
import { withKeyLock } from '../../lib/keyed-lock';
import type { CurrentUser } from '../auth/current-user';
import { deny } from '../audit/deny';
import { factsOf } from './approver';
import { canDecide, canView } from './leave.policy';
import { presentRequest } from './request.presenter';
import { toRow, type LeaveRow } from './request-index';
import type { LeaveRequestDTO } from '@shared/leave/types';
import {
  announce,
  freshRow,
  guardedUpdate,
  invalidTransition,
  isReplay,
  requestLock,
  syncLedger,
} from './request.transition';

type Ctx = { req?: Request; today: string };

/** The transition a decision means in each state it applies to. */
const TRANSITIONS = {
  pending: {
    approve: { to: 'approved', action: 'approved' },
    reject: { to: 'rejected', action: 'rejected' },
  },
  cancel_requested: {
    approve: { to: 'cancelled', action: 'cancelled' },
    reject: { to: 'approved', action: 'cancel_rejected' },
  },
} as const;

/**
 * Approve or reject a pending request or a cancellation request. Exactly one decision applies:
 * a conflicting or later one gets 409 `invalid_transition`; the very same decision by the same
 * person replayed gets 200 with the stored state (and completes the ledger step). Approving books
 * the days first (409 `insufficient_balance` leaves it pending), then the guarded status update;
 * every other decision updates the status first and then releases the days.
 */
export async function decide(
  user: CurrentUser,
  id: string,
  input: DecisionInput,
  ctx: Ctx,
): Promise<LeaveRow> {
  return withKeyLock(requestLock(id), async () => {
    const row = await freshRow(id);
    if (!row) throw notFound();
    const facts = await factsOf(row, ctx.today);
    if (!canView(user, facts))
      throw await deny(user, 'leave.decide', { type: 'leave_request', id }, ctx.req);
    const asIf = row.status === 'cancel_requested' ? 'cancel_requested' : 'pending';
    if (!canDecide(user, { ...facts, status: asIf })) {
      const denied = await deny(user, 'leave.decide', { type: 'leave_request', id }, ctx.req);
      if (row.personId === user.id)
        throw new HttpError(403, 'own_request', 'Nobody decides their own request.');
      throw denied;
    }
    if (row.status !== 'pending' && row.status !== 'cancel_requested') {
      const replayed = [TRANSITIONS.pending, TRANSITIONS.cancel_requested].some(
        (t) =>
          t[input.decision].to === row.status && isReplay(row, t[input.decision].action, user.id),
      );
      if (!replayed) throw invalidTransition();
      await syncLedger(row.doc);
      return row;
    }
    if (
      row.status === 'cancel_requested' &&
      isReplay(row, 'cancel_rejected', user.id) &&
      input.decision === 'reject'
    ) {
      return row;
    }
    const t = TRANSITIONS[row.status][input.decision];
    if (row.status === 'pending' && input.decision === 'approve' && row.doc.counts) {
      await syncLedger({ ...row.doc, status: 'approved' });
    }
    const doc = await guardedUpdate(
      row,
      row.status,
      { status: t.to, decidedBy: user.id, decidedAt: new Date(), decisionComment: input.comment },
      { actorId: user.id, action: t.action, from: row.status, to: t.to, comment: input.comment },
    );
    if (!doc) {
      // Another instance decided first: the ledger follows what is stored.
      const now = await freshRow(id);
      if (now) await syncLedger(now.doc).catch(() => undefined);
      throw invalidTransition();
    }
    await syncLedger(doc);
    await announce(row.doc, doc, t.action, user.id, input.comment, ctx.req);
    return toRow(doc);
  });
}

export interface BulkResult {
  id: string;
  ok: boolean;
  code?: string;
  request?: LeaveRequestDTO;
}

/** The same decision for many requests, one after another; one result each. */
export async function decideMany(
  user: CurrentUser,
  ids: string[],
  input: DecisionInput,
  ctx: Ctx,
): Promise<BulkResult[]> {
  const out: BulkResult[] = [];
  for (const id of [...new Set(ids.map((i) => i.toLowerCase()))]) {
    try {
      const row = await decide(user, id, input, ctx);
      out.push({ id, ok: true, request: await presentRequest(row, user, ctx.today) });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      out.push({ id, ok: false, code: err.code });
    }
  }
  return out;
}

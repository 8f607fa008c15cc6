import type { z } from 'zod';
import type { cancelLeaveSchema } from '@shared/leave/schemas';
import { addDays } from '@shared/leave/days';
import { badRequest, notFound } from '../../lib/errors';
import { withKeyLock } from '../../lib/keyed-lock';
import type { CurrentUser } from '../auth/current-user';
import { deny } from '../audit/deny';
import { factsOf } from './approver';
import { costOf, type LedgerCharge } from './ledger.service';
import { canCancel, canShorten, earliestShortenFrom } from './leave.policy';
import { toRow, type LeaveRow } from './request-index';
import { visibleRow, type Ctx } from './request.service';
import {
  announce,
  freshRow,
  guardedUpdate,
  invalidTransition,
  isReplay,
  issue,
  requestLock,
  syncLedger,
} from './request.transition';

/**
 * What a shortened leave keeps booked per year: its cost now, but never more than was booked.
 * Why: the status is written before the ledger step, so that step must be a pure release (it can
 * never be refused); after HR changed the weekdays, the shorter range could otherwise cost more.
 */
export function keptCharges(booked: LedgerCharge[], now: LedgerCharge[]): LedgerCharge[] {
  return booked
    .map((b) => {
      const n = now.find((c) => c.year === b.year);
      const days = Math.min(b.days, n?.days ?? 0);
      return { year: b.year, days, upToExpiry: Math.min(b.upToExpiry, n?.upToExpiry ?? 0, days) };
    })
    .filter((c) => c.days > 0);
}

/**
 * POST /requests/:id/cancel. Without `from`: the whole leave before it starts → `cancel_requested`
 * (the approver decides; the days stay booked until then). With `from`: a started leave ends the
 * day before `from`; the rest goes back at once and it stays approved.
 */
export async function cancelRequest(
  user: CurrentUser,
  id: string,
  input: z.infer<typeof cancelLeaveSchema>,
  ctx: Ctx,
): Promise<LeaveRow> {
  await visibleRow(user, id, ctx.today, ctx.req);
  return withKeyLock(requestLock(id), async () => {
    const row = await freshRow(id);
    if (!row) throw notFound();
    const facts = await factsOf(row, ctx.today);
    if (row.personId !== user.id)
      throw await deny(user, 'leave.cancel', { type: 'leave_request', id }, ctx.req);
    if (!input.from) {
      if (row.status === 'cancel_requested' && isReplay(row, 'cancel_requested', user.id))
        return row;
      if (!canCancel(user, facts)) throw invalidTransition();
      const doc = await guardedUpdate(
        row,
        'approved',
        { status: 'cancel_requested' },
        {
          actorId: user.id,
          action: 'cancel_requested',
          from: 'approved',
          to: 'cancel_requested',
          comment: input.comment,
        },
      );
      if (!doc) throw invalidTransition();
      await announce(row.doc, doc, 'cancel_requested', user.id, input.comment, ctx.req);
      return toRow(doc);
    }
    const newTo = addDays(input.from, -1);
    if (row.status === 'approved' && row.to === newTo && isReplay(row, 'shortened', user.id)) {
      await syncLedger(
        row.doc,
        row.doc.charges.map((c) => c.year),
      );
      return row;
    }
    if (!canShorten(user, facts)) throw invalidTransition();
    if (input.from < earliestShortenFrom(facts) || input.from > row.to) {
      throw badRequest('Invalid day.', [
        issue(
          'from',
          'out_of_range',
          'Pick a day from today (after the first day) to the last day.',
        ),
      ]);
    }
    const range = { from: row.from, to: newTo, halfStart: row.halfStart, halfEnd: false };
    const charges = keptCharges(row.doc.charges, (await costOf(row.personId, range)).charges);
    const days = charges.reduce((sum, c) => sum + c.days, 0);
    const oldYears = row.doc.charges.map((c) => c.year);
    const doc = await guardedUpdate(
      row,
      'approved',
      { to: newTo, halfEnd: false, days, charges },
      {
        actorId: user.id,
        action: 'shortened',
        from: 'approved',
        to: 'approved',
        comment: input.comment,
      },
    );
    if (!doc) throw invalidTransition();
    await syncLedger(doc, oldYears);
    await announce(row.doc, doc, 'shortened', user.id, input.comment, ctx.req);
    return toRow(doc);
  });
}

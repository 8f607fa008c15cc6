import type { Request } from 'express';
import type { CreateLeaveRequestInput, UpdateLeaveRequestInput } from '@shared/leave/schemas';
import { badRequest, conflict, HttpError, notFound } from '../../lib/errors';
import { withKeyLock } from '../../lib/keyed-lock';
import type { CurrentUser } from '../auth/current-user';
import { deny } from '../audit/deny';
import { peopleFromDirectory } from '../people/directory-index';
import { factsOf } from './approver';
import { costOf, setLedgerEntry } from './ledger.service';
import { leaveTypeById } from './leave-type.model';
import { canEdit, canView, canWithdraw } from './leave.policy';
import { LeaveRequestModel, type LeaveRequest } from './request.model';
import { leaveIndex, rememberLeave, toRow, type LeaveRow } from './request-index';
import {
  announce,
  freshRow,
  guardedUpdate,
  invalidTransition,
  isReplay,
  issue,
  personLock,
  requestLock,
  syncLedger,
  syncLedgerQuietly,
} from './request.transition';

export type Ctx = { req?: Request; today: string };
type RangeInput = Pick<
  CreateLeaveRequestInput,
  'typeId' | 'from' | 'to' | 'halfStart' | 'halfEnd' | 'deputyId'
>;

/** Checks type and deputy, own overlaps and the cost; returns what the request will hold. */
async function checkRange(user: CurrentUser, input: RangeInput, excludeId: string | null) {
  const type = await leaveTypeById(input.typeId);
  if (!type || !type.active)
    throw badRequest('Unknown leave type.', [
      issue('typeId', 'unknown_reference', 'Unknown leave type.'),
    ]);
  if (input.deputyId) {
    const [deputy] = await peopleFromDirectory([input.deputyId]);
    if (input.deputyId === user.id) {
      throw badRequest('Not your own deputy.', [
        issue('deputyId', 'self_reference', 'A person cannot be their own deputy.'),
      ]);
    }
    if (!deputy || deputy.active === false) {
      throw badRequest('Unknown deputy.', [
        issue('deputyId', 'unknown_reference', 'Unknown person.'),
      ]);
    }
  }
  const overlaps = (await leaveIndex())
    .overlapping([user.id], input.from, input.to)
    .filter((r) => r.id !== excludeId);
  if (overlaps.length)
    throw new HttpError(400, 'leave_overlap', 'You already have leave in this period.');
  const cost = await costOf(user.id, input);
  if (cost.days <= 0)
    throw new HttpError(400, 'no_working_days', 'The period has no working days.');
  return { type, cost };
}

/**
 * POST /requests: ledger entry first, then the request (a crash in between is completed by a
 * retry). Also under the request's lock: the orphan repair checks under it, so it cannot remove
 * the entry of a replayed create between its ledger step and its insert.
 */
export async function createRequest(
  user: CurrentUser,
  input: CreateLeaveRequestInput,
  ctx: Ctx,
): Promise<{ row: LeaveRow; created: boolean }> {
  return withKeyLock(personLock(user.id), () =>
    withKeyLock(requestLock(input.id), () => createLocked(user, input, ctx)),
  );
}

async function createLocked(
  user: CurrentUser,
  input: CreateLeaveRequestInput,
  ctx: Ctx,
): Promise<{ row: LeaveRow; created: boolean }> {
  const existing = await freshRow(input.id);
  if (existing) return replayCreate(existing, user);
  const { type, cost } = await checkRange(user, input, null);
  const charges = cost.charges.filter((c) => c.days > 0);
  if (type.counts) {
    await setLedgerEntry({
      personId: user.id,
      requestId: input.id,
      state: 'pending',
      charges,
      previousYears: [],
    });
  }
  let doc: LeaveRequest;
  try {
    const created = await LeaveRequestModel.create({
      _id: input.id,
      personId: user.id,
      typeId: type.id,
      counts: type.counts,
      from: input.from,
      to: input.to,
      halfStart: input.halfStart,
      halfEnd: input.halfEnd,
      days: cost.days,
      charges,
      status: 'pending',
      comment: input.comment,
      deputyId: input.deputyId,
      history: [
        {
          at: new Date(),
          actorId: user.id,
          action: 'created',
          from: null,
          to: 'pending',
          comment: input.comment,
        },
      ],
      rev: 0,
    });
    doc = created.toObject() as LeaveRequest;
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const raced = await freshRow(input.id);
    if (!raced) throw err;
    if (raced.personId !== user.id && type.counts) {
      // Another person's request took the id: our reservation must not stay behind.
      await setLedgerEntry({
        personId: user.id,
        requestId: input.id,
        state: null,
        charges: [],
        previousYears: charges.map((c) => c.year),
      });
    }
    return replayCreate(raced, user);
  }
  const row = rememberLeave(doc);
  await announce(null, doc, 'created', user.id, input.comment, ctx.req);
  return { row, created: true };
}

async function replayCreate(
  existing: LeaveRow,
  user: CurrentUser,
): Promise<{ row: LeaveRow; created: boolean }> {
  if (existing.personId !== user.id) {
    throw new HttpError(409, 'client_id_reused', 'This id belongs to another request.');
  }
  await syncLedgerQuietly(existing.doc);
  return { row: existing, created: false };
}

/** A request the user may see (403 for others, 404 when it does not exist). */
export async function visibleRow(
  user: CurrentUser,
  id: string,
  today: string,
  req?: Request,
): Promise<LeaveRow> {
  const row = (await leaveIndex()).get(id) ?? (await freshRow(id));
  if (!row) throw notFound();
  if (!canView(user, await factsOf(row, today))) {
    throw await deny(user, 'leave.read', { type: 'leave_request', id }, req);
  }
  return row;
}

/** Own requests touching a year (or all), newest first. */
export async function myRequests(user: CurrentUser, year: number | undefined): Promise<LeaveRow[]> {
  const rows = (await leaveIndex()).byPerson(user.id);
  return rows
    .filter((r) => year === undefined || (r.from <= `${year}-12-31` && r.to >= `${year}-01-01`))
    .sort((a, b) =>
      a.from !== b.from
        ? a.from < b.from
          ? 1
          : -1
        : b.createdAt.getTime() - a.createdAt.getTime(),
    );
}

/** PATCH /requests/:id — pending only, guarded by `rev`. Ledger first, then the request. */
export async function editRequest(
  user: CurrentUser,
  id: string,
  input: UpdateLeaveRequestInput,
  ctx: Ctx,
): Promise<LeaveRow> {
  await visibleRow(user, id, ctx.today, ctx.req);
  return withKeyLock(personLock(user.id), () =>
    withKeyLock(requestLock(id), async () => {
      const row = await freshRow(id);
      if (!row) throw notFound();
      const facts = await factsOf(row, ctx.today);
      if (!canEdit(user, { ...facts, status: 'pending' }))
        throw await deny(user, 'leave.edit', { type: 'leave_request', id }, ctx.req);
      if (row.status !== 'pending') throw invalidTransition();
      if (row.doc.rev !== input.rev) throw conflict('The request was changed meanwhile.');
      const { type, cost } = await checkRange(user, input, id);
      const charges = cost.charges.filter((c) => c.days > 0);
      const oldYears = row.doc.counts ? row.doc.charges.map((c) => c.year) : [];
      await setLedgerEntry({
        personId: user.id,
        requestId: id,
        state: type.counts ? 'pending' : null,
        charges: type.counts ? charges : [],
        previousYears: oldYears,
      });
      const doc = await guardedUpdate(
        row,
        'pending',
        {
          typeId: type.id,
          counts: type.counts,
          from: input.from,
          to: input.to,
          halfStart: input.halfStart,
          halfEnd: input.halfEnd,
          days: cost.days,
          charges,
          comment: input.comment,
          deputyId: input.deputyId,
        },
        {
          actorId: user.id,
          action: 'edited',
          from: 'pending',
          to: 'pending',
          comment: input.comment,
        },
      );
      if (!doc) {
        const now = await freshRow(id);
        if (now)
          await syncLedger(now.doc, [...oldYears, ...charges.map((c) => c.year)]).catch(
            () => undefined,
          );
        throw conflict('The request was changed meanwhile.');
      }
      await announce(row.doc, doc, 'edited', user.id, input.comment, ctx.req);
      return toRow(doc);
    }),
  );
}

/** POST /requests/:id/withdraw — the status first, then the days go back (a retry completes it). */
export async function withdrawRequest(user: CurrentUser, id: string, ctx: Ctx): Promise<LeaveRow> {
  await visibleRow(user, id, ctx.today, ctx.req);
  return withKeyLock(requestLock(id), async () => {
    const row = await freshRow(id);
    if (!row) throw notFound();
    const facts = await factsOf(row, ctx.today);
    if (!canWithdraw(user, { ...facts, status: 'pending' }))
      throw await deny(user, 'leave.withdraw', { type: 'leave_request', id }, ctx.req);
    if (row.status === 'withdrawn' && isReplay(row, 'withdrawn', user.id)) {
      await syncLedger(row.doc);
      return row;
    }
    if (row.status !== 'pending') throw invalidTransition();
    const doc = await guardedUpdate(
      row,
      'pending',
      { status: 'withdrawn' },
      { actorId: user.id, action: 'withdrawn', from: 'pending', to: 'withdrawn', comment: '' },
    );
    if (!doc) throw invalidTransition();
    await syncLedger(doc);
    await announce(row.doc, doc, 'withdrawn', user.id, '', ctx.req);
    return toRow(doc);
  });
}

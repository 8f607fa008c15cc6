import type { FieldIssue } from '@shared/http/errors';
import type { Request } from 'express';
import type { LeaveStatus } from '@shared/leave/schemas';
import { HttpError } from '../../lib/errors';
import { events } from '../../lib/events';
import { logger } from '../../lib/logger';
import { audit } from '../audit/audit.service';
import { setLedgerEntry } from './ledger.service';
import { LeaveRequestModel, type LeaveRequest } from './request.model';
import { rememberLeave, refreshLeave, type LeaveRow } from './request-index';

/** Shared steps of every request change: locks, ledger state, the guarded update, event, audit. */
/** One field problem of a 400 answer (the client shows `validation.<code>`). */
export const issue = (path: string, code: string, message: string): FieldIssue => ({
  path,
  code,
  message,
});

export const requestLock = (id: string) => `leave-request:${id}`;
export const personLock = (personId: string) => `leave-person:${personId}`;

export const invalidTransition = () =>
  new HttpError(409, 'invalid_transition', 'The request is no longer in a state that allows this.');

/** What a request holds in the ledger in a state. */
export const ledgerStateOf = (status: LeaveStatus): 'pending' | 'approved' | null =>
  status === 'pending'
    ? 'pending'
    : status === 'approved' || status === 'cancel_requested'
      ? 'approved'
      : null;

/** Makes the ledger say what the stored request says (retries, replays, repairs). */
export async function syncLedger(doc: LeaveRequest, previousYears: number[] = []): Promise<void> {
  if (!doc.counts && previousYears.length === 0) return;
  await setLedgerEntry({
    personId: String(doc.personId),
    requestId: String(doc._id),
    state: doc.counts ? ledgerStateOf(doc.status as LeaveStatus) : null,
    charges: doc.counts
      ? doc.charges.map((c) => ({ year: c.year, days: c.days, upToExpiry: c.upToExpiry }))
      : [],
    previousYears,
  });
}

export async function syncLedgerQuietly(doc: LeaveRequest): Promise<void> {
  await syncLedger(doc).catch((err: unknown) =>
    logger.warn({ err, id: doc._id }, 'leave ledger sync failed'),
  );
}

/** The stored request, fresh from the database (under the request's lock). */
export async function freshRow(id: string): Promise<LeaveRow | undefined> {
  return refreshLeave(id);
}

export interface HistoryInput {
  actorId: string | null;
  action: string;
  from: LeaveStatus | null;
  to: LeaveStatus;
  comment: string;
}

/**
 * One guarded update: applies only if the request is still in `expected` state at `rev`.
 * Returns the new document, or null when another change came first.
 */
export async function guardedUpdate(
  row: LeaveRow,
  expected: LeaveStatus,
  set: Record<string, unknown>,
  history: HistoryInput,
): Promise<LeaveRequest | null> {
  const doc = await LeaveRequestModel.findOneAndUpdate(
    { _id: row.id, status: expected, rev: row.doc.rev },
    {
      $set: set,
      $push: { history: { ...history, at: new Date() } },
      $inc: { rev: 1 },
    },
    { returnDocument: 'after' },
  ).lean<LeaveRequest>();
  if (doc) rememberLeave(doc);
  else await refreshLeave(row.id);
  return doc;
}

/** A replay: the same actor already applied this very action (the last history line). */
export function isReplay(row: LeaveRow, action: string, actorId: string): boolean {
  const last = row.doc.history.at(-1);
  return !!last && last.action === action && String(last.actorId) === actorId;
}

export async function announce(
  before: LeaveRequest | LeaveRow['doc'] | null,
  after: LeaveRequest,
  action: string,
  actorId: string,
  comment: string,
  req?: Request,
): Promise<void> {
  const from = before && before.from < after.from ? before.from : after.from;
  const to = before && before.to > after.to ? before.to : after.to;
  await audit({
    action: `leave.${action}`,
    actorId,
    subjectType: 'leave_request',
    subjectId: String(after._id),
    detail: {
      personId: String(after.personId),
      from: before ? before.status : null,
      to: after.status,
      ...(comment ? { comment } : {}),
    },
    req,
  });
  events.publish('leave.changed', {
    requestId: String(after._id),
    personId: String(after.personId),
    actorId,
    action,
    before: before ? (before.status as LeaveStatus) : null,
    after: after.status as LeaveStatus,
    from,
    to,
  });
}

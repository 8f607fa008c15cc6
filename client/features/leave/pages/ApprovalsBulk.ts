import type { LeaveInboxDTO, LeaveRequestDTO } from '@shared/leave/types';

/** One answer row of `POST /api/leave/decisions`. */
export interface BulkDecisionResult {
  id: string;
  ok: boolean;
  code?: string;
  request?: LeaveRequestDTO;
}

export interface BulkOutcome {
  /** Ids decided now, in the order they were sent. */
  succeeded: string[];
  /** Ids that failed, with the error code (translated with `errors.<code>`). */
  failed: { id: string; code: string }[];
  /** Fresh copies the server sent back (decided requests, also failed ones when it sent them). */
  updated: LeaveRequestDTO[];
}

/**
 * Sorts the server's per-row answers into succeeded and failed, in the order of `ids`. An id the
 * answer does not mention counts as failed (`internal`), so nothing is silently taken as done.
 */
export function bulkOutcome(
  ids: readonly string[],
  results: readonly BulkDecisionResult[],
): BulkOutcome {
  const byId = new Map(results.map((r) => [r.id, r]));
  const out: BulkOutcome = { succeeded: [], failed: [], updated: [] };
  for (const id of new Set(ids)) {
    const r = byId.get(id);
    if (r?.request) out.updated.push(r.request);
    if (r?.ok) out.succeeded.push(id);
    else out.failed.push({ id, code: r?.code ?? 'internal' });
  }
  return out;
}

/** After a bulk decision only the failed rows stay selected (to retry or decide one by one). */
export function selectionAfter(outcome: BulkOutcome): Set<string> {
  return new Set(outcome.failed.map((f) => f.id));
}

/**
 * The inbox after a bulk decision: decided requests leave it (they wait for nobody now), failed
 * ones stay, patched with the copy the server sent. The count drops by the decided ones; the
 * server's `leave:inbox` event sets the exact number right after.
 */
export function inboxAfterBulk(
  inbox: LeaveInboxDTO | undefined,
  outcome: BulkOutcome,
): LeaveInboxDTO | undefined {
  if (!inbox) return inbox;
  const done = new Set(outcome.succeeded);
  const fresh = new Map(outcome.updated.map((r) => [r.id, r]));
  const before = inbox.requests.length;
  const requests = inbox.requests.filter((r) => !done.has(r.id)).map((r) => fresh.get(r.id) ?? r);
  const removed = before - requests.length;
  return { ...inbox, requests, count: Math.max(0, inbox.count - removed) };
}

/** Per row: the result shown beside it until the next action ('ok' or the error code). */
export function rowResults(
  outcome: BulkOutcome,
): Map<string, { ok: true } | { ok: false; code: string }> {
  const m = new Map<string, { ok: true } | { ok: false; code: string }>();
  for (const id of outcome.succeeded) m.set(id, { ok: true });
  for (const f of outcome.failed) m.set(f.id, { ok: false, code: f.code });
  return m;
}

/** What "select all" means now: every decidable row, or none when all are selected already. */
export function toggleAll(
  selected: ReadonlySet<string>,
  decidable: readonly string[],
): Set<string> {
  const all = decidable.length > 0 && decidable.every((id) => selected.has(id));
  return all ? new Set() : new Set(decidable);
}

/** Keeps only ids that are still decidable (the list changed live under the selection). */
export function pruneSelection(
  selected: ReadonlySet<string>,
  decidable: readonly string[],
): Set<string> {
  const still = new Set(decidable);
  const next = new Set([...selected].filter((id) => still.has(id)));
  return next.size === selected.size ? (selected as Set<string>) : next;
}

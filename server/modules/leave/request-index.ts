import { activeLeaveStatuses, type LeaveStatus } from '@shared/leave/schemas';
import { cluster } from '../../lib/cluster';
import { logger } from '../../lib/logger';
import { LeaveRequestModel, type LeaveRequest } from './request.model';

/**
 * Every leave request in memory (the city: some ten thousand small documents a year). Reason: on
 * the embedded engine every filtered query decodes the whole collection, and the inbox, calendar,
 * overlap checks and absences ask on every request. Writers on this instance store what they
 * wrote (`rememberLeave`); the other instances reload that one id (cluster topic); everything is
 * reloaded every 10 minutes as a safety net. A copy is only replaced by one with a higher or equal
 * `rev` (every write bumps it), so a reload that raced a write never brings back an older state.
 */
export interface LeaveRow {
  id: string;
  personId: string;
  typeId: string;
  counts: boolean;
  from: string;
  to: string;
  halfStart: boolean;
  halfEnd: boolean;
  days: number;
  status: LeaveStatus;
  deputyId: string | null;
  createdAt: Date;
  escalatedAt: Date | null;
  /** The whole stored request (history included), so pages need no further reads. */
  doc: LeaveRequest;
}

export interface LeaveIndex {
  get(id: string): LeaveRow | undefined;
  byPerson(personId: string): LeaveRow[];
  /** Active (pending, approved, cancel_requested) requests of these people touching the range. */
  overlapping(personIds: Iterable<string>, from: string, to: string): LeaveRow[];
  /** Requests waiting for a decision: pending and cancel_requested. */
  pending(): LeaveRow[];
}

const TOPIC = 'leave-request:changed';
const FULL_RELOAD_MS = 10 * 60_000;
const ACTIVE = new Set<string>(activeLeaveStatuses);

const str = (v: unknown): string | null => (v ? String(v) : null);

export function toRow(doc: LeaveRequest): LeaveRow {
  return {
    id: String(doc._id),
    personId: String(doc.personId),
    typeId: String(doc.typeId),
    counts: doc.counts,
    from: doc.from,
    to: doc.to,
    halfStart: doc.halfStart,
    halfEnd: doc.halfEnd,
    days: doc.days,
    status: doc.status as LeaveStatus,
    deputyId: str(doc.deputyId),
    createdAt: doc.createdAt,
    escalatedAt: doc.escalatedAt ?? null,
    doc,
  };
}

class Store implements LeaveIndex {
  rows = new Map<string, LeaveRow>();
  people = new Map<string, Map<string, LeaveRow>>();

  put(row: LeaveRow): void {
    const old = this.rows.get(row.id);
    if (old && old.doc.rev > row.doc.rev) return;
    if (old && old.personId !== row.personId) this.people.get(old.personId)?.delete(row.id);
    this.rows.set(row.id, row);
    let mine = this.people.get(row.personId);
    if (!mine) this.people.set(row.personId, (mine = new Map()));
    mine.set(row.id, row);
  }

  drop(id: string): void {
    const old = this.rows.get(id);
    if (!old) return;
    this.rows.delete(id);
    this.people.get(old.personId)?.delete(id);
  }

  get(id: string) {
    return this.rows.get(id);
  }

  byPerson(personId: string) {
    return [...(this.people.get(personId)?.values() ?? [])];
  }

  overlapping(personIds: Iterable<string>, from: string, to: string) {
    const out: LeaveRow[] = [];
    for (const p of personIds) {
      for (const r of this.people.get(p)?.values() ?? []) {
        if (ACTIVE.has(r.status) && r.from <= to && r.to >= from) out.push(r);
      }
    }
    return out;
  }

  pending() {
    return [...this.rows.values()].filter(
      (r) => r.status === 'pending' || r.status === 'cancel_requested',
    );
  }
}

let store: Store | null = null;
let loadedAt = 0;
let loading: Promise<Store> | null = null;
/** Writes seen while a full load runs: applied on top of its result (the load may predate them). */
let during: LeaveRow[] | null = null;

async function fullLoad(): Promise<Store> {
  during = [];
  try {
    const docs = await LeaveRequestModel.find({}).lean<LeaveRequest[]>();
    const next = new Store();
    for (const d of docs) next.put(toRow(d));
    for (const r of during) next.put(r);
    // Rows this instance holds that are newer than the loaded copy (written meanwhile) win.
    if (store) for (const r of store.rows.values()) next.put(r);
    store = next;
    loadedAt = Date.now();
    return next;
  } finally {
    during = null;
  }
}

function reload(): Promise<Store> {
  loading ??= fullLoad().finally(() => {
    loading = null;
  });
  return loading;
}

/** The read model, loaded on first use; refreshed in the background every 10 minutes. */
export async function leaveIndex(): Promise<LeaveIndex> {
  if (!store) return reload();
  if (Date.now() - loadedAt > FULL_RELOAD_MS && !loading) {
    reload().catch((err: unknown) => logger.warn({ err }, 'leave index reload failed'));
  }
  return store;
}

function apply(row: LeaveRow): void {
  store?.put(row);
  during?.push(row);
}

/** After a successful write on this instance: the new state here, a reload of it elsewhere. */
export function rememberLeave(doc: LeaveRequest): LeaveRow {
  const row = toRow(doc);
  apply(row);
  cluster.broadcast(TOPIC, row.id);
  return row;
}

/** Reads one request from the database into the index (after a write with an unknown result). */
export async function refreshLeave(id: string): Promise<LeaveRow | undefined> {
  const doc = await LeaveRequestModel.findById(id).lean<LeaveRequest>();
  if (!doc) {
    store?.drop(id);
    return undefined;
  }
  const row = toRow(doc);
  // A fresh read is the truth even if an older rev was cached (e.g. a test wrote directly).
  store?.drop(id);
  apply(row);
  return row;
}

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !store) return;
  refreshLeave(payload).catch((err: unknown) => logger.warn({ err }, 'leave row reload failed'));
});

/** Tests: forget everything (the next use loads from the database). */
export function resetLeaveIndex(): void {
  store = null;
  loadedAt = 0;
}

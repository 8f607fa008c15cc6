import { DEFAULT_ANNUAL_DAYS, FULL_WEEK } from '@shared/leave/schemas';
import mongoose from 'mongoose';
import { cluster } from '../../lib/cluster';
import { createKeyedCache } from '../../lib/keyed-cache';
import { withKeyLock } from '../../lib/keyed-lock';
import { leaveSettings } from './leave-settings';
import { LedgerModel, ledgerId, type Ledger } from './ledger.model';

/**
 * Ledgers in memory: one per person and year by id (every balance read and request check), and
 * all ledgers of a year (HR lists, reports, carry-over run). Every write goes through
 * `mutateLedger`: one conditional update `{ _id, rev }` under the per-ledger lock.
 */
const byId = createKeyedCache<Ledger | null>({
  name: 'leave-ledger',
  max: 50_000,
  load: async (id) => normalise(await LedgerModel.findById(id).lean<Ledger>()),
});

/**
 * Fills fields a stored document may lack (the embedded engine drops `null`s and empty arrays
 * from `$setOnInsert`; older documents may predate a field).
 */
function normalise(doc: Ledger | null): Ledger | null {
  if (!doc) return null;
  return {
    ...doc,
    baseDays: doc.baseDays ?? DEFAULT_ANNUAL_DAYS,
    workdays: doc.workdays?.length ? doc.workdays : [...FULL_WEEK],
    employedFrom: doc.employedFrom ?? null,
    employedTo: doc.employedTo ?? null,
    additional: doc.additional ?? [],
    carryOver: doc.carryOver ?? 0,
    entries: doc.entries ?? {},
    rev: doc.rev ?? 0,
  };
}

const YEAR_TOPIC = 'leave-ledger-year';
const years = new Map<number, Promise<Map<string, Ledger>>>();
cluster.on(YEAR_TOPIC, (year) => {
  if (typeof year === 'number') years.delete(year);
});

/** The raw collection: string `_id`s and whole-object `$set`s without Mongoose casting. */
const raw = () => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return db.collection<Ledger>(LedgerModel.collection.collectionName);
};

export const ledgerLockKey = (id: string) => `leave-ledger:${id}`;

/** Every stored ledger of a year, by id (one scan, then patched by this instance's writes). */
export function ledgersOfYear(year: number): Promise<Map<string, Ledger>> {
  let loading = years.get(year);
  if (!loading) {
    loading = LedgerModel.find({ year })
      .lean<Ledger[]>()
      .then((docs) => new Map(docs.map((d) => [d._id, normalise(d)!])));
    years.set(year, loading);
    loading.catch(() => years.delete(year));
  }
  return loading;
}

function remember(ledger: Ledger): void {
  byId.set(ledger._id, ledger);
  const loaded = years.get(ledger.year);
  if (loaded) void loaded.then((m) => m.set(ledger._id, ledger)).catch(() => undefined);
  cluster.broadcast(YEAR_TOPIC, ledger.year);
}

/** What a ledger that was never written holds: last year's terms, no carry-over, no entries. */
export async function defaultLedger(
  personId: string,
  year: number,
  /** Last year's ledger when the caller has it (undefined: looked up). */
  known?: Ledger | null,
): Promise<Ledger> {
  const settings = await leaveSettings();
  const previous = known !== undefined ? known : await byId.get(ledgerId(personId, year - 1));
  const now = new Date();
  return {
    _id: ledgerId(personId, year),
    personId,
    year,
    baseDays: previous?.baseDays ?? DEFAULT_ANNUAL_DAYS,
    workdays: previous ? [...previous.workdays] : [...FULL_WEEK],
    employedFrom: previous?.employedFrom ?? null,
    employedTo: previous?.employedTo ?? null,
    additional: previous ? previous.additional.map((a) => ({ label: a.label, days: a.days })) : [],
    carryOver: 0,
    carryExpires: `${year}-${settings.carryExpiry}`,
    entries: {},
    rev: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** The person's ledger for the year; created from the defaults on first use (race-safe by `_id`). */
export async function ledgerFor(personId: string, year: number): Promise<Ledger> {
  const id = ledgerId(personId, year);
  const cached = await byId.get(id);
  if (cached) return cached;
  return withKeyLock(ledgerLockKey(id), async () => {
    const again = await byId.get(id);
    if (again) return again;
    const { _id, ...fresh } = await defaultLedger(personId, year);
    await raw().updateOne({ _id }, { $setOnInsert: fresh }, { upsert: true });
    byId.invalidate(id);
    const stored = await byId.get(id);
    if (!stored) throw new Error(`ledger ${id} missing after upsert`);
    remember(stored);
    return stored;
  });
}

/** A ledger if it exists (no creation): for lists over many people. */
export function storedLedger(personId: string, year: number): Promise<Ledger | null> {
  return byId.get(ledgerId(personId, year));
}

const MAX_ATTEMPTS = 8;

/**
 * Changes one ledger: `change` gets the current ledger and returns the fields to set (null: no
 * change, e.g. a replay). Written as ONE update guarded by `rev`; a lost race (another instance)
 * reloads and tries again. Runs under the per-ledger lock (the embedded engine does not isolate
 * concurrent updates of one document). Returns the ledger after the change and whether it changed.
 */
export async function mutateLedger(
  personId: string,
  year: number,
  change: (ledger: Ledger) => Partial<Omit<Ledger, '_id' | 'rev'>> | null,
): Promise<{ ledger: Ledger; changed: boolean }> {
  const id = ledgerId(personId, year);
  await ledgerFor(personId, year);
  return withKeyLock(ledgerLockKey(id), async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await byId.get(id);
      if (!current) throw new Error(`ledger ${id} missing`);
      const patch = change(current);
      if (!patch) return { ledger: current, changed: false };
      const updatedAt = new Date();
      const res = await raw().updateOne(
        { _id: id, rev: current.rev },
        { $set: { ...patch, updatedAt }, $inc: { rev: 1 } },
      );
      if (res.matchedCount === 1) {
        const next: Ledger = { ...current, ...patch, rev: current.rev + 1, updatedAt };
        remember(next);
        return { ledger: next, changed: true };
      }
      byId.invalidate(id);
    }
    throw new Error(`ledger ${id}: too many concurrent changes`);
  });
}

/** Tests: forget every cached ledger (each test file has its own database). */
export function clearLedgerCaches(): void {
  byId.clear();
  years.clear();
}

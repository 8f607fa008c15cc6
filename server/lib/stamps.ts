import { randomUUID } from 'node:crypto';
import mongoose, { type Schema } from 'mongoose';

/**
 * Version stamps of the in-memory read models (people, units, news …): one tiny document each in
 * the `system` collection, replaced after every write that changes what a read model holds.
 *
 * Every authenticated request checks several stamps. On the embedded engine each read costs a scan
 * (small, but it adds up at hundreds of requests per second), so all reads are combined: a caller
 * waits for the next read of the whole stamp set that STARTS after it asked (never one already in
 * flight, which could predate a write the caller has seen finish), and every caller that arrives
 * while a read runs shares the following one. So a change is seen at once, and at any load there
 * is at most one stamp read in flight plus one queued.
 */
interface StampDoc {
  _id: string;
  /** A fresh random value per change (not a counter: a wiped database must not repeat one). */
  v: string;
}

/** The stamps of the read models (ids in the `system` collection). */
export const STAMP = {
  people: 'people-version',
  units: 'units-version',
  wiki: 'wiki-spaces-version',
} as const;

const INITIAL = 'initial';
const known = new Set<string>();

interface Batch {
  ids: Set<string>;
  promise: Promise<Map<string, string>>;
  resolve: (values: Map<string, string>) => void;
  reject: (err: unknown) => void;
}
let running = false;
let queued: Batch | null = null;
let reads = 0;

const collection = () => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return db.collection<StampDoc>('system');
};

async function readAll(ids: string[]): Promise<Map<string, string>> {
  reads += 1;
  // `_id: $in` is an index lookup on MongoDB; the embedded engine scans the (tiny) collection.
  const docs = await collection()
    .find({ _id: { $in: ids } })
    .toArray();
  const values = new Map(ids.map((id) => [id, INITIAL]));
  for (const d of docs) values.set(d._id, d.v);
  return values;
}

function launch(batch: Batch): void {
  running = true;
  readAll([...batch.ids])
    .then(batch.resolve, batch.reject)
    .finally(() => {
      running = false;
      const waiting = queued;
      queued = null;
      if (waiting) launch(waiting);
    });
}

function newBatch(): Batch {
  let resolve!: Batch['resolve'];
  let reject!: Batch['reject'];
  const promise = new Promise<Map<string, string>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { ids: new Set(known), promise, resolve, reject };
}

function schedule(ids: string[]): Promise<Map<string, string>> {
  for (const id of ids) known.add(id);
  if (queued) {
    for (const id of ids) queued.ids.add(id);
    return queued.promise;
  }
  // Queued even when idle: callers in the same tick (e.g. people and units checked together by
  // `Promise.all`) join this read instead of waiting for a second one.
  const batch = (queued = newBatch());
  if (!running) {
    running = true;
    queueMicrotask(() => {
      if (queued === batch) queued = null;
      launch(batch);
    });
  }
  return batch.promise;
}

/** The current value of one stamp ('initial' when it was never bumped). */
export async function readStamp(id: string): Promise<string> {
  return (await schedule([id])).get(id) ?? INITIAL;
}

/** Several stamps from one read. */
export async function readStamps(ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const values = await schedule(ids);
  return ids.map((id) => values.get(id) ?? INITIAL);
}

/** Replaces a stamp: every instance's read model reloads on its next use. */
export async function bumpStamp(id: string): Promise<void> {
  known.add(id);
  await collection().updateOne({ _id: id }, { $set: { v: randomUUID() } }, { upsert: true });
}

/** How many stamp reads went to the database (tests and the benchmark). */
export const stampReads = () => reads;

/**
 * Bumps a stamp after every write through a model (documents, queries, bulk inserts, deletes).
 * `relevant` can skip updates that do not touch what the read model holds.
 */
export function trackStamp(
  schema: Schema,
  id: string,
  relevant: (update: unknown) => boolean = () => true,
): void {
  schema.post('save', async () => bumpStamp(id));
  schema.post('insertMany', async () => bumpStamp(id));
  schema.post(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne'], async function () {
    if (relevant(this.getUpdate())) await bumpStamp(id);
  });
  schema.post(['deleteOne', 'deleteMany', 'findOneAndDelete', 'findOneAndReplace'], async () =>
    bumpStamp(id),
  );
  schema.post('bulkWrite', async () => bumpStamp(id));
}

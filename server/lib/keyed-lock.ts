/**
 * Runs writes to the same key one after another within this process.
 *
 * Why: FerretDB 1.24 on SQLite applies an update as read-modify-write without isolating
 * concurrent updates of the same document (measured: 40 parallel `$inc` by `_id` left 6; 10
 * parallel conditional `updateOne({ _id, v: 0 }, { $set: { v } })` all reported a match). The
 * embedded engine serves exactly one app instance, so serialising per document here restores
 * atomic per-document updates there; MongoDB (several instances) is atomic per document anyway.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withKeyLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    // The last writer for the key cleans up, so the map does not grow.
    if (tails.get(key) === tail) tails.delete(key);
  }
}

import { cluster } from './cluster';

export interface KeyedCache<T> {
  /** The cached value, loading it once (concurrent callers share the load). */
  get(key: string): Promise<T>;
  /** Stores the value this instance just wrote and tells the other instances to drop theirs. */
  set(key: string, value: T): void;
  /** Forgets the key here and on the other instances (e.g. after a write whose result is unknown). */
  invalidate(key: string): void;
  /**
   * Fills this instance from one bulk read (warm-up), without telling the others. Keys written,
   * invalidated or loaded while the read ran keep their newer value.
   */
  prime(read: () => Promise<Iterable<[string, T]>>): Promise<void>;
  clear(): void;
}

/**
 * A per-key cache of small per-person documents (reading state, layouts, pins) in front of the
 * database: on the embedded engine even an `_id` lookup scans the table, so hot per-request reads
 * come from memory. Writers call `set` after a successful write; other instances drop the key via
 * the cluster bus and reload it on next use. Least recently used keys are evicted past `max`.
 */
export function createKeyedCache<T>(opts: {
  /** Unique name: also the cluster topic for invalidations. */
  name: string;
  max: number;
  load: (key: string) => Promise<T>;
}): KeyedCache<T> {
  const values = new Map<string, T>();
  const loading = new Map<string, Promise<T>>();
  // Bumped per key on every set/invalidate, so a load that started earlier does not overwrite.
  const epochs = new Map<string, number>();
  const topic = `cache:${opts.name}`;

  const remember = (key: string, value: T) => {
    values.delete(key);
    values.set(key, value);
    if (values.size > opts.max) {
      const oldest = values.keys().next().value;
      if (oldest !== undefined) values.delete(oldest);
    }
  };
  const bump = (key: string) => epochs.set(key, (epochs.get(key) ?? 0) + 1);
  const dropLocal = (key: string) => {
    values.delete(key);
    loading.delete(key);
    bump(key);
  };

  cluster.on(topic, (payload) => {
    if (typeof payload === 'string') dropLocal(payload);
  });

  return {
    async get(key) {
      if (values.has(key)) {
        const value = values.get(key) as T;
        remember(key, value); // refresh recency
        return value;
      }
      const pending = loading.get(key);
      if (pending) return pending;
      const epoch = epochs.get(key) ?? 0;
      const promise = opts.load(key).then((value) => {
        if ((epochs.get(key) ?? 0) === epoch) remember(key, value);
        return value;
      });
      loading.set(key, promise);
      promise
        .finally(() => {
          if (loading.get(key) === promise) loading.delete(key);
        })
        .catch(() => undefined);
      return promise;
    },
    set(key, value) {
      loading.delete(key);
      bump(key);
      remember(key, value);
      cluster.broadcast(topic, key);
    },
    invalidate(key) {
      dropLocal(key);
      cluster.broadcast(topic, key);
    },
    async prime(read) {
      const before = new Map(epochs);
      const rows = await read();
      for (const [key, value] of rows) {
        if (values.has(key) || loading.has(key)) continue;
        if ((epochs.get(key) ?? 0) !== (before.get(key) ?? 0)) continue;
        remember(key, value);
      }
    },
    clear() {
      values.clear();
      loading.clear();
      epochs.clear();
    },
  };
}

import { logger } from './logger';

/**
 * Life cycle of an in-memory read model over a collection: load on first use, a full reload in
 * the background once it is older than `maxAgeMs`, and changes made while a load is in flight are
 * replayed onto the new store (so a write is never lost to a slow reload). Cluster broadcasts and
 * reloading one document stay with each index: their rules differ.
 */
export interface LoadedIndex<S, C> {
  /** The store (loads on first use; a stale one is returned while it reloads). */
  ready(): Promise<S>;
  /** The loaded store, or null before the first load. */
  current(): S | null;
  /** Puts a change into the loaded store and into a load in flight. */
  apply(change: C): void;
  /** Tests: forget the store (the next use loads from the database). */
  reset(): void;
}

export function loadedIndex<S, C>(opts: {
  /** For the log line when a background reload fails. */
  name: string;
  maxAgeMs: number;
  load: () => Promise<S>;
  put: (store: S, change: C) => void;
  /** After a load and the replay: take over what the previous store knew (optional). */
  carryOver?: (next: S, prev: S) => void;
  /** After each full load (e.g. to invalidate derived caches). */
  onLoaded?: () => void;
}): LoadedIndex<S, C> {
  let store: S | null = null;
  let loadedAt = 0;
  let loading: Promise<S> | null = null;
  let during: C[] | null = null;

  async function fullLoad(): Promise<S> {
    during = [];
    try {
      const next = await opts.load();
      for (const c of during) opts.put(next, c);
      if (store && opts.carryOver) opts.carryOver(next, store);
      store = next;
      loadedAt = Date.now();
      opts.onLoaded?.();
      return next;
    } finally {
      during = null;
    }
  }

  function reload(): Promise<S> {
    loading ??= fullLoad().finally(() => {
      loading = null;
    });
    return loading;
  }

  return {
    async ready() {
      if (!store) return reload();
      if (Date.now() - loadedAt > opts.maxAgeMs && !loading) {
        reload().catch((err: unknown) => logger.warn({ err }, `${opts.name} index reload failed`));
      }
      return store;
    },
    current: () => store,
    apply(change) {
      if (store) opts.put(store, change);
      during?.push(change);
    },
    reset() {
      store = null;
      loadedAt = 0;
    },
  };
}

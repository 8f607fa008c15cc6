import type { MessageDTO } from '@shared/chat/types';
import { ApiError } from '../../lib/api';
import type { SendInput } from './api';

/**
 * The outbox: every message I write goes through here, online or not. It gets a client id at
 * once (so it shows as pending and its server id `<myId>-<clientId>` is known before any answer),
 * is persisted per person in localStorage (a reload keeps it) and is POSTed one after another
 * (order kept). Each entry has its own storage key and tabs follow each other's writes through the
 * `storage` event, so two tabs of one person never overwrite each other's queue; if both send the
 * same entry, the server answers the second with the stored message (idempotent by client id) and
 * the caches keyed by message id show it once. Network failures, 5xx, 408/429 and being offline keep it queued, retried with
 * backoff and at once on `online` / socket reconnect; other 4xx mark it failed with the server's
 * error code (shown translated, with "send again" / "discard"). The server is idempotent by client
 * id, so a retry after a lost answer never doubles the message.
 */

export interface OutboxEntry extends SendInput {
  /** The server's message id: `<senderId>-<clientId>`. */
  id: string;
  conversationId: string;
  createdAt: string;
  state: 'pending' | 'failed';
  error: { code: string; message: string } | null;
  attempts: number;
}

export interface OutboxDeps {
  personId: string;
  send: (entry: OutboxEntry) => Promise<MessageDTO>;
  /** The stored message (server answer): put it into the caches. */
  onDelivered: (message: MessageDTO) => void;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> | null;
  /** Writes of other tabs to the same storage (default: the window's `storage` event). */
  onStorage?: (fn: (key: string | null, newValue: string | null) => void) => () => void;
  isOnline?: () => boolean;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  newId?: () => string;
  now?: () => Date;
}

/** How long a message queued by another tab is left to that tab before this one sends it too. */
export const TAKEOVER_MS = 5_000;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
export const backoffDelay = (attempts: number) =>
  BACKOFF_MS[Math.min(Math.max(attempts - 1, 0), BACKOFF_MS.length - 1)] ?? 30_000;

/** Whether a failed POST is worth repeating as is. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || [408, 429].includes(error.status);
  return true; // network errors (TypeError), aborted requests
}

/** Before per-entry keys: one array per person (read once, then moved to per-entry keys). */
export const storageKey = (personId: string) => `portal.chat.outbox.${personId}`;
/** One key per queued message: `portal.chat.outbox.<personId>.<clientId>`. */
export const entryPrefix = (personId: string) => `${storageKey(personId)}.`;
export const entryKey = (personId: string, clientId: string) =>
  `${entryPrefix(personId)}${clientId}`;

const byAge = (a: OutboxEntry, b: OutboxEntry) =>
  a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);

export class Outbox {
  private entries: OutboxEntry[] = [];
  private listeners = new Set<() => void>();
  private sending = false;
  private timer: unknown = null;
  private unlisten: () => void;
  private readonly deps: Required<Omit<OutboxDeps, 'storage'>> & {
    storage: OutboxDeps['storage'];
  };

  constructor(deps: OutboxDeps) {
    this.deps = {
      storage: deps.storage === undefined ? safeLocalStorage() : deps.storage,
      isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      newId: () => crypto.randomUUID(),
      now: () => new Date(),
      onStorage: windowStorageEvents,
      ...deps,
    };
    this.entries = this.load();
    this.unlisten = this.deps.onStorage((key, value) => this.fromOtherTab(key, value));
  }

  /** Queues a message and starts sending; returns the pending entry. */
  enqueue(input: Omit<SendInput, 'clientId'> & { conversationId: string }): OutboxEntry {
    const clientId = this.deps.newId();
    const entry: OutboxEntry = {
      ...input,
      clientId,
      id: `${this.deps.personId}-${clientId}`,
      createdAt: this.deps.now().toISOString(),
      state: 'pending',
      error: null,
      attempts: 0,
    };
    this.entries = [...this.entries, entry];
    this.write(entry);
    this.notify();
    void this.flush();
    return entry;
  }

  list(conversationId?: string): OutboxEntry[] {
    return conversationId
      ? this.entries.filter((e) => e.conversationId === conversationId)
      : this.entries;
  }

  /** A copy of the message reached this client (live or REST): it is no longer pending. */
  delivered(id: string): void {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return;
    this.entries = this.entries.filter((e) => e.id !== id);
    this.remove(entry);
    this.notify();
  }

  /** "Send again" on a failed message. */
  retry(id: string): void {
    this.replace(id, { state: 'pending', error: null, attempts: 0 });
    void this.flush();
  }

  discard(id: string): void {
    this.delivered(id);
  }

  /** Sends what is pending, oldest first; stops at the first retryable failure (order kept). */
  async flush(): Promise<void> {
    if (this.sending) return;
    if (this.timer !== null) {
      this.deps.clearTimer(this.timer);
      this.timer = null;
    }
    if (!this.deps.isOnline()) return; // the `online` event calls again
    this.sending = true;
    try {
      for (;;) {
        const entry = this.entries.find((e) => e.state === 'pending');
        if (!entry) return;
        try {
          const message = await this.deps.send(entry);
          this.deps.onDelivered(message);
          this.delivered(entry.id);
        } catch (error) {
          if (!this.entries.some((e) => e.id === entry.id)) continue; // discarded meanwhile
          if (isRetryable(error)) {
            const attempts = entry.attempts + 1;
            this.replace(entry.id, { attempts });
            this.timer = this.deps.setTimer(() => {
              this.timer = null;
              void this.flush();
            }, backoffDelay(attempts));
            return;
          }
          const api = error instanceof ApiError ? error : null;
          this.replace(entry.id, {
            state: 'failed',
            error: { code: api?.code ?? 'internal', message: api?.message ?? String(error) },
          });
        }
      }
    } finally {
      this.sending = false;
    }
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Stops timers (sign-out, tests). */
  dispose(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    this.listeners.clear();
    this.unlisten();
  }

  /**
   * Changes an entry. When another tab has removed its key meanwhile (delivered or discarded
   * there), the entry is dropped here too instead of being written back to life.
   */
  private replace(id: string, patch: Partial<OutboxEntry>): void {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return;
    if (this.deps.storage && this.read(entryKey(this.deps.personId, entry.clientId)) === null) {
      this.entries = this.entries.filter((e) => e.id !== id);
    } else {
      const next = { ...entry, ...patch };
      this.entries = this.entries.map((e) => (e.id === id ? next : e));
      this.write(next);
    }
    this.notify();
  }

  /** Another tab wrote or removed one of my entries. */
  private fromOtherTab(key: string | null, value: string | null): void {
    const prefix = entryPrefix(this.deps.personId);
    if (key === null) {
      // localStorage.clear() somewhere: take what is left.
      this.entries = this.load();
      this.notify();
      return;
    }
    if (!key.startsWith(prefix)) return;
    const clientId = key.slice(prefix.length);
    const known = this.entries.some((e) => e.clientId === clientId);
    const rest = this.entries.filter((e) => e.clientId !== clientId);
    const entry = value === null ? null : parseEntry(value);
    if (entry && entry.clientId !== clientId) return;
    this.entries = entry ? [...rest, entry].sort(byAge) : rest;
    this.notify();
    // A message queued in another tab is that tab's to send; take over only if it is still
    // queued a while later (that tab closed or lost its connection). Not sooner: two tabs
    // retrying on each other's writes would drive each other in a loop.
    if (entry?.state === 'pending' && !known && this.timer === null && !this.sending) {
      this.timer = this.deps.setTimer(() => {
        this.timer = null;
        void this.flush();
      }, TAKEOVER_MS);
    }
  }

  private notify(): void {
    this.listeners.forEach((fn) => fn());
  }

  private read(key: string): string | null {
    try {
      return this.deps.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private load(): OutboxEntry[] {
    const storage = this.deps.storage;
    if (!storage) return [];
    const entries = new Map<string, OutboxEntry>();
    const prefix = entryPrefix(this.deps.personId);
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (!key?.startsWith(prefix)) continue;
        const entry = parseEntry(storage.getItem(key));
        if (entry && key === prefix + entry.clientId) entries.set(entry.id, entry);
      }
      // The old single array (written before per-entry keys): move its entries over.
      const legacy = storageKey(this.deps.personId);
      const raw = storage.getItem(legacy);
      if (raw !== null) {
        const parsed: unknown = JSON.parse(raw);
        for (const e of Array.isArray(parsed) ? parsed : []) {
          if (isEntry(e) && !entries.has(e.id)) {
            entries.set(e.id, e);
            this.write(e);
          }
        }
        storage.removeItem(legacy);
      }
    } catch {
      // Unreadable storage: start with what could be read.
    }
    return [...entries.values()].sort(byAge);
  }

  private write(entry: OutboxEntry): void {
    try {
      this.deps.storage?.setItem(
        entryKey(this.deps.personId, entry.clientId),
        JSON.stringify(entry),
      );
    } catch {
      // Storage full or blocked: the queue still works for this page's lifetime.
    }
  }

  private remove(entry: OutboxEntry): void {
    try {
      this.deps.storage?.removeItem(entryKey(this.deps.personId, entry.clientId));
    } catch {
      // Blocked storage: nothing was saved either.
    }
  }
}

function parseEntry(raw: string | null): OutboxEntry | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isEntry(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function windowStorageEvents(fn: (key: string | null, newValue: string | null) => void) {
  if (typeof window === 'undefined') return () => undefined;
  const onStorage = (e: StorageEvent) => {
    if (e.storageArea === null || e.storageArea === safeLocalStorage()) fn(e.key, e.newValue);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

function isEntry(e: unknown): e is OutboxEntry {
  const x = e as Partial<OutboxEntry> | null;
  return (
    !!x &&
    typeof x.id === 'string' &&
    typeof x.clientId === 'string' &&
    typeof x.conversationId === 'string' &&
    typeof x.body === 'string' &&
    Array.isArray(x.attachmentIds) &&
    (x.state === 'pending' || x.state === 'failed')
  );
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

import type { MessageDTO } from '@shared/chat/types';
import { ApiError } from '../../lib/api';
import type { SendInput } from './api';

/**
 * The outbox: every message I write goes through here, online or not. It gets a client id at
 * once (so it shows as pending and its server id `<myId>-<clientId>` is known before any answer),
 * is persisted per person in localStorage (a reload keeps it) and is POSTed one after another
 * (order kept). Network failures, 5xx, 408/429 and being offline keep it queued, retried with
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
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  isOnline?: () => boolean;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  newId?: () => string;
  now?: () => Date;
}

const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
export const backoffDelay = (attempts: number) =>
  BACKOFF_MS[Math.min(Math.max(attempts - 1, 0), BACKOFF_MS.length - 1)] ?? 30_000;

/** Whether a failed POST is worth repeating as is. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || [408, 429].includes(error.status);
  return true; // network errors (TypeError), aborted requests
}

export const storageKey = (personId: string) => `portal.chat.outbox.${personId}`;

export class Outbox {
  private entries: OutboxEntry[] = [];
  private listeners = new Set<() => void>();
  private sending = false;
  private timer: unknown = null;
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
      ...deps,
    };
    this.entries = this.load();
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
    this.changed();
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
    if (!this.entries.some((e) => e.id === id)) return;
    this.entries = this.entries.filter((e) => e.id !== id);
    this.changed();
  }

  /** "Send again" on a failed message. */
  retry(id: string): void {
    this.entries = this.entries.map((e) =>
      e.id === id ? { ...e, state: 'pending', error: null, attempts: 0 } : e,
    );
    this.changed();
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
  }

  private replace(id: string, patch: Partial<OutboxEntry>): void {
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, ...patch } : e));
    this.changed();
  }

  private changed(): void {
    this.save();
    this.listeners.forEach((fn) => fn());
  }

  private load(): OutboxEntry[] {
    try {
      const raw = this.deps.storage?.getItem(storageKey(this.deps.personId));
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]).filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      const key = storageKey(this.deps.personId);
      if (this.entries.length === 0) this.deps.storage?.removeItem(key);
      else this.deps.storage?.setItem(key, JSON.stringify(this.entries));
    } catch {
      // Storage full or blocked: the queue still works for this page's lifetime.
    }
  }
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

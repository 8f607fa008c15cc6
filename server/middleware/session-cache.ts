import { randomUUID } from 'node:crypto';
import { Store, type SessionData } from 'express-session';
import { cluster } from '../lib/cluster';

type Callback = (err?: unknown) => void;
type StoredSession = SessionData & { lastModified?: Date };

interface Entry {
  /** The session as express-session's MemoryStore keeps it (its Cookie serialises itself). */
  json: string;
  /** Idle deadline (ms); past it the entry is as good as gone. */
  expires: number;
  /** When the database copy was last written (connect-mongo's `touchAfter` bookkeeping). */
  lastModified: Date | undefined;
  userId: string | undefined;
}

const DROP_TOPIC = 'session:drop';
const FORGET_USER_TOPIC = 'session:forget-user';

/** Every cached store of this process (tests and the realtime cluster test run several). */
const live = new Set<CachedSessionStore>();

/**
 * A read-through, write-through memory cache in front of the database session store. On the
 * embedded engine connect-mongo's read (`_id` + `expires` filter) decodes the whole sessions
 * collection, and every request needs it. Reads come from memory while the session's own idle
 * deadline has not passed; `set`, `touch` and `destroy` write through. Destroy (logout,
 * regenerate) and set tell the other instances over the cluster bus to drop their copy, and
 * `forgetSessionsOf` (password reset, deactivation) drops a person's sessions everywhere, so a
 * revocation is as immediate as before. The database copy's deadline is moved forward at most once
 * per `touchAfterMs` (other instances read it; it lags the real deadline by at most that).
 */
export class CachedSessionStore extends Store {
  private entries = new Map<string, Entry>();
  // Bumped on every drop: a database read that started earlier must not put back a stale copy.
  private epochs = new Map<string, number>();
  // Bumped when a person's sessions are forgotten: reads then in flight are not kept either.
  private forgets = 0;
  private offCluster: (() => void)[];
  // Lets a store ignore its own messages when several share one process (tests).
  private readonly id = randomUUID();

  constructor(
    readonly backing: Store,
    private readonly opts: { touchAfterMs: number; max: number; onClose?: () => void },
  ) {
    super();
    this.offCluster = [
      cluster.on(DROP_TOPIC, (payload) => {
        const p = payload as { sid?: unknown; from?: unknown } | null;
        if (p && typeof p.sid === 'string' && p.from !== this.id) this.dropLocal(p.sid);
      }),
      cluster.on(FORGET_USER_TOPIC, (payload) => {
        const p = payload as { userId?: unknown; keep?: unknown } | null;
        if (p && typeof p.userId === 'string') {
          this.forgetUserLocal(p.userId, typeof p.keep === 'string' ? p.keep : undefined);
        }
      }),
    ];
    live.add(this);
  }

  get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    const entry = this.entries.get(sid);
    if (entry) {
      if (entry.expires > Date.now()) {
        this.remember(sid, entry); // recency for the LRU bound
        return callback(null, revive(entry));
      }
      this.entries.delete(sid);
    }
    const epoch = this.epochs.get(sid) ?? 0;
    const forgets = this.forgets;
    this.backing.get(sid, (err, session) => {
      if (err) return callback(err);
      if (session && (this.epochs.get(sid) ?? 0) === epoch && this.forgets === forgets) {
        this.remember(sid, entryOf(session as StoredSession));
      }
      callback(null, session ?? null);
    });
  }

  set(sid: string, session: SessionData, callback?: Callback): void {
    this.dropLocal(sid);
    const epoch = this.epochs.get(sid) ?? 0;
    this.backing.set(sid, session, (err) => {
      if (!err && (this.epochs.get(sid) ?? 0) === epoch) {
        // connect-mongo stamped the database copy just now.
        this.remember(sid, { ...entryOf(session), lastModified: new Date() });
      }
      cluster.broadcast(DROP_TOPIC, { sid, from: this.id });
      callback?.(err);
    });
  }

  /** express-session calls this on every request (rolling deadline) when nothing else changed. */
  override touch(sid: string, session: SessionData, callback?: Callback): void {
    const cached = this.entries.get(sid);
    const lastModified = cached?.lastModified ?? (session as StoredSession).lastModified;
    const due =
      !lastModified || Date.now() - new Date(lastModified).getTime() >= this.opts.touchAfterMs;
    if (cached) {
      this.remember(sid, { ...entryOf(session), lastModified: due ? new Date() : lastModified });
    }
    if (!due) return callback?.();
    // An old stamp makes connect-mongo write both the deadline and a new `lastModified`.
    const stamped = { ...session, lastModified: new Date(1) } as SessionData;
    // Typed without the error argument, but connect-mongo passes one.
    const touch = this.backing.touch as
      ((sid: string, s: SessionData, cb: Callback) => void) | undefined;
    if (touch) touch.call(this.backing, sid, stamped, (err) => callback?.(err));
    else this.backing.set(sid, stamped, (err) => callback?.(err));
  }

  destroy(sid: string, callback?: Callback): void {
    this.dropLocal(sid);
    this.backing.destroy(sid, (err) => {
      // A read that started while the delete ran found the database copy still there and may
      // have cached it: drop again, or a request racing the logout keeps the session alive.
      this.dropLocal(sid);
      // Also after a failure: the other instances then reread whatever the database holds.
      cluster.broadcast(DROP_TOPIC, { sid, from: this.id });
      callback?.(err);
    });
  }

  /** Stops listening to the cluster and closes the database store (if it can be closed). */
  async close(): Promise<void> {
    for (const off of this.offCluster) off();
    this.opts.onClose?.();
    live.delete(this);
    this.clearLocal();
    const closable = this.backing as Store & { close?: () => Promise<void> };
    await closable.close?.();
  }

  clearLocal(): void {
    this.entries.clear();
    this.epochs.clear();
  }

  forgetUserLocal(userId: string, keep?: string): void {
    this.forgets += 1;
    for (const [sid, entry] of this.entries) {
      if (entry.userId === userId && sid !== keep) this.dropLocal(sid);
    }
  }

  private dropLocal(sid: string): void {
    this.entries.delete(sid);
    this.epochs.set(sid, (this.epochs.get(sid) ?? 0) + 1);
    // The epoch map only needs to outlive reads in flight; keep it bounded.
    if (this.epochs.size > this.opts.max * 2) {
      const oldest = this.epochs.keys().next().value;
      if (oldest !== undefined && oldest !== sid) this.epochs.delete(oldest);
    }
  }

  private remember(sid: string, entry: Entry): void {
    this.entries.delete(sid);
    this.entries.set(sid, entry);
    if (this.entries.size > this.opts.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

function entryOf(session: StoredSession): Entry {
  const { lastModified, ...rest } = session;
  const expires = session.cookie?.expires;
  return {
    json: JSON.stringify(rest),
    expires: expires ? new Date(expires).getTime() : Number.POSITIVE_INFINITY,
    lastModified: lastModified ? new Date(lastModified) : undefined,
    userId: typeof session.userId === 'string' ? session.userId : undefined,
  };
}

/** A fresh object per request: express-session turns it into the request's Session in place. */
function revive(entry: Entry): StoredSession {
  const session = JSON.parse(entry.json) as StoredSession;
  if (entry.lastModified) session.lastModified = entry.lastModified;
  return session;
}

/**
 * Drops a person's cached sessions on every instance, after their database copies were deleted
 * (`revokeSessionsOf`), except `keepSessionId` (the admin's own session when resetting themself).
 */
export function forgetSessionsOf(userId: string, keepSessionId?: string): void {
  for (const store of live) store.forgetUserLocal(userId, keepSessionId);
  cluster.broadcast(FORGET_USER_TOPIC, { userId, keep: keepSessionId });
}

/** Tests that change stored sessions behind the app's back (to simulate time) call this. */
export function forgetCachedSessions(): void {
  for (const store of live) store.clearLocal();
}

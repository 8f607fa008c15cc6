import { describe, expect, it, vi } from 'vitest';
import type { MessageDTO } from '@shared/chat/types';
import { ApiError } from '../../lib/api';
import {
  entryKey,
  entryPrefix,
  Outbox,
  storageKey,
  TAKEOVER_MS,
  type OutboxDeps,
  type OutboxEntry,
} from './outbox';
import { CONV, ME, message, person } from './test-data';

/** One origin's localStorage shared by several tabs: a write fires `storage` in the others. */
class MemoryStorage {
  map = new Map<string, string>();
  tabs = new Set<{ fn: (key: string | null, value: string | null) => void }>();
  private writer: object | null = null;
  get length() {
    return this.map.size;
  }
  key = (i: number) => [...this.map.keys()][i] ?? null;
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => {
    this.map.set(k, v);
    this.fire(k, v);
  };
  removeItem = (k: string) => {
    if (!this.map.delete(k)) return;
    this.fire(k, null);
  };
  /** `onStorage` for one tab (a tab never hears its own writes, as in browsers). */
  tab() {
    const tab = { fn: (_k: string | null, _v: string | null) => undefined as void };
    return {
      onStorage: (fn: (key: string | null, value: string | null) => void) => {
        tab.fn = fn;
        this.tabs.add(tab);
        return () => void this.tabs.delete(tab);
      },
      as: <T>(run: () => T): T => {
        const before = this.writer;
        this.writer = tab;
        try {
          return run();
        } finally {
          this.writer = before;
        }
      },
      tab,
    };
  }
  private fire(k: string, v: string | null) {
    for (const t of this.tabs) if (t !== this.writer) t.fn(k, v);
  }
}

function setup(over: Partial<OutboxDeps> = {}) {
  const storage = new MemoryStorage();
  const timers: { fn: () => void; ms: number }[] = [];
  const delivered: MessageDTO[] = [];
  let n = 0;
  let online = true;
  const send = vi.fn(async (e: OutboxEntry) =>
    message(1, { sender: person(ME), clientId: e.clientId, body: e.body }),
  );
  const deps: OutboxDeps = {
    personId: ME,
    send,
    onDelivered: (m) => delivered.push(m),
    storage,
    onStorage: () => () => undefined,
    isOnline: () => online,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
    newId: () => `client-id-${++n}`,
    ...over,
  };
  return {
    outbox: new Outbox(deps),
    deps,
    storage,
    timers,
    delivered,
    send,
    setOnline: (v: boolean) => (online = v),
  };
}

const input = (body: string) => ({ conversationId: CONV, body, attachmentIds: [], threadId: null });
const flushPromises = () => new Promise((r) => setTimeout(r, 0));

describe('outbox', () => {
  it('sends a message once and hands the stored copy over', async () => {
    const { outbox, delivered, send, storage } = setup();
    const entry = outbox.enqueue(input('Hallo'));
    expect(entry.id).toBe(`${ME}-client-id-1`);
    expect(outbox.list(CONV)).toHaveLength(1);
    await flushPromises();
    expect(send).toHaveBeenCalledTimes(1);
    expect(delivered.map((m) => m.body)).toEqual(['Hallo']);
    expect(outbox.list()).toEqual([]);
    expect(storage.map.size).toBe(0);
  });

  it('keeps a message queued offline, persisted, and sends it when back online', async () => {
    const { outbox, send, setOnline, storage, deps } = setup();
    setOnline(false);
    outbox.enqueue(input('offline'));
    await flushPromises();
    expect(send).not.toHaveBeenCalled();
    expect([...storage.map.keys()]).toEqual([entryKey(ME, 'client-id-1')]);
    // A reload: a new outbox reads the stored queue.
    const reloaded = new Outbox({ ...deps, storage });
    expect(reloaded.list(CONV).map((e) => e.body)).toEqual(['offline']);
    setOnline(true);
    await reloaded.flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(reloaded.list()).toEqual([]);
  });

  it('retries network errors and 5xx with backoff, keeping the same client id', async () => {
    const send = vi
      .fn<(e: OutboxEntry) => Promise<MessageDTO>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(new ApiError(503, 'service_unavailable', 'down'))
      .mockImplementation(async (e) => message(1, { sender: person(ME), clientId: e.clientId }));
    const { outbox, timers, delivered } = setup({ send });
    outbox.enqueue(input('x'));
    await flushPromises();
    expect(outbox.list()[0]?.state).toBe('pending');
    expect(timers.map((t) => t.ms)).toEqual([1_000]);
    timers[0]?.fn();
    await flushPromises();
    expect(timers.map((t) => t.ms)).toEqual([1_000, 2_000]);
    timers[1]?.fn();
    await flushPromises();
    expect(delivered).toHaveLength(1);
    expect(new Set(send.mock.calls.map(([e]) => e.clientId)).size).toBe(1);
  });

  it('marks a 4xx as failed with the server code; retry and discard', async () => {
    const send = vi
      .fn<(e: OutboxEntry) => Promise<MessageDTO>>()
      .mockRejectedValueOnce(new ApiError(403, 'forbidden', 'Nicht erlaubt'))
      .mockImplementation(async (e) => message(1, { sender: person(ME), clientId: e.clientId }));
    const { outbox, delivered } = setup({ send });
    const a = outbox.enqueue(input('a'));
    await flushPromises();
    expect(outbox.list()[0]).toMatchObject({ state: 'failed', error: { code: 'forbidden' } });
    outbox.retry(a.id);
    await flushPromises();
    expect(delivered).toHaveLength(1);
    const b = outbox.enqueue(input('b'));
    outbox.discard(b.id);
    expect(outbox.list()).toEqual([]);
  });

  it('keeps order: a later message waits behind a queued one', async () => {
    const order: string[] = [];
    let fail = true;
    const send = vi.fn(async (e: OutboxEntry) => {
      if (fail) throw new TypeError('offline');
      order.push(e.body);
      return message(1, { sender: person(ME), clientId: e.clientId });
    });
    const { outbox, timers } = setup({ send });
    outbox.enqueue(input('first'));
    await flushPromises();
    outbox.enqueue(input('second'));
    await flushPromises();
    expect(order).toEqual([]);
    fail = false;
    timers.at(-1)?.fn();
    await flushPromises();
    await flushPromises();
    expect(order).toEqual(['first', 'second']);
  });

  it('a live copy that arrives first ends the pending state (never shown twice)', async () => {
    let resolve: (m: MessageDTO) => void = () => undefined;
    const send = vi.fn(() => new Promise<MessageDTO>((r) => (resolve = r)));
    const { outbox } = setup({ send });
    const e = outbox.enqueue(input('x'));
    outbox.delivered(e.id);
    expect(outbox.list()).toEqual([]);
    resolve(message(1, { sender: person(ME), clientId: e.clientId }));
    await flushPromises();
    expect(outbox.list()).toEqual([]);
  });

  it('ignores unreadable storage', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey(ME), '{not json');
    storage.setItem(`${entryPrefix(ME)}x`, '{not json');
    const { outbox } = setup({ storage });
    expect(outbox.list()).toEqual([]);
    storage.setItem(storageKey(ME), JSON.stringify([{ id: 1 }]));
    storage.setItem(`${entryPrefix(ME)}y`, JSON.stringify({ id: 1 }));
    expect(new Outbox({ ...setup().deps, storage }).list()).toEqual([]);
  });

  it('moves a queue saved in the old single key to one key per message', () => {
    const { outbox: old, storage, deps } = setup();
    deps.isOnline = () => false;
    const a = old.enqueue(input('a'));
    const legacy = new MemoryStorage();
    legacy.setItem(
      storageKey(ME),
      JSON.stringify([storage.map.get(entryKey(ME, a.clientId))].map((v) => JSON.parse(v ?? ''))),
    );
    const outbox = new Outbox({ ...deps, storage: legacy });
    expect(outbox.list().map((e) => e.body)).toEqual(['a']);
    expect([...legacy.map.keys()]).toEqual([entryKey(ME, a.clientId)]);
  });
});

describe('outbox in several tabs of one person', () => {
  function twoTabs(send: OutboxDeps['send']) {
    const storage = new MemoryStorage();
    const timers: { fn: () => void; ms: number }[] = [];
    const delivered: { tab: string; id: string }[] = [];
    let n = 0;
    const online = { a: true, b: true };
    const make = (name: 'a' | 'b') => {
      const tab = storage.tab();
      const outbox = tab.as(
        () =>
          new Outbox({
            personId: ME,
            send: (e) => tab.as(() => send(e)),
            onDelivered: (m) => delivered.push({ tab: name, id: m.id }),
            storage,
            onStorage: tab.onStorage,
            isOnline: () => online[name],
            setTimer: (fn, ms) => timers.push({ fn: () => tab.as(fn), ms }),
            clearTimer: () => undefined,
            newId: () => `${name}-${++n}`,
          }),
      );
      // Every call on this outbox writes "from" this tab.
      return new Proxy(outbox, {
        get: (target, prop) => {
          const value: unknown = Reflect.get(target, prop);
          return typeof value === 'function'
            ? (...args: unknown[]) =>
                tab.as(() => (value as (...a: unknown[]) => unknown).apply(target, args))
            : value;
        },
      });
    };
    return { storage, timers, delivered, online, a: make('a'), b: make('b') };
  }
  const ok = async (e: OutboxEntry) =>
    message(1, { sender: person(ME), clientId: e.clientId, body: e.body });

  it('keeps messages queued in both tabs (neither overwrites the other)', () => {
    const { a, b, online, storage } = twoTabs(ok);
    online.a = false;
    online.b = false;
    a.enqueue(input('from a'));
    b.enqueue(input('from b'));
    a.enqueue(input('from a again'));
    expect(storage.map.size).toBe(3);
    // Both tabs see all three, and so does a reload.
    expect(a.list().map((e) => e.body)).toEqual(['from a', 'from b', 'from a again']);
    expect(b.list().map((e) => e.body)).toEqual(['from a', 'from b', 'from a again']);
    const reload = new Outbox({
      personId: ME,
      send: ok,
      onDelivered: () => undefined,
      storage,
      onStorage: () => () => undefined,
      isOnline: () => false,
    });
    expect(reload.list()).toHaveLength(3);
  });

  it('a message delivered by one tab leaves the other tab (shown once)', async () => {
    const { a, b, online, storage } = twoTabs(ok);
    online.a = false;
    const e = a.enqueue(input('x'));
    expect(b.list().map((x) => x.id)).toEqual([e.id]);
    online.a = true;
    await a.flush();
    expect(storage.map.size).toBe(0);
    expect(a.list()).toEqual([]);
    expect(b.list()).toEqual([]);
  });

  it('a tab does not write back an entry that the other tab delivered meanwhile', async () => {
    let fail: (err: unknown) => void = () => undefined;
    const send = vi.fn((e: OutboxEntry) =>
      e.body === 'slow' ? new Promise<MessageDTO>((_, reject) => (fail = reject)) : ok(e),
    );
    const { a, storage } = twoTabs(send);
    const e = a.enqueue(input('slow'));
    // Tab b delivers it (e.g. it took over); its storage event has not reached tab a yet when
    // tab a's POST fails with a network error.

    storage.map.delete(entryKey(ME, e.clientId));
    fail(new TypeError('Failed to fetch'));
    await flushPromises();
    expect(storage.map.size).toBe(0);
    expect(a.list()).toEqual([]);
  });

  it("takes over another tab's queued message only after a while, sending it once", async () => {
    const send = vi.fn(ok);
    const { a, b, timers, online, delivered } = twoTabs(send);
    online.a = false; // tab a is stuck (e.g. closed before it could send)
    const e = a.enqueue(input('left behind'));
    await flushPromises();
    expect(send).not.toHaveBeenCalled();
    expect(timers.map((t) => t.ms)).toEqual([TAKEOVER_MS]);
    timers[0]?.fn();
    await flushPromises();
    expect(send).toHaveBeenCalledTimes(1);
    expect(delivered).toEqual([
      { tab: 'b', id: message(1, { sender: person(ME), clientId: e.clientId }).id },
    ]);
    expect(a.list()).toEqual([]);
    expect(b.list()).toEqual([]);
  });
});

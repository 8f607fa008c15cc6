import { describe, expect, it, vi } from 'vitest';
import type { MessageDTO } from '@shared/chat/types';
import { ApiError } from '../../lib/api';
import { Outbox, storageKey, type OutboxDeps, type OutboxEntry } from './outbox';
import { CONV, ME, message, person } from './test-data';

class MemoryStorage {
  map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
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
    expect(storage.map.has(storageKey(ME))).toBe(false);
  });

  it('keeps a message queued offline, persisted, and sends it when back online', async () => {
    const { outbox, send, setOnline, storage, deps } = setup();
    setOnline(false);
    outbox.enqueue(input('offline'));
    await flushPromises();
    expect(send).not.toHaveBeenCalled();
    expect(JSON.parse(storage.map.get(storageKey(ME)) ?? '[]')).toHaveLength(1);
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
    const { outbox } = setup({ storage });
    expect(outbox.list()).toEqual([]);
    storage.setItem(storageKey(ME), JSON.stringify([{ id: 1 }]));
    expect(new Outbox({ ...setup().deps, storage }).list()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { loadedIndex } from './loaded-index';

type Store = Map<string, number>;

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('loadedIndex', () => {
  it('loads once for concurrent first uses', async () => {
    let loads = 0;
    const idx = loadedIndex<Store, [string, number]>({
      name: 'test',
      maxAgeMs: 60_000,
      load: async () => {
        loads += 1;
        return new Map([['a', 1]]);
      },
      put: (s, [k, v]) => s.set(k, v),
    });
    expect(idx.current()).toBeNull();
    const [x, y] = await Promise.all([idx.ready(), idx.ready()]);
    expect(x).toBe(y);
    expect(loads).toBe(1);
    expect(idx.current()?.get('a')).toBe(1);
  });

  it('replays a change made while the load is in flight', async () => {
    const gate = deferred<Store>();
    let loaded = 0;
    const idx = loadedIndex<Store, [string, number]>({
      name: 'test',
      maxAgeMs: 60_000,
      load: () => gate.promise,
      put: (s, [k, v]) => s.set(k, v),
      onLoaded: () => {
        loaded += 1;
      },
    });
    const pending = idx.ready();
    idx.apply(['b', 2]);
    gate.resolve(new Map([['a', 1]]));
    const store = await pending;
    expect([...store.entries()]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(loaded).toBe(1);
    idx.apply(['c', 3]);
    expect(idx.current()?.get('c')).toBe(3);
    idx.reset();
    expect(idx.current()).toBeNull();
  });
});

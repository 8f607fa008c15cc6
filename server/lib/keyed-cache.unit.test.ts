import { describe, expect, it } from 'vitest';
import { createKeyedCache } from './keyed-cache';

describe('keyed cache prime', () => {
  it('fills missing keys from one bulk read and keeps values written meanwhile', async () => {
    let loads = 0;
    const cache = createKeyedCache<number>({
      name: 'test-prime',
      max: 10,
      load: async () => {
        loads += 1;
        return -1;
      },
    });
    cache.set('written-before', 5);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const priming = cache.prime(async () => {
      await gate;
      return [
        ['a', 1],
        ['written-before', 0],
        ['written-during', 0],
        ['dropped-during', 0],
      ];
    });
    cache.set('written-during', 7);
    cache.invalidate('dropped-during');
    release();
    await priming;
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('written-before')).toBe(5);
    expect(await cache.get('written-during')).toBe(7);
    expect(loads).toBe(0);
    // Invalidated while the bulk read ran: its row may be stale, so it is loaded again.
    expect(await cache.get('dropped-during')).toBe(-1);
    expect(loads).toBe(1);
  });
});

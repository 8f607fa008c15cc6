import { describe, expect, it } from 'vitest';
import { withKeyLock } from './keyed-lock';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('withKeyLock', () => {
  it('runs work on one key one at a time, other keys in parallel, and survives failures', async () => {
    let value = 0;
    let running = 0;
    let maxRunning = 0;
    const bump = () =>
      withKeyLock('a', async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        const read = value;
        await tick();
        value = read + 1;
        running -= 1;
      });
    const fail = withKeyLock('a', async () => {
      throw new Error('boom');
    });
    let otherStarted = false;
    const other = withKeyLock('b', async () => {
      otherStarted = true;
    });
    await Promise.all([...Array.from({ length: 20 }, bump), fail.catch(() => 'failed'), other]);
    expect(value).toBe(20);
    expect(maxRunning).toBe(1);
    expect(otherStarted).toBe(true);
    await expect(fail).rejects.toThrow('boom');
  });
});

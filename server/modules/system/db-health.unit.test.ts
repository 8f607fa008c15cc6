import { describe, expect, it } from 'vitest';
import { assess, type ProbeResult } from './db-health';

const run = (results: ProbeResult[]) =>
  results.reduce((state, r) => assess(state, r), { failures: 0, down: false });

describe('database health decision', () => {
  it('closes the gate at once when the driver reports the connection gone', () => {
    expect(run(['gone']).down).toBe(true);
  });

  it('closes it only after three failed pings in a row', () => {
    expect(run(['failed', 'failed']).down).toBe(false);
    expect(run(['failed', 'failed', 'failed']).down).toBe(true);
    expect(run(['failed', 'failed', 'up', 'failed', 'failed']).down).toBe(false);
  });

  it('does not count a ping that timed out while other operations completed (load)', () => {
    expect(run(['busy', 'busy', 'busy', 'busy', 'failed', 'busy', 'failed']).down).toBe(false);
    expect(run(['failed', 'busy', 'failed', 'busy', 'failed']).down).toBe(true);
  });

  it('keeps the gate closed while busy or unknown, and opens it on the first good ping', () => {
    const down = run(['gone']);
    expect(assess(down, 'busy').down).toBe(true);
    expect(assess(down, 'unknown').down).toBe(true);
    expect(assess(down, 'up')).toEqual({ failures: 0, down: false });
  });
});

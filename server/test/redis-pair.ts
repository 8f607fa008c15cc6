import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { expect } from 'vitest';
import type { Realtime } from '../realtime';

// A throwaway Redis for suites that run two app instances in one process.

export const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

/** Starts redis-server on its own loopback port (no persistence) and waits until it answers. */
export async function startTestRedis(port: number): Promise<ChildProcess> {
  expect(await portOpen(port)).toBe(false);
  const proc = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100 && !(await portOpen(port)); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return proc;
}

/**
 * Waits until every instance's adapter has heard every other one. The streams adapter reads from
 * "$" until it has seen its first entry, so a message sent before another instance's reader is
 * polling never reaches it (a CI run failed that way); heartbeats prove the readers are live.
 */
export async function waitForPeers(realtimes: Realtime[]): Promise<void> {
  const allSeen = async () => {
    const counts = await Promise.all(realtimes.map((r) => r.io.of('/').adapter.serverCount()));
    return counts.every((n) => n === realtimes.length);
  };
  for (let i = 0; i < 300 && !(await allSeen()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await allSeen()).toBe(true);
}

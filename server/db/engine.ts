import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { logger } from '../lib/logger';

export interface EmbeddedEngine {
  uri: string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');
export const defaultFerretBin = path.join(root, '.tools/bin/ferretdb');

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null)
        return reject(new Error(`FerretDB exited with code ${child.exitCode}`));
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error('FerretDB did not start in time'));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * A FerretDB left running on the same data files by a portal that was killed (SIGKILL cannot be
 * handled): two engines on one SQLite directory must never run at once.
 */
async function endLeftoverEngine(pidFile: string, dbDir: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 1) return;
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // gone (or not Linux: nothing to compare against, leave it)
  }
  if (!cmdline.includes('ferretdb') || !cmdline.includes(dbDir)) return;
  logger.warn({ pid }, 'ending an embedded FerretDB left running on this data directory');
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts FerretDB (SQLite backend) as a child process on a free loopback port, data under
 * `dataDir/db`. Telemetry and the debug listener are off: nothing calls out.
 */
export async function startEmbeddedEngine(opts: {
  dataDir: string;
  bin?: string;
}): Promise<EmbeddedEngine> {
  const bin = opts.bin ?? defaultFerretBin;
  if (!existsSync(bin)) {
    throw new Error(
      `FerretDB not found at ${bin}; run \`npm run setup\` (scripts/setup-ferretdb.sh)`,
    );
  }
  const dataDir = path.resolve(opts.dataDir);
  const dbDir = path.join(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const pidFile = path.join(dataDir, 'ferretdb.pid');
  await endLeftoverEngine(pidFile, dbDir);
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dbDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) =>
    logger.warn({ engine: 'ferretdb' }, chunk.toString().trim()),
  );
  // The engine must not outlive the portal: a forced exit (shutdown grace exceeded) still runs
  // 'exit' handlers; after a SIGKILL of the portal the pid file lets the next start end it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  if (child.pid) writeFileSync(pidFile, String(child.pid));
  await waitForPort(port, child, 15_000);
  logger.info({ port, dataDir }, 'embedded FerretDB started');
  return {
    uri: `mongodb://127.0.0.1:${port}/portal`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          rmSync(pidFile, { force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

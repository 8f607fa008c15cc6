import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
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
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

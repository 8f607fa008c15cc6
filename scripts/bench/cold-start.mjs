#!/usr/bin/env node
// Cold start of the portal: spawn the server → first `/readyz` 200, in milliseconds.
// Run 1 starts on an empty data directory (FerretDB + indexes + demo seed); run 2 starts again on
// the same data (no seeding). Usage: node scripts/bench/cold-start.mjs [--port 3437] [--via-npm-start]
//   --via-npm-start  spawn scripts/start.mjs (engine provisioning check + SPA build check) instead
//                    of server/index.ts alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 3437;
const viaStart = args.includes('--via-npm-start');
const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-coldstart-'));

async function once(label) {
  const entry = viaStart
    ? [path.join(root, 'scripts/start.mjs')]
    : [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/index.ts'];
  const t0 = performance.now();
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      MONGODB_URI: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let failed = false;
  void exited.then(() => (failed = true));
  const deadline = Date.now() + 180_000;
  let ms = null;
  while (Date.now() < deadline && !failed) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) {
        ms = Math.round(performance.now() - t0);
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const t1 = performance.now();
  child.kill('SIGTERM');
  const code = await exited;
  const stopMs = Math.round(performance.now() - t1);
  if (ms === null) throw new Error(`${label}: portal did not become ready (exit code ${code})`);
  console.log(`${label}: ready in ${ms} ms (SIGTERM → exit ${code} in ${stopMs} ms)`);
  return ms;
}

try {
  const first = await once('first start (empty data dir, demo seed)');
  const second = await once('second start (existing data)');
  console.log(JSON.stringify({ coldStartFirstMs: first, coldStartSecondMs: second }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

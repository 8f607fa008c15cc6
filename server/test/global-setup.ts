import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedEngine } from '../db/engine';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
  }
}

/** One real FerretDB for the whole server suite; every test file uses its own database in it. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-test-'));
  const engine = await startEmbeddedEngine({ dataDir: dir });
  project.provide('mongoBaseUri', engine.uri.replace(/\/portal$/, ''));
  return async () => {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

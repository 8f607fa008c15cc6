import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectDatabase, syncIndexes } from '../db/connect';

// Test files run in isolated module graphs, so this name is unique to the file that imports it.
const dbName = 't_' + randomBytes(8).toString('hex');

export function testDatabaseUri(): string {
  return `${inject('mongoBaseUri')}/${dbName}`;
}

/** Connects Mongoose to this file's own database (emptied first) for the file's tests. */
export function useTestDatabase(): void {
  beforeAll(async () => {
    await connectDatabase(testDatabaseUri());
    await mongoose.connection.db?.dropDatabase();
    await syncIndexes();
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  });
}

/** Empties every collection (between tests that need a clean slate). */
export async function clearDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) return;
  for (const c of await db.collections()) await c.deleteMany({});
}

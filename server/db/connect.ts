import mongoose from 'mongoose';
import { logger } from '../lib/logger';

// Fail fast when the database is down (503) instead of buffering requests for 10 s.
mongoose.set('bufferCommands', false);
// Never `true`: it silently drops unknown filter keys and can widen a filter to everything.
mongoose.set('strictQuery', false);
mongoose.set('autoIndex', false);

export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  await mongoose.connect(uri, {
    serverSelectionTimeoutMS: 5000,
    socketTimeoutMS: 30_000,
    maxPoolSize: 50,
  });
  logger.info({ db: mongoose.connection.name }, 'database connected');
  return mongoose;
}

/** Creates the indexes every registered model declares (idempotent). */
export async function syncIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    await model.createIndexes();
  }
}

export function databaseReady(): boolean {
  return mongoose.connection.readyState === 1;
}

/** A real round trip, for /readyz. */
export async function pingDatabase(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  try {
    await Promise.race([
      db.admin().command({ ping: 1 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

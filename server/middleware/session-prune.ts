import mongoose, { type mongo } from 'mongoose';
import { logger } from '../lib/logger';

const EVERY_MS = 10 * 60_000;

/** Deletes the stored sessions whose idle deadline has passed; returns how many. */
export async function pruneExpiredSessions(
  db: mongo.Db | undefined = mongoose.connection.db,
  now = new Date(),
): Promise<number> {
  if (!db) return 0;
  // Acknowledged on purpose: connect-mongo's own interval pruning sends this delete with
  // `w: 0`, FerretDB answers it anyway, and the next operation on that pooled connection then
  // reads the delete's reply as its own (a people query came back empty: everyone signed out).
  const res = await db.collection('sessions').deleteMany({ expires: { $lt: now } });
  return res.deletedCount;
}

/** Prunes every ten minutes (MongoDB would use a TTL index; FerretDB has none). */
export function startSessionPruning(): () => void {
  const timer = setInterval(() => {
    pruneExpiredSessions().catch((err: unknown) => logger.warn({ err }, 'session prune failed'));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

import mongoose from 'mongoose';
import { forgetSessionsOf } from '../../middleware/session-cache';

/**
 * Deletes every stored session of a person (except `keepSessionId`), e.g. after an admin resets
 * the password of a possibly compromised account. Sessions are stored unstringified by
 * connect-mongo, so `session.userId` is queryable.
 */
export async function revokeSessionsOf(personId: string, keepSessionId?: string): Promise<number> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  const filter: Record<string, unknown> = { 'session.userId': personId };
  if (keepSessionId) filter._id = { $ne: keepSessionId };
  const res = await db.collection<{ _id: string }>('sessions').deleteMany(filter);
  // Every instance's session cache too, or the deleted sessions would live on in memory.
  forgetSessionsOf(personId, keepSessionId);
  return res.deletedCount;
}

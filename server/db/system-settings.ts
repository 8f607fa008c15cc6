import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

interface SystemDoc {
  _id: string;
  value: string;
}

/**
 * The session signing secret: from SESSION_SECRET, or generated once and kept in the database so
 * every instance (and every restart) signs cookies alike.
 */
export async function sessionSecret(configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  const col = db.collection<SystemDoc>('system');
  await col.updateOne(
    { _id: 'session-secret' },
    { $setOnInsert: { value: randomBytes(32).toString('base64url') } },
    { upsert: true },
  );
  const doc = await col.findOne({ _id: 'session-secret' });
  if (!doc) throw new Error('session secret missing');
  return doc.value;
}

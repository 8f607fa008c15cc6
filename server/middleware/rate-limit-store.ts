import mongoose from 'mongoose';
import type { Options, Store, IncrementResponse } from 'express-rate-limit';

interface Counter {
  _id: string;
  hits: number;
  resetAt: Date;
}

/**
 * Rate-limit counters in the database, so every instance counts together without Redis.
 * Windows are reset by the next hit after they expire (no TTL index needed).
 */
export class MongoRateLimitStore implements Store {
  windowMs = 60_000;
  constructor(readonly prefix: string) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private get collection() {
    const db = mongoose.connection.db;
    if (!db) throw new Error('database not connected');
    return db.collection<Counter>('ratelimits');
  }

  async increment(key: string): Promise<IncrementResponse> {
    const id = this.prefix + key;
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = new Date();
      const hit = await this.collection.findOneAndUpdate(
        { _id: id, resetAt: { $gt: now } },
        { $inc: { hits: 1 } },
        { returnDocument: 'after' },
      );
      if (hit) return { totalHits: hit.hits, resetTime: hit.resetAt };
      const resetAt = new Date(now.getTime() + this.windowMs);
      try {
        await this.collection.updateOne(
          { _id: id, resetAt: { $lte: now } },
          { $set: { hits: 1, resetAt } },
          { upsert: true },
        );
        return { totalHits: 1, resetTime: resetAt };
      } catch (err) {
        // Another request opened the window first (duplicate _id): count this hit there.
        if (!(err instanceof mongoose.mongo.MongoServerError && err.code === 11000)) throw err;
      }
    }
    return { totalHits: 1, resetTime: undefined };
  }

  async decrement(key: string): Promise<void> {
    await this.collection.updateOne(
      { _id: this.prefix + key, hits: { $gt: 0 } },
      { $inc: { hits: -1 } },
    );
  }

  async resetKey(key: string): Promise<void> {
    await this.collection.deleteOne({ _id: this.prefix + key });
  }
}

import { withKeyLock } from '../../lib/keyed-lock';
import { ACK_BUCKETS, AckBucketModel, ackBucketId, ackBucketOf } from './ack.model';

/**
 * Records a confirmation in its bucket and returns the stored (first) time: `$min` keeps an
 * earlier time, so a repeated or concurrent confirmation never moves it. Filter by `_id` only.
 */
export async function storeAck(
  articleId: string,
  round: number,
  personId: string,
  at: Date,
): Promise<Date> {
  const _id = ackBucketId(articleId, round, ackBucketOf(personId));
  const update = { $min: { [`acks.${personId}`]: at } };
  const bucket = await withKeyLock(`news_acks:${_id}`, async () => {
    try {
      await AckBucketModel.updateOne({ _id }, update, { upsert: true });
    } catch (err) {
      // Another instance (MongoDB) inserted the bucket first: update the winner's.
      if ((err as { code?: number }).code !== 11000) throw err;
      await AckBucketModel.updateOne({ _id }, update, { upsert: true });
    }
    return AckBucketModel.findById(_id).lean();
  });
  const stored = bucket?.acks?.[personId];
  return stored ? new Date(stored) : at;
}

/** Every confirmation of one round: person id → first time (16 `_id` reads, in parallel). */
export async function acksOfRound(articleId: string, round: number): Promise<Map<string, Date>> {
  const ids = Array.from({ length: ACK_BUCKETS }, (_, i) => ackBucketId(articleId, round, i));
  const buckets = await Promise.all(ids.map((_id) => AckBucketModel.findById(_id).lean()));
  const acks = new Map<string, Date>();
  for (const bucket of buckets) {
    for (const [personId, at] of Object.entries(bucket?.acks ?? {})) {
      acks.set(personId, new Date(at));
    }
  }
  return acks;
}

import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { acksOfRound, storeAck } from './ack.store';
import { AckBucketModel } from './ack.model';

useTestDatabase();

describe('acknowledgement buckets', () => {
  it('keeps the first time of a repeated confirmation and spreads people over buckets', async () => {
    const article = String(new Types.ObjectId());
    const people = Array.from({ length: 40 }, () => String(new Types.ObjectId()));
    const first = new Date('2030-01-01T08:00:00Z');
    const later = new Date('2030-01-02T08:00:00Z');
    const [a] = people as [string];
    expect((await storeAck(article, 1, a, first)).toISOString()).toBe(first.toISOString());
    expect((await storeAck(article, 1, a, later)).toISOString()).toBe(first.toISOString());
    await Promise.all(people.slice(1).map((p) => storeAck(article, 1, p, later)));
    const acks = await acksOfRound(article, 1);
    expect(acks.size).toBe(40);
    expect(acks.get(a)?.toISOString()).toBe(first.toISOString());
    // Another round is counted apart.
    expect((await acksOfRound(article, 2)).size).toBe(0);
    const buckets = await AckBucketModel.countDocuments({});
    expect(buckets).toBeGreaterThan(4);
    expect(buckets).toBeLessThanOrEqual(16);
  });
});

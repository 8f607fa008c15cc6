import { afterAll, beforeAll, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { testDatabaseUri, useTestDatabase } from '../test/db';
import { pruneExpiredSessions } from './session-prune';

useTestDatabase();

// One pooled connection, so the operation right after the prune shares its connection: an
// unacknowledged delete (connect-mongo's interval pruning) made that next query fail on FerretDB.
let client: MongoClient;
beforeAll(async () => {
  client = new MongoClient(testDatabaseUri(), { maxPoolSize: 1 });
  await client.connect();
});
afterAll(() => client.close());

it('deletes expired sessions only, and the next query on the same connection is answered right', async () => {
  const db = client.db();
  const now = new Date();
  await db.collection('people').insertMany([{ username: 'a' }, { username: 'b' }]);
  await db.collection<{ _id: string; expires: Date }>('sessions').insertMany([
    { _id: 'old', expires: new Date(now.getTime() - 1000) },
    { _id: 'older', expires: new Date(now.getTime() - 86_400_000) },
    { _id: 'live', expires: new Date(now.getTime() + 60_000) },
  ]);

  expect(await pruneExpiredSessions(db, now)).toBe(2);
  const people = await db.collection('people').find({}).sort({ username: 1 }).toArray();
  expect(people.map((p) => p['username'])).toEqual(['a', 'b']);
  const left = await db.collection('sessions').find({}).toArray();
  expect(left.map((s) => s._id)).toEqual(['live']);
});

/**
 * What one chat write costs on the embedded engine at a given collection size (the reason the
 * portal's send path is database-bound there): reads by `_id` are handed to SQLite, updates by
 * `_id` are not (the whole collection is decoded per update), inserts are cheap.
 *
 *   npx tsx scripts/bench/chat-dbops.ts [--sizes 1000,5000] [--port 3760]
 *
 * Uses its own FerretDB on a fresh temporary DATA_DIR. Documents in the shape of chat inboxes
 * (10 conversations each) and conversations (20 members each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Types } from 'mongoose';
import { withDatabase } from '../../e2e/support/chat-harness';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    port: { type: 'string', default: '3760' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-chat-dbops-'));
const now = new Date();
const entries = (n: number, prefix: string, value: (k: number) => unknown) =>
  Object.fromEntries(Array.from({ length: n }, (_, k) => [`${prefix}${k}`, value(k)]));

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  const t = performance.now();
  for (let i = 0; i < n; i += 1) await fn(i);
  console.log(`${label.padEnd(48)} ${((performance.now() - t) / n).toFixed(1)} ms/op`);
}

try {
  await withDatabase(dataDir, Number(values.port), async (db) => {
    for (const size of sizes) {
      const inboxes = db.collection(`inboxes_${size}`);
      const ids = Array.from({ length: size }, () => new Types.ObjectId());
      const inbox = (id: Types.ObjectId) => ({
        _id: id,
        conversations: entries(10, 'c', () => ({
          readSeq: 0,
          muted: false,
          mentions: 0,
          joinedAt: now,
        })),
        readReceipts: true,
        presence: 'auto',
      });
      for (let i = 0; i < size; i += 500)
        await inboxes.insertMany(ids.slice(i, i + 500).map(inbox));
      const pick = (i: number) => ids[(i * 7) % size];
      await time(`inboxes (${size}): findOne by _id`, 30, (i) => inboxes.findOne({ _id: pick(i) }));
      await time(`inboxes (${size}): updateOne by _id ($set readSeq)`, 30, (i) =>
        inboxes.updateOne({ _id: pick(i) }, { $set: { 'conversations.c1.readSeq': i + 1 } }),
      );
      const convs = db.collection(`conversations_${size}`);
      const cids = Array.from({ length: Math.round(size / 2) }, () => new Types.ObjectId());
      await convs.insertMany(
        cids.map((_id) => ({
          _id,
          kind: 'group',
          members: entries(20, 'p', () => ({ role: 'member', joinedAt: now })),
          lastSeq: 0,
          lastMessage: null,
        })),
      );
      await time(`conversations (${cids.length}): updateOne by _id ($max lastSeq)`, 30, (i) =>
        convs.updateOne({ _id: cids[i % cids.length] }, { $max: { lastSeq: i + 1 } }),
      );
    }
    const messages = db.collection('messages');
    await messages.createIndex({ conversationId: 1, seq: 1 }, { unique: true });
    const conv = new Types.ObjectId();
    await time('messages: insertOne (unique conversationId+seq)', 100, (i) =>
      messages.insertOne({ conversationId: conv, seq: i + 1, body: 'Nachricht', createdAt: now }),
    );
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

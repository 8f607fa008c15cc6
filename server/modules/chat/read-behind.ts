import { logger } from '../../lib/logger';
import { withKeyLock } from '../../lib/keyed-lock';
import { InboxModel, type Inbox } from './inbox.model';
import { getInbox, inboxLockKey, rememberInbox } from './inbox.store';

/**
 * Read positions that moved because a person sent a message, written to the database in batches.
 *
 * Why: on the embedded engine an update by `_id` decodes the whole inbox collection (measured
 * 34–88 ms at 1,000 inboxes, 130–210 ms at 5,000), and every send moved the sender's position —
 * that one write capped the portal at about ten sends per second. The cached inbox changes at
 * once (this instance answers from it); the stored one follows within `FLUSH_MS` with `$max`, so
 * it never goes back. Lost on a crash: at most that much of people's own read positions (their
 * own latest messages would count as unread once) — never a message.
 */
const FLUSH_MS = 2_000;
const pending = new Map<string, Map<string, number>>();
let timer: NodeJS.Timeout | null = null;

export async function deferReadPosition(
  userId: string,
  conversationId: string,
  readSeq: number,
): Promise<void> {
  await withKeyLock(inboxLockKey(userId), async () => {
    const inbox = await getInbox(userId);
    const entry = inbox.conversations[conversationId];
    if (!entry || entry.readSeq >= readSeq) return;
    rememberInbox({
      ...inbox,
      conversations: { ...inbox.conversations, [conversationId]: { ...entry, readSeq } },
    });
  });
  const mine = pending.get(userId) ?? new Map<string, number>();
  mine.set(conversationId, Math.max(mine.get(conversationId) ?? 0, readSeq));
  pending.set(userId, mine);
  timer ??= setTimeout(() => {
    timer = null;
    flushReadPositions().catch((err: unknown) => logger.warn({ err }, 'read positions not saved'));
  }, FLUSH_MS);
  timer.unref();
}

/** Writes every deferred position (also at shutdown). */
export async function flushReadPositions(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batch = [...pending];
  pending.clear();
  for (const [userId, positions] of batch) {
    const $max: Record<string, number> = {};
    for (const [cid, seq] of positions) $max[`conversations.${cid}.readSeq`] = seq;
    await withKeyLock(inboxLockKey(userId), async () => {
      const stored = await InboxModel.findByIdAndUpdate(
        userId,
        { $max },
        {
          returnDocument: 'after',
        },
      ).lean<Inbox>();
      if (stored) rememberInbox(stored);
    }).catch((err: unknown) => logger.warn({ err, userId }, 'read position not saved'));
  }
}

import { withKeyLock } from '../../lib/keyed-lock';
import { logger } from '../../lib/logger';
import { leaveSettings } from './leave-settings';
import { LedgerModel, type Ledger } from './ledger.model';
import { setLedgerEntry } from './ledger.service';
import { leaveIndex, refreshLeave } from './request-index';
import { announce, guardedUpdate, requestLock } from './request.transition';

const DAY_MS = 86_400_000;
/** A ledger entry without its request is removed once it has been an orphan this long. */
export const ORPHAN_AFTER_MS = 10 * 60_000;

/**
 * Escalation: a request pending longer than `settings.escalationDays` gets `escalatedAt` (one
 * guarded update, so HR is told once even if two sweeps overlap). Returns the ids escalated.
 */
export async function escalateOverdue(now = new Date()): Promise<string[]> {
  const { escalationDays } = await leaveSettings();
  const cutoff = now.getTime() - escalationDays * DAY_MS;
  const due = (await leaveIndex())
    .pending()
    .filter(
      (r) => r.status === 'pending' && r.escalatedAt === null && r.createdAt.getTime() <= cutoff,
    );
  const done: string[] = [];
  for (const candidate of due) {
    await withKeyLock(requestLock(candidate.id), async () => {
      const row = await refreshLeave(candidate.id);
      if (!row || row.status !== 'pending' || row.escalatedAt !== null) return;
      const doc = await guardedUpdate(
        row,
        'pending',
        { escalatedAt: now },
        { actorId: null, action: 'escalated', from: 'pending', to: 'pending', comment: '' },
      );
      if (!doc) return;
      done.push(row.id);
      await announce(row.doc, doc, 'escalated', String(row.personId), '');
    });
  }
  return done;
}

/** First sighting of each orphaned ledger entry (`<ledgerId>|<requestId>` → ms). */
const orphanSeen = new Map<string, number>();

/**
 * Repair: a crash between the ledger step and the insert of a new request leaves an entry whose
 * request does not exist. A retry of the create completes it; if none comes, the entry is removed
 * once it has been an orphan for 10 minutes. Returns how many were removed. A rare sweep: the
 * ledger scan is accepted.
 */
export async function repairOrphans(now = new Date()): Promise<number> {
  const ledgers = await LedgerModel.find({}, { personId: 1, year: 1, entries: 1 }).lean<Ledger[]>();
  const index = await leaveIndex();
  const seenNow = new Set<string>();
  let removed = 0;
  for (const l of ledgers) {
    for (const requestId of Object.keys(l.entries ?? {})) {
      if (index.get(requestId)) continue;
      const key = `${l._id}|${requestId}`;
      seenNow.add(key);
      const first = orphanSeen.get(key) ?? now.getTime();
      orphanSeen.set(key, first);
      if (now.getTime() - first < ORPHAN_AFTER_MS) continue;
      // Checked again under the request's lock: a create replay in flight wins.
      await withKeyLock(requestLock(requestId), async () => {
        if (await refreshLeave(requestId)) return;
        await setLedgerEntry({
          personId: l.personId,
          requestId,
          state: null,
          charges: [],
          previousYears: [l.year],
        });
        removed += 1;
        orphanSeen.delete(key);
        logger.warn({ ledger: l._id, requestId }, 'leave ledger: orphaned entry removed');
      });
    }
  }
  for (const key of orphanSeen.keys()) if (!seenNow.has(key)) orphanSeen.delete(key);
  return removed;
}

/** Every 5 minutes (first after one): escalation and repair. Returns a stop function. */
export function startLeaveSweeps(everyMs = 5 * 60_000): () => void {
  const run = () => {
    escalateOverdue().catch((err: unknown) => logger.warn({ err }, 'leave escalation failed'));
    repairOrphans().catch((err: unknown) => logger.warn({ err }, 'leave repair failed'));
  };
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

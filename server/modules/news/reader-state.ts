import { Schema, model } from 'mongoose';
import type { NewsReaction } from '@shared/news/schemas';
import { createKeyedCache } from '../../lib/keyed-cache';

/**
 * One document per reader (`_id` = person id): what they read, acknowledged and reacted to.
 * Read through a per-person cache and written by `_id` only (the embedded engine scans otherwise).
 */
interface ReaderDoc {
  _id: string;
  read: string[];
  acks: Record<string, { round: number; at: Date }>;
  reactions: Record<string, NewsReaction>;
}

const readerSchema = new Schema<ReaderDoc>(
  {
    _id: { type: String, required: true },
    read: { type: [String], default: [] },
    acks: { type: Schema.Types.Mixed, default: {} },
    reactions: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);
export const ReaderModel = model<ReaderDoc>('NewsReader', readerSchema, 'news_readers');

/**
 * How many read article ids a reader document keeps (newest last). Bounds memory: cached readers
 * × READ_CAP ids × ~100 bytes (6,000 × 500 → at most ~300 MB, typically a small fraction).
 * Someone who read more than 500 articles sees only the oldest of them as unread again.
 */
export const READ_CAP = 500;

export interface ReaderState {
  read: Set<string>;
  /** Article id → the acknowledged round and when. */
  acks: Map<string, { round: number; at: Date }>;
  reactions: Map<string, NewsReaction>;
  /** Insertion order of `read` (for trimming to the newest). */
  readOrder: string[];
}

const empty = (): ReaderState => ({
  read: new Set(),
  acks: new Map(),
  reactions: new Map(),
  readOrder: [],
});

const cache = createKeyedCache<ReaderState>({
  name: 'news-readers',
  // The morning peak's active readers; others reload by `_id` on their next visit.
  max: 6_000,
  load: async (personId) => {
    const doc = await ReaderModel.findOne({ _id: personId }).lean<ReaderDoc>();
    if (!doc) return empty();
    const acks = new Map<string, { round: number; at: Date }>();
    for (const [id, a] of Object.entries(doc.acks ?? {})) {
      acks.set(id, { round: Number(a.round), at: new Date(a.at) });
    }
    return {
      read: new Set(doc.read ?? []),
      readOrder: [...(doc.read ?? [])],
      acks,
      reactions: new Map(Object.entries(doc.reactions ?? {})),
    };
  },
});

const clone = (s: ReaderState): ReaderState => ({
  read: new Set(s.read),
  readOrder: [...s.readOrder],
  acks: new Map(s.acks),
  reactions: new Map(s.reactions),
});

export function readerState(personId: string): Promise<ReaderState> {
  return cache.get(personId);
}

// Writes of one reader run one after another, so "first read/acknowledgement" is decided once.
const queues = new Map<string, Promise<unknown>>();
function serial<T>(personId: string, task: () => Promise<T>): Promise<T> {
  const prev = queues.get(personId) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(task);
  queues.set(personId, next);
  void next
    .finally(() => {
      if (queues.get(personId) === next) queues.delete(personId);
    })
    .catch(() => undefined);
  return next;
}

/** Marks an article read; true when this was the reader's first read of it. */
export function markRead(personId: string, articleId: string): Promise<boolean> {
  return serial(personId, async () => {
    const state = await cache.get(personId);
    if (state.read.has(articleId)) return false;
    await ReaderModel.updateOne(
      { _id: personId },
      { $addToSet: { read: articleId } },
      { upsert: true },
    );
    const next = clone(state);
    next.read.add(articleId);
    next.readOrder.push(articleId);
    if (next.readOrder.length > READ_CAP) {
      const keep = next.readOrder.slice(-READ_CAP);
      await ReaderModel.updateOne({ _id: personId }, { $set: { read: keep } });
      next.readOrder = keep;
      next.read = new Set(keep);
    }
    cache.set(personId, next);
    return true;
  });
}

/** Records the acknowledgement of `round`; repeated calls keep the first time. */
export function recordAcknowledgement(
  personId: string,
  articleId: string,
  round: number,
  /** The time the acknowledgement record (dashboard) holds, so both show the same. */
  at: Date = new Date(),
): Promise<{ at: Date; first: boolean }> {
  return serial(personId, async () => {
    const state = await cache.get(personId);
    const existing = state.acks.get(articleId);
    if (existing && existing.round === round) return { at: existing.at, first: false };
    await ReaderModel.updateOne(
      { _id: personId },
      { $set: { [`acks.${articleId}`]: { round, at } } },
      { upsert: true },
    );
    const next = clone(state);
    next.acks.set(articleId, { round, at });
    cache.set(personId, next);
    return { at, first: true };
  });
}

/** Sets (or with null removes) the reader's reaction; returns the one it replaced. */
export function recordReaction(
  personId: string,
  articleId: string,
  reaction: NewsReaction | null,
): Promise<{ previous: NewsReaction | null }> {
  return serial(personId, async () => {
    const state = await cache.get(personId);
    const previous = state.reactions.get(articleId) ?? null;
    if (previous === reaction) return { previous };
    const key = `reactions.${articleId}`;
    await ReaderModel.updateOne(
      { _id: personId },
      reaction ? { $set: { [key]: reaction } } : { $unset: { [key]: '' } },
      { upsert: true },
    );
    const next = clone(state);
    if (reaction) next.reactions.set(articleId, reaction);
    else next.reactions.delete(articleId);
    cache.set(personId, next);
    return { previous };
  });
}

/** For tests that empty the database between cases. */
export function clearReaderCache(): void {
  cache.clear();
}

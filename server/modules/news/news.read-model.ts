import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { readStamp } from '../../lib/stamps';
import { ArticleModel, type Article } from './article.model';

/**
 * Every article's metadata in memory (the embedded engine scans the whole collection for any
 * filter or sort, ~1 s at 5,000 articles). Instances agree through a version stamp
 * (`system/news-version`, a random value replaced after each write). The writing instance patches
 * its own copy and moves the stamp conditionally from the value it knows, so it does not reload;
 * if another instance wrote in between, the condition fails and it reloads.
 */
const VERSION_ID = 'news-version';
interface VersionDoc {
  _id: string;
  v: string;
}

interface Snapshot {
  version: string;
  byId: Map<string, Article>;
  /** Sorted list, rebuilt lazily after patches. */
  sorted: Article[] | null;
}

let state: Snapshot | null = null;
let loading: { version: string; promise: Promise<Snapshot> } | null = null;
// Raised by every local patch: a load that began before it must not replace the patched copy.
let localEpoch = 0;
let writeChain: Promise<unknown> = Promise.resolve();

const versions = () => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return db.collection<VersionDoc>('system');
};

/**
 * Reads the stamp together with the other read models' stamps (one read per request, see
 * `server/lib/stamps.ts`; it also never hands out a read that started before the caller asked).
 */
const currentVersion = (): Promise<string> => readStamp(VERSION_ID);

/** Pinned first, then newest (published, else last changed), then id: a total, stable order. */
export function sortTime(a: Article): number {
  return (a.publishedAt ?? a.publishAt ?? a.updatedAt ?? a.createdAt)?.getTime?.() ?? 0;
}
export function compareArticles(a: Article, b: Article): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  const ta = sortTime(a);
  const tb = sortTime(b);
  if (ta !== tb) return tb - ta;
  const ia = String(a._id);
  const ib = String(b._id);
  return ia < ib ? 1 : ia > ib ? -1 : 0;
}

async function load(version: string): Promise<Snapshot> {
  const docs = await ArticleModel.find({}).lean<Article[]>();
  return { version, byId: new Map(docs.map((d) => [String(d._id), d])), sorted: null };
}

async function fresh(): Promise<Snapshot> {
  const version = await currentVersion();
  if (state && state.version === version) return state;
  if (!loading || loading.version !== version) {
    const epoch = localEpoch;
    const promise = load(version);
    loading = { version, promise };
    promise
      .then((snap) => {
        // A local write during the load: keep the result but force a re-check next time.
        state = epoch === localEpoch ? snap : { ...snap, version: 'stale' };
      })
      .catch(() => undefined)
      .finally(() => {
        if (loading?.promise === promise) loading = null;
      });
  }
  return loading.promise;
}

/** Every article (all states), pinned first then newest; fresh as of the latest write anywhere. */
export async function articleRows(): Promise<Article[]> {
  const snap = await fresh();
  snap.sorted ??= [...snap.byId.values()].sort(compareArticles);
  return snap.sorted;
}

/** One article by id from the read model (null when unknown). */
export async function articleById(id: string): Promise<Article | null> {
  const snap = await fresh();
  return snap.byId.get(id) ?? null;
}

/**
 * After this instance wrote an article: patch the in-memory copy (null = deleted) and move the
 * stamp. Runs one at a time so this instance's own writes never look like someone else's.
 */
export function noteArticleWritten(id: string, doc: Article | null): Promise<void> {
  const task = async () => {
    localEpoch += 1;
    const known = state?.version ?? null;
    if (state) {
      if (doc) state.byId.set(id, doc);
      else state.byId.delete(id);
      state.sorted = null;
    }
    const next = randomUUID();
    const matched =
      known !== null && known !== 'stale'
        ? (await versions().updateOne({ _id: VERSION_ID, v: known }, { $set: { v: next } }))
            .matchedCount === 1
        : false;
    if (matched && state) {
      state.version = next;
      return;
    }
    await versions().updateOne({ _id: VERSION_ID }, { $set: { v: next } }, { upsert: true });
    // Someone else wrote too (or nothing was loaded yet): the next use reloads.
    state = null;
  };
  const run = writeChain.then(task, task);
  writeChain = run.catch(() => undefined);
  return run;
}

/** Re-reads one article from the database and patches it in (after a write whose result we lack). */
export async function refreshArticle(id: string): Promise<Article | null> {
  const doc = await ArticleModel.findOne({ _id: id }).lean<Article>();
  await noteArticleWritten(id, doc);
  return doc;
}

/** For tests that empty the database between cases. */
export function resetNewsReadModel(): void {
  state = null;
  loading = null;
}

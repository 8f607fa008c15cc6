import { Types } from 'mongoose';
import { logger } from '../../lib/logger';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { ArticleModel, HISTORY_CAP, type Article, type HistoryEntry } from './article.model';
import { ArticleBodyModel, type ArticleBody } from './article-body.model';
import { ArticleRevisionModel } from './article-revision.model';
import { noteArticleWritten } from './news.read-model';
import type { NewsAction } from './news.events';

/** Shared write path of the service, the transitions and the scheduler. */

export const articleLock = <T>(id: string, fn: () => Promise<T>) =>
  withKeyLock(`news-article:${id}`, fn);

export function withHistory(
  a: Pick<Article, 'history'>,
  entry: Omit<HistoryEntry, 'byId'> & { byId: string | null },
): HistoryEntry[] {
  const e: HistoryEntry = { ...entry, byId: entry.byId ? new Types.ObjectId(entry.byId) : null };
  return [...a.history, e].slice(-HISTORY_CAP);
}

/**
 * Applies `set` to the article when it still has `expect` (status and rev guard): exactly one of
 * two concurrent writers wins (serialised per article here because the embedded engine does not
 * isolate concurrent updates of one document). Returns the new document, or null when it lost.
 */
export async function guardedUpdate(
  current: Article,
  expect: Partial<Pick<Article, 'status' | 'rev' | 'expiryAnnounced'>>,
  set: Partial<Article>,
): Promise<Article | null> {
  const id = String(current._id);
  return articleLock(id, async () => {
    const updatedAt = new Date();
    const res = await ArticleModel.updateOne(
      { _id: current._id, ...expect },
      { $set: { ...set, updatedAt } },
      { timestamps: false },
    );
    if (res.matchedCount !== 1) return null;
    // The bodies carry the revision too (the body cache trusts only a matching pair).
    if (set.rev !== undefined) {
      await ArticleBodyModel.updateOne({ _id: current._id }, { $set: { rev: set.rev } });
    }
    const next: Article = { ...current, ...set, updatedAt };
    await noteArticleWritten(id, next);
    return next;
  });
}

/** Snapshot of one revision (best effort: the article itself is already written). */
export async function writeRevision(
  a: Article,
  body: Pick<ArticleBody, 'de' | 'en' | 'plain'> | null,
  action: string,
  byId: string | null,
): Promise<void> {
  const id = String(a._id);
  try {
    await ArticleRevisionModel.create({
      _id: `${id}:${a.rev}`,
      articleId: id,
      rev: a.rev,
      at: new Date(),
      byId,
      action,
      snapshot: {
        status: a.status,
        channelId: String(a.channelId),
        variants: JSON.parse(JSON.stringify(a.variants)) as unknown,
        bodies: body ? { de: body.de, en: body.en, plain: body.plain } : null,
        audience: JSON.parse(JSON.stringify(a.audience)) as unknown,
        mandatory: a.mandatory,
        publishAt: a.publishAt,
        expiresAt: a.expiresAt,
        pinned: a.pinned,
        highlighted: a.highlighted,
      },
    });
  } catch (err) {
    // A retried request writes the same revision again: the first one stays.
    if ((err as { code?: number }).code !== 11000) logger.warn({ err, id }, 'news revision failed');
  }
}

// Bodies by `<id>:<rev>` (detail pages); small LRU, bounded by count and by size (a body may
// hold up to 200,000 characters per language).
const BODY_MAX = 500;
export const BODY_CHARS_MAX = 8_000_000;
const bodies = new Map<string, Pick<ArticleBody, 'de' | 'en' | 'plain'>>();
let bodyChars = 0;
const charsOf = (b: Pick<ArticleBody, 'de' | 'en' | 'plain'>) =>
  b.de.length + (b.en?.length ?? 0) + (b.plain?.length ?? 0);

export function rememberBody(
  id: string,
  rev: number,
  body: Pick<ArticleBody, 'de' | 'en' | 'plain'>,
) {
  const key = `${id}:${rev}`;
  const old = bodies.get(key);
  if (old) {
    bodies.delete(key);
    bodyChars -= charsOf(old);
  }
  bodies.set(key, body);
  bodyChars += charsOf(body);
  while (bodies.size > BODY_MAX || (bodyChars > BODY_CHARS_MAX && bodies.size > 1)) {
    const [oldest, b] = bodies.entries().next().value as [string, typeof body];
    bodies.delete(oldest);
    bodyChars -= charsOf(b);
  }
}

/** Characters held by the body cache (tests). */
export const cachedBodyChars = (): number => bodyChars;

export async function articleBody(a: Article): Promise<Pick<ArticleBody, 'de' | 'en' | 'plain'>> {
  const id = String(a._id);
  const hit = bodies.get(`${id}:${a.rev}`);
  if (hit) return hit;
  const doc = await ArticleBodyModel.findOne({ _id: a._id }).lean<ArticleBody>();
  const body = { de: doc?.de ?? '', en: doc?.en ?? null, plain: doc?.plain ?? null };
  // The article is written before its bodies: a reader in between (another instance) must not
  // keep the previous bodies under the new revision.
  if (doc?.rev === a.rev) rememberBody(id, a.rev, body);
  return body;
}

export function publishChange(
  action: NewsAction,
  actorId: string | null,
  before: Article | null,
  after: Article | null,
  newRound = false,
): void {
  const articleId = String((after ?? before)?._id ?? '');
  events.publish('news.changed', { articleId, actorId, action, before, after, newRound });
}

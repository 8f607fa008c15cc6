import { Schema, model } from 'mongoose';
import { newsReactions, type NewsReaction } from '@shared/news/schemas';
import { cluster } from '../../lib/cluster';
import { withKeyLock } from '../../lib/keyed-lock';

/**
 * Hot counters per article (`_id` = article id), kept apart from the article metadata so a read or
 * a reaction never invalidates the news read model. Written with `$inc` by `_id`; all counters are
 * held in memory (one scan on first use) and other instances re-read a key they are told changed.
 */
export interface ArticleStats {
  reads: number;
  comments: number;
  reactions: Partial<Record<NewsReaction, number>>;
}
interface StatsDoc extends ArticleStats {
  _id: string;
}

const statsSchema = new Schema<StatsDoc>(
  {
    _id: { type: String, required: true },
    reads: { type: Number, default: 0 },
    comments: { type: Number, default: 0 },
    reactions: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);
export const StatsModel = model<StatsDoc>('NewsStats', statsSchema, 'news_stats');

const TOPIC = 'cache:news-stats';
const zero = (): ArticleStats => ({ reads: 0, comments: 0, reactions: {} });
const normal = (d: Partial<StatsDoc> | null): ArticleStats => {
  const reactions: Partial<Record<NewsReaction, number>> = {};
  for (const r of newsReactions) {
    const n = Number(d?.reactions?.[r] ?? 0);
    if (n > 0) reactions[r] = n;
  }
  return { reads: Number(d?.reads ?? 0), comments: Number(d?.comments ?? 0), reactions };
};

let all: Map<string, ArticleStats> | null = null;
let loading: Promise<Map<string, ArticleStats>> | null = null;

async function loaded(): Promise<Map<string, ArticleStats>> {
  if (all) return all;
  loading ??= StatsModel.find({})
    .lean<StatsDoc[]>()
    .then((docs) => {
      const map = new Map(docs.map((d) => [d._id, normal(d)]));
      all = map;
      return map;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !all) return;
  const map = all;
  void StatsModel.findOne({ _id: payload })
    .lean<StatsDoc>()
    .then((d) => map.set(payload, normal(d)))
    .catch(() => map.delete(payload));
});

/** Counters for the given articles (zeros for unknown ids). */
export async function articleStats(ids: string[]): Promise<Map<string, ArticleStats>> {
  const map = await loaded();
  return new Map(ids.map((id) => [id, map.get(id) ?? zero()]));
}

async function inc(id: string, fields: Record<string, number>): Promise<ArticleStats> {
  const map = await loaded();
  // The embedded engine loses concurrent updates of one document: one writer per article here.
  await withKeyLock(`news-stats:${id}`, () =>
    StatsModel.updateOne({ _id: id }, { $inc: fields }, { upsert: true }),
  );
  const s = structuredClone(map.get(id) ?? zero());
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'reads') s.reads += v;
    else if (k === 'comments') s.comments += v;
    else {
      const r = k.slice('reactions.'.length) as NewsReaction;
      const n = (s.reactions[r] ?? 0) + v;
      if (n > 0) s.reactions[r] = n;
      else delete s.reactions[r];
    }
  }
  map.set(id, s);
  cluster.broadcast(TOPIC, id);
  return s;
}

export const bumpReads = (id: string) => inc(id, { reads: 1 });
export const bumpComments = (id: string, delta: number) => inc(id, { comments: delta });

/** Moves one reader's reaction from `from` to `to` (either may be null). */
export function bumpReaction(
  id: string,
  from: NewsReaction | null,
  to: NewsReaction | null,
): Promise<ArticleStats> {
  const fields: Record<string, number> = {};
  if (from) fields[`reactions.${from}`] = -1;
  if (to) fields[`reactions.${to}`] = (fields[`reactions.${to}`] ?? 0) + 1;
  return Object.keys(fields).length
    ? inc(id, fields)
    : articleStats([id]).then((m) => m.get(id) ?? zero());
}

/** For tests that empty the database between cases. */
export function clearStatsCache(): void {
  all = null;
}

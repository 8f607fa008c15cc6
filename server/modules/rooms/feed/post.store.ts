import { badRequest } from '../../../lib/errors';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { withKeyLock } from '../../../lib/keyed-lock';
import { RoomPostModel, normalisePost, type StoredPost } from './post.model';

/**
 * The feed cache: per room its newest posts and its pinned posts, in memory. The embedded engine
 * scans `room_posts` for any filter, so the first page of every feed comes from here: primed
 * after start from ONE bulk read, written through by every write on this instance, and dropped
 * on the other instances (they reload that one room). Older pages (`before`) may query.
 */
export const FEED_KEEP = 30;

export interface RoomFeed {
  /** The newest posts that are not deleted (pinned ones included), newest first. */
  recent: StoredPost[];
  /** Pinned posts, most recently pinned first. */
  pinned: StoredPost[];
  /** No older (not deleted) posts exist beyond `recent`. */
  exhausted: boolean;
}

/** Newest first; equal times by id so the order (and the cursor) is total. */
export const newerFirst = (a: StoredPost, b: StoredPost): number =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

const pinOrder = (a: StoredPost, b: StoredPost): number =>
  (b.pinnedAt?.getTime() ?? 0) - (a.pinnedAt?.getTime() ?? 0) || newerFirst(a, b);

function feedOf(posts: StoredPost[], exhausted: boolean): RoomFeed {
  const live = posts.filter((p) => !p.deletedAt).sort(newerFirst);
  return {
    recent: live.slice(0, FEED_KEEP),
    pinned: live.filter((p) => p.pinned).sort(pinOrder),
    exhausted: exhausted && live.length <= FEED_KEEP,
  };
}

async function loadFeed(roomId: string): Promise<RoomFeed> {
  const [recent, pinned] = await Promise.all([
    RoomPostModel.find({ roomId, deletedAt: null })
      .sort({ createdAt: -1, _id: -1 })
      .limit(FEED_KEEP + 1)
      .lean(),
    RoomPostModel.find({ roomId, pinned: true, deletedAt: null }).lean(),
  ]);
  const rows = recent.map(normalisePost);
  const feed = feedOf(rows, rows.length <= FEED_KEEP);
  return { ...feed, pinned: pinned.map(normalisePost).sort(pinOrder) };
}

const feeds = createKeyedCache<RoomFeed>({ name: 'room-feed', max: 10_000, load: loadFeed });

export function roomFeed(roomId: string): Promise<RoomFeed> {
  return feeds.get(roomId);
}

/** A post of this room (deleted ones too), from memory when it is in the feed cache. */
export async function findPost(roomId: string, postId: string): Promise<StoredPost | null> {
  const feed = await feeds.get(roomId);
  const cached =
    feed.recent.find((p) => p._id === postId) ?? feed.pinned.find((p) => p._id === postId);
  if (cached) return cached;
  const doc = await RoomPostModel.findById(postId).lean();
  if (!doc) return null;
  const post = normalisePost(doc);
  return post.roomId === roomId ? post : null;
}

/** Write-through after a successful write of `post` (new, changed, pinned or deleted). */
export async function rememberPost(post: StoredPost): Promise<void> {
  await withKeyLock(`room-feed:${post.roomId}`, async () => {
    const feed = await feeds.get(post.roomId);
    const others = feed.recent.filter((p) => p._id !== post._id);
    let recent = others;
    let exhausted = feed.exhausted;
    if (!post.deletedAt) {
      const oldest = others[others.length - 1];
      const belongs = !oldest || exhausted || newerFirst(post, oldest) < 0;
      if (belongs) recent = [...others, post].sort(newerFirst);
      if (recent.length > FEED_KEEP) {
        recent = recent.slice(0, FEED_KEEP);
        exhausted = false;
      }
    }
    const pinned = feed.pinned.filter((p) => p._id !== post._id);
    if (post.pinned && !post.deletedAt) pinned.push(post);
    feeds.set(post.roomId, { recent, pinned: pinned.sort(pinOrder), exhausted });
  });
}

/** After a write whose outcome is unknown (or another instance won): reload on next use. */
export function forgetFeed(roomId: string): void {
  feeds.invalidate(roomId);
}

// ---- Cursor: "<createdAt ms>.<id>" in base64url (posts have UUID ids, not ObjectIds) ---------

export function encodeFeedCursor(post: Pick<StoredPost, 'createdAt' | '_id'>): string {
  return Buffer.from(`${post.createdAt.getTime()}.${post._id}`, 'utf8').toString('base64url');
}

export function decodeFeedCursor(cursor: string): { at: Date; id: string } {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(raw);
  if (!match) throw badRequest('Invalid cursor');
  return { at: new Date(Number(match[1])), id: (match[2] as string).toLowerCase() };
}

const olderThan = (p: StoredPost, c: { at: Date; id: string }) =>
  p.createdAt.getTime() < c.at.getTime() ||
  (p.createdAt.getTime() === c.at.getTime() && p._id < c.id);

/**
 * One page of the room's posts that are not pinned (pinned ones show above, on the first page),
 * newest first. From memory whenever the cache holds enough; else one query.
 */
export async function feedPage(
  roomId: string,
  limit: number,
  before?: string,
): Promise<{ pinned: StoredPost[]; posts: StoredPost[]; nextCursor: string | null }> {
  const cursor = before ? decodeFeedCursor(before) : null;
  const feed = await feeds.get(roomId);
  const pinned = cursor ? [] : feed.pinned;
  let rows = feed.recent.filter((p) => !p.pinned && (!cursor || olderThan(p, cursor)));
  if (rows.length <= limit && !feed.exhausted) {
    const from = cursor ?? null;
    const filter: Record<string, unknown> = { roomId, deletedAt: null, pinned: { $ne: true } };
    if (from) {
      filter.$or = [{ createdAt: { $lt: from.at } }, { createdAt: from.at, _id: { $lt: from.id } }];
    }
    const docs = await RoomPostModel.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean();
    rows = docs.map(normalisePost);
  }
  const posts = rows.slice(0, limit);
  const last = posts[posts.length - 1];
  const nextCursor = rows.length > limit && last ? encodeFeedCursor(last) : null;
  return { pinned, posts, nextCursor };
}

/** Fills every room's feed from one read of `room_posts` (rooms without posts: empty). */
export async function warmRoomFeeds(roomIds: Iterable<string>): Promise<void> {
  await feeds.prime(async () => {
    const byRoom = new Map<string, StoredPost[]>();
    for (const id of roomIds) byRoom.set(id, []);
    const docs = await RoomPostModel.find({ deletedAt: null }).lean();
    for (const doc of docs) {
      const post = normalisePost(doc);
      const list = byRoom.get(post.roomId);
      if (list) list.push(post);
      else byRoom.set(post.roomId, [post]);
    }
    return [...byRoom].map(
      ([roomId, posts]) => [roomId, feedOf(posts, true)] as [string, RoomFeed],
    );
  });
}

export function clearFeedCache(): void {
  feeds.clear();
}

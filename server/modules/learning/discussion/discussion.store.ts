import { badRequest } from '../../../lib/errors';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { withKeyLock } from '../../../lib/keyed-lock';
import {
  AnnouncementModel,
  normaliseAnnouncement,
  type StoredAnnouncement,
} from './announcement.model';
import { ThreadModel, normaliseThread, type StoredThread } from './thread.model';

/**
 * Per course, its live (not deleted) threads and its announcements in memory. The embedded
 * engine scans the whole collection for any filter, so a course's discussion is read from here:
 * loaded once per course (one query), written through by every write on this instance, dropped
 * on the other instances by the cache's cluster topic (they reload that one course).
 */
export const THREAD_PAGE = 30;

/** Newest activity first; equal times by id so the order (and the cursor) is total. */
export const byActivity = (a: StoredThread, b: StoredThread): number =>
  b.lastActivityAt.getTime() - a.lastActivityAt.getTime() ||
  (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

const newestFirst = (a: StoredAnnouncement, b: StoredAnnouncement): number =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

const threads = createKeyedCache<StoredThread[]>({
  name: 'learning-threads',
  max: 2_000,
  load: async (courseId) =>
    (await ThreadModel.find({ courseId, deletedAt: null }).lean())
      .map(normaliseThread)
      .sort(byActivity),
});

const announcements = createKeyedCache<StoredAnnouncement[]>({
  name: 'learning-announcements',
  max: 2_000,
  load: async (courseId) =>
    (await AnnouncementModel.find({ courseId }).lean())
      .map(normaliseAnnouncement)
      .sort(newestFirst),
});

export function courseThreads(courseId: string): Promise<StoredThread[]> {
  return threads.get(courseId);
}

/** A live thread of this course (null: unknown, deleted, or of another course). */
export async function findThread(courseId: string, threadId: string): Promise<StoredThread | null> {
  return (await threads.get(courseId)).find((t) => t._id === threadId) ?? null;
}

/** Write-through after a successful write of `thread` (new, replied, or deleted). */
export async function rememberThread(thread: StoredThread): Promise<void> {
  await withKeyLock(`learning-threads-cache:${thread.courseId}`, async () => {
    const list = (await threads.get(thread.courseId)).filter((t) => t._id !== thread._id);
    if (!thread.deletedAt) list.push(thread);
    threads.set(thread.courseId, list.sort(byActivity));
  });
}

/** After a write whose outcome is unknown (or another instance won): reload on next use. */
export function forgetThreads(courseId: string): void {
  threads.invalidate(courseId);
}

export function courseAnnouncements(courseId: string): Promise<StoredAnnouncement[]> {
  return announcements.get(courseId);
}

export async function rememberAnnouncement(a: StoredAnnouncement): Promise<void> {
  await withKeyLock(`learning-announcements-cache:${a.courseId}`, async () => {
    const list = (await announcements.get(a.courseId)).filter((x) => x._id !== a._id);
    list.push(a);
    announcements.set(a.courseId, list.sort(newestFirst));
  });
}

function groupBy<T extends { courseId: string }>(rows: T[], courseIds: Iterable<string>) {
  const by = new Map<string, T[]>();
  for (const id of courseIds) by.set(id, []);
  for (const row of rows) {
    const list = by.get(row.courseId);
    if (list) list.push(row);
    else by.set(row.courseId, [row]);
  }
  return by;
}

/**
 * Fills both caches for every course from one bulk read each (courses without posts: empty), so
 * no discussion tab waits on a scan after start.
 */
export async function warmDiscussion(courseIds: Iterable<string>): Promise<void> {
  const ids = [...courseIds];
  await threads.prime(async () => {
    const docs = (await ThreadModel.find({ deletedAt: null }).lean()).map(normaliseThread);
    return [...groupBy(docs, ids)].map(
      ([id, list]) => [id, list.sort(byActivity)] as [string, StoredThread[]],
    );
  });
  await announcements.prime(async () => {
    const docs = (await AnnouncementModel.find({}).lean()).map(normaliseAnnouncement);
    return [...groupBy(docs, ids)].map(
      ([id, list]) => [id, list.sort(newestFirst)] as [string, StoredAnnouncement[]],
    );
  });
}

/** Tests: forget everything. */
export function clearDiscussionCaches(): void {
  threads.clear();
  announcements.clear();
}

// ---- Cursor: "<lastActivityAt ms>.<id>" in base64url (thread ids are UUIDs) -------------------

export function encodeThreadCursor(t: Pick<StoredThread, 'lastActivityAt' | '_id'>): string {
  return Buffer.from(`${t.lastActivityAt.getTime()}.${t._id}`, 'utf8').toString('base64url');
}

export function decodeThreadCursor(cursor: string): { at: number; id: string } {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(raw);
  if (!match) throw badRequest('Invalid cursor');
  return { at: Number(match[1]), id: match[2] as string };
}

/** One page of a course's threads, newest activity first, from memory. */
export async function threadPage(
  courseId: string,
  limit: number,
  after?: string,
): Promise<{ threads: StoredThread[]; nextCursor: string | null }> {
  const from = after ? decodeThreadCursor(after) : null;
  const all = await threads.get(courseId);
  const rows = from
    ? all.filter((t) => {
        const at = t.lastActivityAt.getTime();
        return at < from.at || (at === from.at && t._id < from.id);
      })
    : all;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    threads: page,
    nextCursor: rows.length > limit && last ? encodeThreadCursor(last) : null,
  };
}

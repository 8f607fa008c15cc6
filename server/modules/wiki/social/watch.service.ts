import type { CurrentUser } from '../../auth/current-user';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { withKeyLock } from '../../../lib/keyed-lock';
import { requirePage } from '../access';
import { WikiPageWatchersModel } from './social.model';

/** Watchers of recently used pages in memory (write-through; other instances drop the key). */
const watchers = createKeyedCache<string[]>({
  name: 'wiki-watchers',
  max: 100_000,
  load: async (pageId) =>
    ((await WikiPageWatchersModel.findById(pageId).lean()) as { personIds?: string[] } | null)
      ?.personIds ?? [],
});

const watchLock = (pageId: string) => `wiki-watchers:${pageId}`;

/** Everyone watching the page (not filtered by access: callers re-check with `pageReaders`). */
export async function pageWatchers(pageId: string): Promise<string[]> {
  return watchers.get(pageId);
}

export async function isWatching(pageId: string, personId: string): Promise<boolean> {
  return (await watchers.get(pageId)).includes(personId);
}

/**
 * Adds or removes people with `$addToSet`/`$pullAll` by `_id` (idempotent, so a race between
 * instances cannot lose a watcher), serialised per page here for the embedded engine.
 */
async function change(pageId: string, add: string[], remove: string[]): Promise<void> {
  await withKeyLock(watchLock(pageId), async () => {
    const current = await watchers.get(pageId);
    const toAdd = add.filter((id) => !current.includes(id));
    const toRemove = remove.filter((id) => current.includes(id));
    if (!toAdd.length && !toRemove.length) return;
    if (toAdd.length) {
      await WikiPageWatchersModel.updateOne(
        { _id: pageId },
        { $addToSet: { personIds: { $each: toAdd } } },
        { upsert: true },
      );
    }
    if (toRemove.length) {
      await WikiPageWatchersModel.updateOne({ _id: pageId }, { $pullAll: { personIds: toRemove } });
    }
    const next = [...current.filter((id) => !toRemove.includes(id)), ...toAdd];
    watchers.set(pageId, next);
  });
}

/** Creators and editors start watching a page (no access check: they just wrote it). */
export async function addWatchers(pageId: string, personIds: string[]): Promise<void> {
  await change(pageId, [...new Set(personIds)], []);
}

export async function watchPage(user: CurrentUser, pageId: string): Promise<{ watching: true }> {
  await requirePage(user, pageId, 'read');
  await change(pageId, [user.id], []);
  return { watching: true };
}

/** Unwatching needs read access too (a page one cannot read is not found). */
export async function unwatchPage(user: CurrentUser, pageId: string): Promise<{ watching: false }> {
  await requirePage(user, pageId, 'read');
  await change(pageId, [], [user.id]);
  return { watching: false };
}

/** Fills the watchers of all pages from one read (pages without a document have none). */
export async function warmWatchers(pageIds: Iterable<string>): Promise<void> {
  await watchers.prime(async () => {
    const rows = new Map<string, string[]>();
    for (const id of pageIds) rows.set(id, []);
    const docs = (await WikiPageWatchersModel.find({}).lean()) as {
      _id: string;
      personIds?: string[];
    }[];
    for (const d of docs) rows.set(d._id, d.personIds ?? []);
    return rows;
  });
}

export function clearWatcherCache(): void {
  watchers.clear();
}

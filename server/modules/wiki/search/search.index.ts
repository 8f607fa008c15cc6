import { cluster } from '../../../lib/cluster';
import { events } from '../../../lib/events';
import { logger } from '../../../lib/logger';
import { getPageBody, type PageBody } from '../content/content.service';
import { wikiIndex, type PageMeta, type WikiIndex } from '../page-index';
import { loadAllBodyTexts } from './search.load';
import { indexText, type IndexedText } from './search.text';

/**
 * The text side of the wiki search: the plain text of every page's snapshots (published, and
 * the draft where it differs), folded for matching, in memory. Titles and access come from the
 * page read model at query time, so only content changes concern this index.
 *
 * Loaded lazily with ONE read of the bodies collection (on the embedded engine any other way of
 * reading 10,000 bodies costs a scan each). Afterwards a page is re-read alone (`getPageBody`,
 * one `_id` read) when `wiki.page_changed` says its content or publication changed, or when its
 * row in the page index moved on (`updatedAt`/`publishedAt` differ from what the text was read
 * at: catches writes on other instances), which the writer's instance also announces on the
 * cluster bus.
 */
interface Entry {
  draft: IndexedText | null;
  published: IndexedText | null;
  /** The page row's `updatedAt`/`publishedAt` when the text was read. */
  seen: string;
}

const TOPIC = 'wiki-search:dirty';
/** More stale pages than this at once: one bulk read is cheaper than single reads. */
const BULK_AFTER = 100;

let entries: Map<string, Entry> | null = null;
let loading: Promise<Map<string, Entry>> | null = null;
const dirty = new Set<string>();
let subscribed = false;

const seenOf = (p: PageMeta) =>
  `${p.updatedAt?.getTime?.() ?? 0}|${p.publishedAt?.getTime?.() ?? 0}`;

function entryOf(
  body: PageBody | { draft: string | null; published: string | null },
  seen: string,
): Entry {
  const draftText = typeof body.draft === 'string' ? body.draft : (body.draft?.text ?? null);
  const pubText =
    typeof body.published === 'string' ? body.published : (body.published?.text ?? null);
  const published = pubText === null ? null : indexText(pubText);
  const draft =
    draftText === null ? null : draftText === pubText ? published : indexText(draftText);
  return { draft, published, seen };
}

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  events.on('wiki.page_changed', ({ pageId, change }) => {
    if (
      change === 'content' ||
      change === 'published' ||
      change === 'created' ||
      change === 'restored' ||
      change === 'review_approved'
    ) {
      dirty.add(pageId);
      cluster.broadcast(TOPIC, pageId);
    }
  });
  events.on('wiki.revision_created', ({ pageId, kind }) => {
    if (kind === 'restore' || kind === 'approved') dirty.add(pageId);
  });
  cluster.on(TOPIC, (payload) => {
    if (typeof payload === 'string') dirty.add(payload);
  });
}

async function bulkLoad(index: WikiIndex): Promise<Map<string, Entry>> {
  const texts = await loadAllBodyTexts();
  const next = new Map<string, Entry>();
  // Pages without content get an empty entry, so they are not read again on every search.
  for (const page of index.pages.values()) {
    next.set(
      page.id,
      entryOf(texts.get(page.id) ?? { draft: null, published: null }, seenOf(page)),
    );
  }
  return next;
}

function loadAll(index: WikiIndex): Promise<Map<string, Entry>> {
  loading ??= bulkLoad(index)
    .then((map) => {
      entries = map;
      dirty.clear();
      return map;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** The texts of the pages in `pages` (fresh as described above); pages without content are absent. */
export async function pageTexts(index: WikiIndex, pages: PageMeta[]): Promise<Map<string, Entry>> {
  subscribe();
  const map = entries ?? (await loadAll(index));
  const stale = pages.filter((p) => {
    const e = map.get(p.id);
    return dirty.has(p.id) || !e || e.seen !== seenOf(p);
  });
  if (stale.length > BULK_AFTER) return loadAll(index);
  await Promise.all(
    stale.map(async (p) => {
      dirty.delete(p.id);
      try {
        map.set(p.id, entryOf(await getPageBody(p.id), seenOf(p)));
      } catch (err) {
        dirty.add(p.id);
        logger.warn({ err, pageId: p.id }, 'wiki search: page text not read');
      }
    }),
  );
  return map;
}

export type { Entry as PageTextEntry };

/**
 * Loads the texts in the background (call after start): on the embedded engine the one read of
 * 10,000 bodies takes seconds, which the first search would otherwise wait for.
 */
export function warmWikiSearch(): void {
  subscribe();
  if (entries || loading) return;
  wikiIndex()
    .then((index) => loadAll(index))
    .catch((err: unknown) => logger.warn({ err }, 'wiki search warm-up failed'));
}

/** Tests: forget the texts (the next search reads them again). */
export function resetWikiSearch(): void {
  entries = null;
  dirty.clear();
}

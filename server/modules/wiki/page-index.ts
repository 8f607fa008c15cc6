import { cluster } from '../../lib/cluster';
import { logger } from '../../lib/logger';
import { readStamp, STAMP } from '../../lib/stamps';
import { PageModel, type Page } from './page.model';
import { SpaceModel, type Space } from './space.model';
import { toPageMeta, toSpaceMeta, type PageMeta, type SpaceMeta } from './page-meta';

/**
 * The wiki's read model: every space and the metadata of every page in memory (10,000 pages are
 * a few MB). Reason: on the embedded engine every filtered query decodes the whole collection,
 * and tree, breadcrumbs, access checks and backlinks ask on every request.
 *
 * Spaces (few) reload as a whole when the `wiki` stamp changes (bumped by every space write).
 * Pages are kept fresh row by row: the writer stores what it wrote (`rememberPage`), the other
 * instances reload that ONE page by `_id` (cluster topic), and everything reloads every 10 minutes
 * as a safety net. A row is only replaced by one with a higher or equal `rev`.
 */
export type { PageMeta, SpaceMeta } from './page-meta';
export { toPageMeta, toSpaceMeta } from './page-meta';

export interface WikiIndex {
  pages: Map<string, PageMeta>;
  spaces: Map<string, SpaceMeta>;
  /** Children (archived ones included), sorted by order, then title. */
  children(spaceId: string, parentId: string | null): PageMeta[];
  /** Every page of a space. */
  pagesOf(spaceId: string): PageMeta[];
  /** Ancestors of a page, root first (the page itself excluded). */
  ancestors(pageId: string): PageMeta[];
  /** Every descendant of a page (depth first). */
  descendants(pageId: string): PageMeta[];
  /** Pages whose `links` include this page. */
  linkedFrom(pageId: string): PageMeta[];
}

const TOPIC = 'wiki-page:changed';
const FULL_RELOAD_MS = 10 * 60_000;

const kidKey = (spaceId: string, parentId: string | null) => `${spaceId}|${parentId ?? ''}`;
const bySiblingOrder = (a: PageMeta, b: PageMeta) =>
  a.order - b.order || a.title.localeCompare(b.title, 'de') || (a.id < b.id ? -1 : 1);

class PageStore {
  pages = new Map<string, PageMeta>();
  kids = new Map<string, Set<string>>();
  inSpace = new Map<string, Set<string>>();
  backlinks = new Map<string, Set<string>>();

  private add(map: Map<string, Set<string>>, key: string, id: string) {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(id);
  }

  put(row: PageMeta, force = false): void {
    const old = this.pages.get(row.id);
    if (old && !force && old.rev > row.rev) return;
    if (old) this.unlink(old);
    this.pages.set(row.id, row);
    this.add(this.kids, kidKey(row.spaceId, row.parentId), row.id);
    this.add(this.inSpace, row.spaceId, row.id);
    for (const l of row.links) this.add(this.backlinks, l, row.id);
  }

  private unlink(old: PageMeta) {
    this.kids.get(kidKey(old.spaceId, old.parentId))?.delete(old.id);
    this.inSpace.get(old.spaceId)?.delete(old.id);
    for (const l of old.links) this.backlinks.get(l)?.delete(old.id);
  }

  drop(id: string): void {
    const old = this.pages.get(id);
    if (!old) return;
    this.unlink(old);
    this.pages.delete(id);
  }

  resolve(ids: Iterable<string> | undefined): PageMeta[] {
    const out: PageMeta[] = [];
    for (const id of ids ?? []) {
      const p = this.pages.get(id);
      if (p) out.push(p);
    }
    return out;
  }
}

let store: PageStore | null = null;
let loadedAt = 0;
let loading: Promise<PageStore> | null = null;
let during: PageMeta[] | null = null;
let spaces: { version: string; map: Map<string, SpaceMeta> } | null = null;
let spacesLoading: { version: string; promise: Promise<Map<string, SpaceMeta>> } | null = null;

async function fullLoad(): Promise<PageStore> {
  during = [];
  try {
    const docs = await PageModel.find({}).lean<Page[]>();
    const next = new PageStore();
    for (const d of docs) next.put(toPageMeta(d));
    for (const r of during) next.put(r);
    if (store) for (const r of store.pages.values()) next.put(r);
    store = next;
    loadedAt = Date.now();
    return next;
  } finally {
    during = null;
  }
}

function reloadPages(): Promise<PageStore> {
  loading ??= fullLoad().finally(() => {
    loading = null;
  });
  return loading;
}

async function pageStore(): Promise<PageStore> {
  if (!store) return reloadPages();
  if (Date.now() - loadedAt > FULL_RELOAD_MS && !loading) {
    reloadPages().catch((err: unknown) => logger.warn({ err }, 'wiki page index reload failed'));
  }
  return store;
}

async function spaceMap(): Promise<Map<string, SpaceMeta>> {
  const version = await readStamp(STAMP.wiki);
  if (spaces?.version === version) return spaces.map;
  if (!spacesLoading || spacesLoading.version !== version) {
    const promise = SpaceModel.find({})
      .lean<Space[]>()
      .then((docs) => new Map(docs.map((d) => [String(d._id), toSpaceMeta(d)])));
    spacesLoading = { version, promise };
    promise
      .then((map) => {
        spaces = { version, map };
      })
      .catch(() => undefined)
      .finally(() => {
        if (spacesLoading?.promise === promise) spacesLoading = null;
      });
  }
  return spacesLoading.promise;
}

/** The fresh read model (one shared stamp read; pages are kept fresh by write-through). */
export async function wikiIndex(): Promise<WikiIndex> {
  const [s, spaceById] = await Promise.all([pageStore(), spaceMap()]);
  return {
    pages: s.pages,
    spaces: spaceById,
    children: (spaceId, parentId) =>
      s.resolve(s.kids.get(kidKey(spaceId, parentId))).sort(bySiblingOrder),
    pagesOf: (spaceId) => s.resolve(s.inSpace.get(spaceId)),
    ancestors: (pageId) => {
      const out: PageMeta[] = [];
      const seen = new Set([pageId]);
      let cur = s.pages.get(pageId)?.parentId ?? null;
      while (cur && !seen.has(cur)) {
        seen.add(cur);
        const p = s.pages.get(cur);
        if (!p) break;
        out.unshift(p);
        cur = p.parentId;
      }
      return out;
    },
    descendants: (pageId) => {
      const root = s.pages.get(pageId);
      if (!root) return [];
      const out: PageMeta[] = [];
      const walk = (p: PageMeta) => {
        for (const c of s.resolve(s.kids.get(kidKey(p.spaceId, p.id))).sort(bySiblingOrder)) {
          out.push(c);
          walk(c);
        }
      };
      walk(root);
      return out;
    },
    linkedFrom: (pageId) => s.resolve(s.backlinks.get(pageId)),
  };
}

function apply(row: PageMeta, force = false): void {
  store?.put(row, force);
  during?.push(row);
}

/** After a successful page write on this instance: the new state here, a reload of it elsewhere. */
export function rememberPage(doc: Page): PageMeta {
  const row = toPageMeta(doc);
  apply(row);
  cluster.broadcast(TOPIC, row.id);
  return row;
}

/** After a bulk write on this instance whose result is known (reorder, subtree archive). */
export function rememberPageMeta(row: PageMeta): void {
  apply(row, true);
  cluster.broadcast(TOPIC, row.id);
}

/** Reads one page from the database into the index (after a write with an unknown result). */
export async function refreshPage(id: string): Promise<PageMeta | undefined> {
  const doc = await PageModel.findById(id).lean<Page>();
  if (!doc) {
    store?.drop(id);
    return undefined;
  }
  const row = toPageMeta(doc);
  apply(row, true);
  return row;
}

/** Called by the content service after a snapshot: stores the page's outgoing links. */
export async function setPageLinks(pageId: string, links: string[]): Promise<void> {
  const unique = [...new Set(links)].filter((l) => l !== pageId).sort();
  const cur = (await pageStore()).pages.get(pageId);
  if (cur && cur.links.length === unique.length && cur.links.every((l, i) => l === unique[i]))
    return;
  const doc = await PageModel.findOneAndUpdate(
    { _id: pageId },
    // No rev bump: links follow content, and a rev bump would make open meta forms stale.
    { $set: { links: unique } },
    { returnDocument: 'after', timestamps: false },
  ).lean<Page>();
  if (doc) rememberPage(doc);
}

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !store) return;
  refreshPage(payload).catch((err: unknown) => logger.warn({ err }, 'wiki page reload failed'));
});

/** Tests: forget everything (the next use loads from the database). */
export function resetWikiIndex(): void {
  store = null;
  loadedAt = 0;
  spaces = null;
}

import mongoose from 'mongoose';
import type { TocEntryDTO } from '@shared/wiki/types';
import { createKeyedCache } from '../../../lib/keyed-cache';
import type { StoredBody, StoredSnapshot } from './content.model';

/**
 * What a page view reads per request: the HTML and outline of the published version and (when it
 * differs) of the draft. Kept apart from the full bodies (JSON, text, links) and spread over 16
 * collections by the page id's first hex digit, because the embedded engine scans a whole
 * collection even for an `_id` lookup and the cost grows with its bytes (measured: 10,000 rows of
 * 8 KB ≈ 57 ms p50; a 16th of that ≈ 5 ms). On MongoDB the split costs nothing.
 */
export interface ViewSnapshot {
  html: string;
  toc: TocEntryDTO[];
  at: Date;
}
export interface PageView {
  published: ViewSnapshot | null;
  /** Null when the draft equals the published version. */
  draft: ViewSnapshot | null;
}
interface ViewDoc {
  _id: string;
  published: ViewSnapshot | null;
  draft: ViewSnapshot | null;
}

const BUCKETS = '0123456789abcdef';
export const viewCollectionName = (pageId: string) => {
  const b = pageId.charAt(0).toLowerCase();
  return `wiki_page_views_${BUCKETS.includes(b) ? b : '0'}`;
};
const collection = (pageId: string) =>
  mongoose.connection.collection<ViewDoc>(viewCollectionName(pageId));

const slim = (s: StoredSnapshot | null | undefined): ViewSnapshot | null =>
  s
    ? {
        html: s.html,
        toc: (s.toc ?? []).map((t) => ({
          level: t.level as TocEntryDTO['level'],
          text: t.text,
          anchor: t.anchor,
        })),
        at: s.at,
      }
    : null;

/** The view document of a stored body (also used by the load benchmark's bulk seeding). */
export function viewDocOf(body: Pick<StoredBody, '_id' | 'draft' | 'published'>): ViewDoc {
  const published = slim(body.published);
  const draft = slim(body.draft);
  return {
    _id: body._id,
    published,
    draft: draft && draft.html !== published?.html ? draft : null,
  };
}

/** Loads the full body when no view document exists yet (written before views existed). */
type Fallback = (pageId: string) => Promise<StoredBody | null>;
let fallback: Fallback = async () => null;
export const setViewFallback = (fn: Fallback) => {
  fallback = fn;
};

const views = createKeyedCache<PageView>({
  name: 'wiki-view',
  max: 5_000,
  load: async (pageId) => {
    const row = await collection(pageId).findOne({ _id: pageId });
    if (row) return { published: row.published, draft: row.draft };
    const body = await fallback(pageId);
    if (!body) return { published: null, draft: null };
    const doc = viewDocOf(body);
    await writeView(doc);
    return { published: doc.published, draft: doc.draft };
  },
});

export async function writeView(doc: ViewDoc): Promise<void> {
  try {
    await collection(doc._id).replaceOne({ _id: doc._id }, doc, { upsert: true });
  } finally {
    views.invalidate(doc._id);
  }
}

/** The page view's HTML and outline (cached by page id, invalidated over the cluster bus). */
export const getPageView = (pageId: string): Promise<PageView> => views.get(pageId);

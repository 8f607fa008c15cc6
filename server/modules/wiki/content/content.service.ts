import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { COLLAB_FIELD } from '@shared/wiki/schemas';
import { wikiExtensions } from '@shared/wiki/extensions';
import type { TocEntryDTO } from '@shared/wiki/types';
import { events } from '../../../lib/events';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { withKeyLock } from '../../../lib/keyed-lock';
import { logger } from '../../../lib/logger';
import { PageModel, type Page } from '../page.model';
import { rememberPage, setPageLinks, wikiIndex } from '../page-index';
import { BodyModel, type StoredBody, type StoredSnapshot } from './content.model';
import { liveDocs } from './live-docs';
import { EMPTY_DOC, docJSON, renderSnapshot } from './snapshot';
import { loadDoc, loadState, storeState } from './ydoc.store';
import { createRevision } from './revision.service';
import { setViewFallback, viewDocOf, writeView } from './view.store';

export interface Snapshot {
  html: string;
  text: string;
  toc: TocEntryDTO[];
  links: string[];
  fileIds: string[];
  at: Date;
  revisionId: string | null;
}
export interface PageBody {
  draft: Snapshot | null;
  published: Snapshot | null;
}

let schema: ReturnType<typeof getSchema> | null = null;
/** The ProseMirror schema of wiki pages (built once). */
export const wikiSchema = () => (schema ??= getSchema(wikiExtensions()));

const present = (s: StoredSnapshot | null | undefined): Snapshot | null =>
  s
    ? {
        html: s.html,
        text: s.text,
        toc: (s.toc ?? []).map((t) => ({
          level: t.level as TocEntryDTO['level'],
          text: t.text,
          anchor: t.anchor,
        })),
        links: s.links ?? [],
        fileIds: s.fileIds ?? [],
        at: s.at,
        revisionId: s.revisionId ?? null,
      }
    : null;

const bodies = createKeyedCache<PageBody>({
  name: 'wiki-body',
  max: 2_000,
  load: async (pageId) => {
    const row = await BodyModel.findById(pageId).lean<StoredBody>();
    return { draft: present(row?.draft), published: present(row?.published) };
  },
});

/** Reading bodies: `{ draft, published }` (cached by page id, invalidated over the cluster bus). */
export async function getPageBody(pageId: string): Promise<PageBody> {
  return bodies.get(pageId);
}

/** The stored body with the JSON of both versions (export, review): one `_id` read, not cached. */
export async function storedBody(pageId: string): Promise<StoredBody | null> {
  return BodyModel.findById(pageId).lean<StoredBody>();
}

setViewFallback(storedBody);

const bodyLock = (pageId: string) => `wiki-body:${pageId}`;

export function snapshotOf(
  json: JSONContent,
  pageId: string,
  revisionId: string | null = null,
): StoredSnapshot {
  return {
    ...renderSnapshot(json, pageId),
    json: JSON.stringify(json),
    at: new Date(),
    revisionId,
  };
}

/** Writes the body: the draft, and `published` when given (null leaves it as it is). */
export async function writeBody(
  pageId: string,
  draft: StoredSnapshot,
  published: StoredSnapshot | null,
): Promise<void> {
  await withKeyLock(bodyLock(pageId), async () => {
    const set: Record<string, StoredSnapshot> = { draft };
    if (published) set.published = published;
    try {
      const after = await BodyModel.findOneAndUpdate(
        { _id: pageId },
        { $set: set },
        { upsert: true, returnDocument: 'after' },
      ).lean<StoredBody>();
      if (after) await writeView(viewDocOf(after));
    } finally {
      bodies.invalidate(pageId);
    }
  });
}

/** The page's current document: the live one on this instance, else the stored state. */
export async function currentDoc(pageId: string): Promise<Y.Doc | null> {
  return liveDocs()?.loaded(pageId) ?? (await loadDoc(pageId));
}

/** The latest content as ProseMirror JSON (from the live doc if loaded). For copy and templates. */
export async function pageContentJSON(pageId: string): Promise<JSONContent> {
  const doc = await currentDoc(pageId);
  return doc ? docJSON(doc) : EMPTY_DOC;
}

/** The published version's content (what readers see); the empty document when there is none. */
export async function publishedContentJSON(pageId: string): Promise<JSONContent> {
  const json = (await storedBody(pageId))?.published?.json;
  return json ? (JSON.parse(json) as JSONContent) : EMPTY_DOC;
}

/** Page metadata follows a content change: `updatedAt/updatedBy` (and `publishedAt`). */
async function touchPage(pageId: string, actorId: string | null, published: boolean) {
  const set: Record<string, unknown> = {};
  if (actorId) set.updatedBy = actorId;
  if (published) set.publishedAt = new Date();
  const doc = await PageModel.findOneAndUpdate(
    { _id: pageId },
    Object.keys(set).length ? { $set: set } : { $currentDate: { updatedAt: true } },
    { returnDocument: 'after' },
  ).lean<Page>();
  if (doc) rememberPage(doc);
}

/**
 * After every store of a page's document: render the snapshot, write the body (published too
 * unless the space requires approval), keep links and metadata current, announce the change.
 */
export async function afterContentStored(
  pageId: string,
  doc: Y.Doc,
  actorId: string | null,
): Promise<void> {
  const page = (await wikiIndex()).pages.get(pageId);
  const space = page ? (await wikiIndex()).spaces.get(page.spaceId) : undefined;
  if (!page || !space) return;
  const draft = snapshotOf(docJSON(doc), pageId);
  const publish = !space.approvalRequired;
  const before = await getPageBody(pageId);
  if (
    before.draft?.html === draft.html &&
    before.published &&
    (!publish || before.published.html === draft.html)
  ) {
    return;
  }
  await writeBody(pageId, draft, publish ? draft : null);
  // The page services write metadata under the same per-page lock.
  await withKeyLock(`wiki-page:${pageId}`, async () => {
    if ([...page.links].sort().join() !== draft.links.join()) {
      await setPageLinks(pageId, draft.links);
    }
    await touchPage(pageId, actorId, publish);
  });
  events.publish('wiki.page_changed', {
    pageId,
    spaceId: page.spaceId,
    actorId,
    change: 'content',
    accessChanged: false,
    treeChanged: false,
  });
}

/**
 * Idempotent: writes the initial Y doc + body + `created` revision unless the page has content
 * already. The initial version is published at once (also with approval: it is the page's start).
 */
export async function seedPageContent(
  pageId: string,
  json: JSONContent | null,
  actorId: string,
  opts: {
    /**
     * What readers see at first when it must differ from the content (spaces with approval: a
     * copy starts with its source's published version, a page from a template empty), so an
     * unapproved draft is never published by copying.
     */
    published?: JSONContent | null;
  } = {},
): Promise<void> {
  if (await loadState(pageId)) return;
  const doc = prosemirrorJSONToYDoc(wikiSchema(), json ?? EMPTY_DOC, COLLAB_FIELD);
  const written = await storeState(pageId, Y.encodeStateAsUpdate(doc), {
    dirty: false,
    onlyIfMissing: true,
  });
  if (!written) return;
  const rev = await createRevision(pageId, 'created', actorId, { doc, force: true });
  const snap = snapshotOf(docJSON(doc), pageId, rev?.id ?? null);
  const published =
    opts.published === undefined ? snap : snapshotOf(opts.published ?? EMPTY_DOC, pageId);
  await writeBody(pageId, snap, published);
  if (snap.links.length) await setPageLinks(pageId, snap.links);
}

export function logStoreError(pageId: string, err: unknown): void {
  logger.error({ err, pageId }, 'wiki content store failed');
}

import * as Y from 'yjs';
import { Types } from 'mongoose';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { COLLAB_FIELD } from '@shared/wiki/schemas';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import { wikiIndex } from '../page-index';
import {
  RevisionListModel,
  RevisionModel,
  type RevisionKind,
  type RevisionMeta,
  type StoredRevision,
} from './revision.model';
import { docJSON } from './snapshot';
import { afterContentStored, currentDoc, snapshotOf, wikiSchema } from './content.service';
import { liveDocs } from './live-docs';
import { loadState, markKept, storeState } from './ydoc.store';

/**
 * Kept versions of a page. A revision holds the Y state, the JSON, the sanitised HTML and the
 * text; the page's list of revisions is one document (`wiki_revision_lists`, `_id` = page id).
 */

const listLock = (pageId: string) => `wiki-revisions:${pageId}`;

export async function revisionList(pageId: string): Promise<RevisionMeta[]> {
  const row = await RevisionListModel.findById(pageId).lean<{ items?: RevisionMeta[] }>();
  return (row?.items ?? []).slice().sort((a, b) => b.number - a.number);
}

export async function findRevision(
  pageId: string,
  revisionId: string,
): Promise<StoredRevision | null> {
  if (!Types.ObjectId.isValid(revisionId)) return null;
  const row = await RevisionModel.findById(revisionId).lean<StoredRevision>();
  return row && row.pageId === pageId ? row : null;
}

export const revisionJSON = (r: StoredRevision): JSONContent => JSON.parse(r.json) as JSONContent;

/**
 * Keeps the page's current content as a revision. Unless `force`, only when something changed
 * since the last one (idle revisions). Returns null when nothing was kept.
 */
export async function createRevision(
  pageId: string,
  kind: RevisionKind,
  actorId: string | null,
  opts: { doc?: Y.Doc; note?: string | null; force?: boolean } = {},
): Promise<RevisionMeta | null> {
  return withKeyLock(listLock(pageId), async () => {
    const stored = await loadState(pageId);
    if (!opts.force && !stored?.dirty) return null;
    const doc = opts.doc ?? (await currentDoc(pageId));
    if (!doc) return null;
    const page = (await wikiIndex()).pages.get(pageId);
    const json = docJSON(doc);
    const snap = snapshotOf(json, pageId);
    const authorIds = [
      ...new Set([
        ...(stored?.authorIds ?? []),
        ...(kind === 'manual' && actorId ? [actorId] : []),
      ]),
    ];
    const list = await revisionList(pageId);
    let number = (list[0]?.number ?? 0) + 1;
    const content = {
      pageId,
      kind,
      note: opts.note ?? null,
      authorIds,
      createdBy: actorId,
      title: page?.title ?? '',
      state: Buffer.from(Y.encodeStateAsUpdate(doc)),
      json: snap.json,
      html: snap.html,
      text: snap.text,
    };
    // The unique (page, number) index is the claim: a number another instance took is skipped.
    let created;
    for (;;) {
      try {
        created = await RevisionModel.create({ ...content, number });
        break;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000 || number > (list[0]?.number ?? 0) + 50) {
          throw err;
        }
        number += 1;
      }
    }
    const meta: RevisionMeta = {
      id: String(created._id),
      number,
      kind,
      note: opts.note ?? null,
      authorIds,
      createdBy: actorId,
      createdAt: created.createdAt as Date,
      title: page?.title ?? '',
    };
    await RevisionListModel.updateOne(
      { _id: pageId },
      { $push: { items: meta } },
      { upsert: true },
    );
    if (stored) await markKept(pageId, stored.updatedAt, stored.authorIds);
    if (page) {
      events.publish('wiki.revision_created', {
        pageId,
        spaceId: page.spaceId,
        revisionId: meta.id,
        kind,
        authorIds,
      });
    }
    return meta;
  });
}

/** Replaces a document's content with `json` in one transaction. */
export function replaceContent(doc: Y.Doc, json: JSONContent): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(COLLAB_FIELD);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(wikiSchema(), json, fragment);
  });
}

/**
 * Replaces a page's content: through the live document when a co-editing server runs here
 * (connected editors see it at once, other instances through Redis), else on the stored state.
 */
export async function setPageContent(
  pageId: string,
  json: JSONContent,
  actorId: string,
): Promise<void> {
  const live = liveDocs();
  if (live) {
    await live.change(pageId, actorId, (doc) => replaceContent(doc, json));
    return;
  }
  const doc = (await currentDoc(pageId)) ?? new Y.Doc();
  replaceContent(doc, json);
  await storeState(pageId, Y.encodeStateAsUpdate(doc), { dirty: true, authorIds: [actorId] });
  await afterContentStored(pageId, doc, actorId);
}

/**
 * Puts an old version back: through the live document when a co-editing server runs here
 * (connected editors see it at once, other instances through Redis), else on the stored state.
 * Then keeps a `restore` revision.
 */
export async function restoreRevision(
  pageId: string,
  revision: StoredRevision,
  actorId: string,
): Promise<RevisionMeta | null> {
  await setPageContent(pageId, revisionJSON(revision), actorId);
  return createRevision(pageId, 'restore', actorId, { force: true, note: `#${revision.number}` });
}

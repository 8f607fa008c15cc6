import * as Y from 'yjs';
import { withKeyLock } from '../../../lib/keyed-lock';
import { YdocModel } from './content.model';

/**
 * The persisted Yjs state of a page (`wiki_ydocs`, `_id` = page id). Writes merge the stored
 * update with the new one, so a store never drops changes another instance wrote first.
 */

const lockKey = (pageId: string) => `wiki-ydoc:${pageId}`;

interface YdocRow {
  _id: string;
  state: Buffer | { buffer: Uint8Array };
  authorIds?: string[];
  dirty?: boolean;
  updatedAt?: Date;
}

export const toBytes = (v: Buffer | { buffer: Uint8Array } | Uint8Array): Uint8Array =>
  v instanceof Uint8Array ? v : new Uint8Array(v.buffer);

export async function loadState(
  pageId: string,
): Promise<{ state: Uint8Array; authorIds: string[]; dirty: boolean; updatedAt: Date } | null> {
  const row = await YdocModel.findById(pageId).lean<YdocRow>();
  if (!row) return null;
  return {
    state: toBytes(row.state),
    authorIds: row.authorIds ?? [],
    dirty: !!row.dirty,
    updatedAt: row.updatedAt ?? new Date(0),
  };
}

/** A fresh Y.Doc holding the stored state (null when the page has none). */
export async function loadDoc(pageId: string): Promise<Y.Doc | null> {
  const stored = await loadState(pageId);
  if (!stored) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored.state);
  return doc;
}

/**
 * Stores a document's state (merged with what is stored). `authorIds` are added to the editors
 * since the last revision; `dirty` marks changes no revision holds (false: a revision was just
 * taken of exactly this state).
 */
export async function storeState(
  pageId: string,
  update: Uint8Array,
  opts: { authorIds?: string[]; dirty: boolean; onlyIfMissing?: boolean },
): Promise<boolean> {
  return withKeyLock(lockKey(pageId), async () => {
    const row = await YdocModel.findById(pageId).lean<YdocRow>();
    if (row && opts.onlyIfMissing) return false;
    const state = row ? Y.mergeUpdates([toBytes(row.state), update]) : update;
    const authorIds = opts.dirty
      ? [...new Set([...(row?.authorIds ?? []), ...(opts.authorIds ?? [])])]
      : [];
    await YdocModel.updateOne(
      { _id: pageId },
      {
        $set: {
          state: Buffer.from(state),
          authorIds,
          dirty: opts.dirty,
          updatedAt: new Date(),
        },
      },
      { upsert: true },
    );
    return true;
  });
}

/**
 * After a revision of the state stored at `seenAt`: those editors are no longer pending, and the
 * document is clean unless another store came in meanwhile.
 */
export async function markKept(pageId: string, seenAt: Date, authorIds: string[]): Promise<void> {
  await withKeyLock(lockKey(pageId), async () => {
    const row = await YdocModel.findById(pageId).lean<YdocRow>();
    if (!row) return;
    const newer = (row.updatedAt?.getTime() ?? 0) > seenAt.getTime();
    const kept = new Set(authorIds);
    await YdocModel.updateOne(
      { _id: pageId },
      {
        $set: {
          authorIds: newer ? (row.authorIds ?? []).filter((a) => !kept.has(a)) : [],
          dirty: newer && !!row.dirty,
        },
      },
    );
  });
}

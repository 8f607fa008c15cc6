import type { Hocuspocus, Connection } from '@hocuspocus/server';
import { parseCollabDocName } from '@shared/wiki/schemas';
import { cluster } from '../../../lib/cluster';
import { events } from '../../../lib/events';
import { logger } from '../../../lib/logger';
import { pageAccess, viewerById } from '../access';
import { refreshPage, wikiIndex } from '../page-index';
import type { CollabContext } from './collab.server';

/**
 * Open co-editing connections follow permission changes: when who may read or edit a page may
 * have changed (page or space events with `accessChanged`, archive/restore/move), every
 * connection of the affected pages is checked again and closed if its person may no longer read,
 * or may no longer edit while connected for editing (the client reconnects read-only), on every
 * instance (the other instances hear of it over the cluster bus). Logout,
 * revocation and deactivation close whole WebSockets on every instance (`collab.sessions.ts`).
 */

const userOf = (c: Connection) => (c.context as Partial<CollabContext> | undefined)?.user;

function connectionsOf(hocuspocus: Hocuspocus, match: (pageId: string) => boolean) {
  const out: { pageId: string; connection: Connection }[] = [];
  for (const [name, doc] of hocuspocus.documents) {
    const pageId = parseCollabDocName(name);
    if (!pageId || !match(pageId)) continue;
    for (const connection of doc.getConnections()) out.push({ pageId, connection });
  }
  return out;
}

/** Re-checks the connections of these pages; returns how many were closed. */
export async function recheckCollab(
  hocuspocus: Hocuspocus,
  match: (pageId: string) => boolean,
  onlyPersonId?: string,
): Promise<number> {
  let closed = 0;
  for (const { pageId, connection } of connectionsOf(hocuspocus, match)) {
    const user = userOf(connection);
    if (onlyPersonId && user?.id !== onlyPersonId) continue;
    // Fresh from the directory: the connection's user object may carry old roles.
    const viewer = user ? await viewerById(user.id) : null;
    const access = viewer ? await pageAccess(viewer, pageId) : null;
    if (!access || (!access.abilities.edit && !connection.readOnly)) {
      connection.close({ code: 4403, reason: 'forbidden' });
      closed += 1;
    }
  }
  return closed;
}

const ACCESS_CHANGES = new Set(['archived', 'restored', 'moved', 'restriction']);
const TOPIC = 'wiki-collab:recheck';

/** What to re-check; events arrive only on the instance that wrote, so it travels the cluster bus. */
type Recheck = { pageId: string } | { spaceId: string } | { personId: string };

function parseRecheck(payload: unknown): Recheck | null {
  const p = payload as Partial<Record<'pageId' | 'spaceId' | 'personId', unknown>> | null;
  if (typeof p?.pageId === 'string') return { pageId: p.pageId };
  if (typeof p?.spaceId === 'string') return { spaceId: p.spaceId };
  if (typeof p?.personId === 'string') return { personId: p.personId };
  return null;
}

async function recheck(hocuspocus: Hocuspocus, r: Recheck, fromOtherInstance: boolean) {
  if ('personId' in r) return recheckCollab(hocuspocus, () => true, r.personId);
  if ('spaceId' in r) {
    const index = await wikiIndex();
    return recheckCollab(
      hocuspocus,
      (id) => index.pages.get(id)?.spaceId === r.spaceId || !index.pages.has(id),
    );
  }
  const before = await wikiIndex();
  const subtree = [r.pageId, ...before.descendants(r.pageId).map((p) => p.id)];
  // The writer's row broadcasts may still be loading here: read the affected rows now.
  if (fromOtherInstance) for (const id of subtree) await refreshPage(id);
  const index = await wikiIndex();
  const affected = new Set([r.pageId, ...index.descendants(r.pageId).map((p) => p.id), ...subtree]);
  return recheckCollab(hocuspocus, (id) => affected.has(id));
}

export function watchCollabAccess(hocuspocus: Hocuspocus): () => void {
  const failed = (err: unknown) => logger.warn({ err }, 'collab access re-check failed');
  const everywhere = (r: Recheck) => {
    cluster.broadcast(TOPIC, r);
    return recheck(hocuspocus, r, false).catch(failed);
  };
  const offs = [
    events.on('wiki.page_changed', async (e) => {
      if (!e.accessChanged && !ACCESS_CHANGES.has(e.change)) return;
      await everywhere({ pageId: e.pageId });
    }),
    events.on('wiki.space_changed', async (e) => {
      if (e.accessChanged) await everywhere({ spaceId: e.spaceId });
    }),
    // Roles or unit changed: their spaces' audiences may no longer include them.
    events.on('person.updated', async (e) => {
      await everywhere({ personId: e.personId });
    }),
    cluster.on(TOPIC, (payload) => {
      const r = parseRecheck(payload);
      if (r) recheck(hocuspocus, r, true).catch(failed);
    }),
  ];
  return () => offs.forEach((off) => off());
}

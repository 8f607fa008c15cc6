import type { Hocuspocus, Connection } from '@hocuspocus/server';
import { parseCollabDocName } from '@shared/wiki/schemas';
import { events } from '../../../lib/events';
import { logger } from '../../../lib/logger';
import { pageAccess, viewerById } from '../access';
import { wikiIndex } from '../page-index';
import type { CollabContext } from './collab.server';

/**
 * Open co-editing connections follow permission changes: when who may read or edit a page may
 * have changed (page or space events with `accessChanged`, archive/restore/move), every
 * connection of the affected pages is checked again and closed if its person may no longer read,
 * or may no longer edit while connected for editing (the client reconnects read-only). Logout,
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

export function watchCollabAccess(hocuspocus: Hocuspocus): () => void {
  const failed = (err: unknown) => logger.warn({ err }, 'collab access re-check failed');
  const offs = [
    events.on('wiki.page_changed', async (e) => {
      if (!e.accessChanged && !ACCESS_CHANGES.has(e.change)) return;
      const index = await wikiIndex();
      const affected = new Set([e.pageId, ...index.descendants(e.pageId).map((p) => p.id)]);
      await recheckCollab(hocuspocus, (id) => affected.has(id)).catch(failed);
    }),
    events.on('wiki.space_changed', async (e) => {
      if (!e.accessChanged) return;
      const index = await wikiIndex();
      await recheckCollab(
        hocuspocus,
        (id) => index.pages.get(id)?.spaceId === e.spaceId || !index.pages.has(id),
      ).catch(failed);
    }),
    // Roles or unit changed: their spaces' audiences may no longer include them.
    events.on('person.updated', async (e) => {
      await recheckCollab(hocuspocus, () => true, e.personId).catch(failed);
    }),
  ];
  return () => offs.forEach((off) => off());
}

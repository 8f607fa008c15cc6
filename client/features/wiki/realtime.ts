import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ServerToClientEvents } from '@shared/realtime/events';
import type { PageDTO } from '@shared/wiki/types';
import { createIdFlags } from '../../lib/id-flags';
import { useSocket, type PortalSocket } from '../../lib/socket';
import { listenToServer } from '../../lib/socket-events';
import { wikiKeys } from './keys';

type P<K extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[K]>[0];

// --- "Kein Zugriff mehr": ids of spaces/pages this tab lost while showing them ---
const lost = createIdFlags();

/** True once the server said the viewer may no longer read this space or page. */
export function useAccessLost(id: string | undefined): boolean {
  return lost.useHas(id);
}
/** Forget a loss (a fresh, successful load shows the view again). */
export function clearAccessLost(id: string): void {
  lost.delete(id);
}

export function onWikiTree(qc: QueryClient, { spaceId }: P<'wiki:tree'>) {
  void qc.invalidateQueries({ queryKey: wikiKeys.tree(spaceId) });
  // Archive, stale and template lists hang off the same tree changes.
  void qc.invalidateQueries({ queryKey: wikiKeys.archive(spaceId) });
  void qc.invalidateQueries({ queryKey: wikiKeys.stale(spaceId) });
  void qc.invalidateQueries({ queryKey: wikiKeys.templates(spaceId) });
}

export function onWikiPage(qc: QueryClient, { pageId }: P<'wiki:page'>) {
  void qc.invalidateQueries({ queryKey: wikiKeys.page(pageId), exact: true });
  void qc.invalidateQueries({ queryKey: wikiKeys.revisions(pageId) });
  void qc.invalidateQueries({ queryKey: wikiKeys.backlinks(pageId) });
  void qc.invalidateQueries({ queryKey: wikiKeys.files(pageId) });
}

export function onWikiComments(qc: QueryClient, { pageId, commentCount }: P<'wiki:comments'>) {
  qc.setQueryData<PageDTO>(wikiKeys.page(pageId), (old) => (old ? { ...old, commentCount } : old));
  void qc.invalidateQueries({ queryKey: wikiKeys.comments(pageId) });
}

export function onWikiSpaces(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: wikiKeys.spaces() });
  // Roles may have changed: abilities of open spaces too.
  void qc.invalidateQueries({
    predicate: (q) =>
      q.queryKey[0] === 'wiki' && q.queryKey[1] === 'space' && q.queryKey.length === 3,
  });
}

export function onWikiAccessLost(qc: QueryClient, { spaceId, pageId }: P<'wiki:access-lost'>) {
  if (pageId) {
    qc.removeQueries({ queryKey: wikiKeys.page(pageId) });
  } else {
    qc.removeQueries({ queryKey: wikiKeys.space(spaceId) });
    // Every cached page of that space goes too.
    qc.removeQueries({
      predicate: (q) =>
        q.queryKey[0] === 'wiki' &&
        q.queryKey[1] === 'page' &&
        (q.state.data as PageDTO | undefined)?.spaceId === spaceId,
    });
  }
  void qc.invalidateQueries({ queryKey: wikiKeys.spaces() });
  lost.add(pageId || spaceId);
}

/** Wires the socket's wiki events into the query cache (mounted once, in the realtime bridge). */
export function useWikiRealtime(socket: PortalSocket | null): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    return listenToServer(
      socket,
      {
        'wiki:tree': (p) => onWikiTree(qc, p),
        'wiki:page': (p) => onWikiPage(qc, p),
        'wiki:comments': (p) => onWikiComments(qc, p),
        'wiki:spaces': () => onWikiSpaces(qc),
        'wiki:access-lost': (p) => onWikiAccessLost(qc, p),
      },
      // Missed packets after an unrecovered reconnect: everything of the wiki again.
      () => void qc.invalidateQueries({ queryKey: wikiKeys.all }),
    );
  }, [socket, qc]);
}

/**
 * While a space is shown: join its room (again after every reconnect: new sessions have no rooms).
 * The tree may have been read before the join took effect; a change in between sent its event to
 * nobody here, so the first join reads the tree once more.
 */
export function useWatchSpace(spaceId: string | undefined): void {
  const socket = useSocket();
  const qc = useQueryClient();
  useEffect(() => {
    if (!socket || !spaceId) return;
    let first = true;
    const watch = () =>
      socket.emit('wiki:watch-space', { spaceId }, (ack) => {
        if (!first || !('ok' in ack)) return;
        first = false;
        void qc.invalidateQueries({ queryKey: wikiKeys.tree(spaceId) });
      });
    if (socket.connected) watch();
    socket.on('connect', watch);
    return () => {
      socket.off('connect', watch);
      if (socket.connected) socket.emit('wiki:unwatch-space', { spaceId });
    };
  }, [socket, spaceId, qc]);
}

/** While a page is shown: join its room (`wiki:page`, `wiki:comments`). */
export function useWatchPage(pageId: string | undefined): void {
  const socket = useSocket();
  useEffect(() => {
    if (!socket || !pageId) return;
    const watch = () => socket.emit('wiki:watch-page', { pageId }, () => undefined);
    if (socket.connected) watch();
    socket.on('connect', watch);
    return () => {
      socket.off('connect', watch);
      if (socket.connected) socket.emit('wiki:unwatch-page', { pageId });
    };
  }, [socket, pageId]);
}

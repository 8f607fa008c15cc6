import { objectId } from '@shared/http/fields';
import { pageId as pageIdSchema } from '@shared/wiki/schemas';
import type { PortalSocket, Realtime } from '../../realtime';
import type { CurrentUser } from '../auth/current-user';
import { events } from '../../lib/events';
import { auditRefusedJoin } from '../audit/deny';
import { pageAccessIn, spaceAccessIn, viewerById, type WikiViewer } from './access';
import { wikiIndex, type WikiIndex } from './page-index';
import { commentCount } from './social/comment.service';

export const spaceRoom = (spaceId: string) => `wiki-space:${spaceId}`;
export const pageRoom = (pageId: string) => `wiki-page:${pageId}`;

type Check = (index: WikiIndex, viewer: WikiViewer | null) => boolean;
const canReadSpace =
  (spaceId: string): Check =>
  (index, viewer) =>
    viewer !== null && spaceAccessIn(index, viewer, spaceId) !== null;
const canReadPage =
  (pageId: string): Check =>
  (index, viewer) =>
    viewer !== null && pageAccessIn(index, viewer, pageId) !== null;

/**
 * One viewer per person per pass (several tabs share it), read fresh from the directory: a
 * socket's user is its handshake's copy, hours old for roles and unit (null: inactive).
 */
function viewerCache() {
  const viewers = new Map<string, Promise<WikiViewer | null>>();
  return (user: CurrentUser) => {
    let v = viewers.get(user.id);
    if (!v) viewers.set(user.id, (v = viewerById(user.id)));
    return v;
  };
}

/**
 * Sends an event to a room, re-checking every socket's person against the policy first: a socket
 * that may no longer read leaves the room and is told (`wiki:access-lost`) instead.
 */
async function toRoomChecked(
  realtime: Realtime,
  room: string,
  may: Check,
  lost: { spaceId: string; pageId: string | null },
  send: ((socket: { emit: PortalSocket['emit'] }) => void) | null,
): Promise<void> {
  const [sockets, index] = await Promise.all([realtime.io.in(room).fetchSockets(), wikiIndex()]);
  const viewer = viewerCache();
  await Promise.all(
    sockets.map(async (socket) => {
      const user = socket.data.user;
      if (user && may(index, await viewer(user))) {
        send?.(socket);
        return;
      }
      socket.leave(room);
      socket.emit('wiki:access-lost', lost);
    }),
  );
}

/** Re-checks the space room and the page rooms of a page and its descendants. */
async function recheckPage(realtime: Realtime, pageId: string, spaceId: string) {
  const index = await wikiIndex();
  const ids = [pageId, ...index.descendants(pageId).map((p) => p.id)];
  await Promise.all(
    ids.map((id) =>
      toRoomChecked(realtime, pageRoom(id), canReadPage(id), { spaceId, pageId: id }, null),
    ),
  );
}

async function recheckSpace(realtime: Realtime, spaceId: string) {
  const index = await wikiIndex();
  await toRoomChecked(
    realtime,
    spaceRoom(spaceId),
    canReadSpace(spaceId),
    { spaceId, pageId: null },
    null,
  );
  await Promise.all(
    index
      .pagesOf(spaceId)
      .map((p) =>
        toRoomChecked(realtime, pageRoom(p.id), canReadPage(p.id), { spaceId, pageId: p.id }, null),
      ),
  );
}

/** `wiki:spaces` to every connected person who can read the space now, and to whoever is named. */
async function announceSpaces(realtime: Realtime, spaceId: string, also: string[]) {
  const [sockets, index] = await Promise.all([realtime.io.fetchSockets(), wikiIndex()]);
  const viewer = viewerCache();
  const told = new Set(also);
  for (const id of also) realtime.toUser(id, 'wiki:spaces', {});
  const readers = new Set<string>();
  for (const s of sockets) {
    const user = s.data.user;
    if (!user || told.has(user.id) || readers.has(user.id)) continue;
    if (canReadSpace(spaceId)(index, await viewer(user))) readers.add(user.id);
  }
  for (const id of readers) realtime.toUser(id, 'wiki:spaces', {});
}

type WatchReply = (r: { ok: true } | { error: 'forbidden' }) => void;
const idIn = (payload: unknown, key: 'spaceId' | 'pageId') =>
  (payload as Record<string, unknown> | null)?.[key];

/** Joins `room` if the person (read fresh) passes `may`; the ack says whether. */
function joinChecked(
  socket: PortalSocket,
  event: 'wiki:watch-space' | 'wiki:watch-page',
  parsed: { success: boolean; data?: string },
  room: (id: string) => string,
  may: (id: string) => Check,
  ack: unknown,
) {
  const reply: WatchReply = typeof ack === 'function' ? (ack as WatchReply) : () => undefined;
  const id = parsed.success && parsed.data ? parsed.data.toLowerCase() : null;
  const type = event === 'wiki:watch-space' ? 'wiki_space' : 'wiki_page';
  const refuse = () =>
    auditRefusedJoin(socket.data.user.id, event, { type, id }).then(() =>
      reply({ error: 'forbidden' }),
    );
  if (!id) return void refuse();
  Promise.all([wikiIndex(), viewerById(socket.data.user.id)])
    .then(async ([index, viewer]) => {
      if (!may(id)(index, viewer)) return refuse();
      await socket.join(room(id));
      reply({ ok: true });
    })
    .catch(() => refuse());
}

function onWatch(socket: PortalSocket) {
  socket.on('wiki:watch-space', (payload, ack) =>
    joinChecked(
      socket,
      'wiki:watch-space',
      objectId.safeParse(idIn(payload, 'spaceId')),
      spaceRoom,
      canReadSpace,
      ack,
    ),
  );
  socket.on('wiki:unwatch-space', (payload) => {
    const id = objectId.safeParse(idIn(payload, 'spaceId'));
    if (id.success) void socket.leave(spaceRoom(id.data.toLowerCase()));
  });
  socket.on('wiki:watch-page', (payload, ack) =>
    joinChecked(
      socket,
      'wiki:watch-page',
      pageIdSchema.safeParse(idIn(payload, 'pageId')),
      pageRoom,
      canReadPage,
      ack,
    ),
  );
  socket.on('wiki:unwatch-page', (payload) => {
    const id = pageIdSchema.safeParse(idIn(payload, 'pageId'));
    if (id.success) void socket.leave(pageRoom(id.data.toLowerCase()));
  });
}

const TREE_CHANGES = new Set(['created', 'archived', 'restored', 'moved']);

/**
 * Live wiki: watch requests (policy-checked), invalidations to the space and page rooms (each
 * socket re-checked before it hears anything), and removal of watchers who lost access.
 */
export function registerWikiRealtime(realtime: Realtime): () => void {
  realtime.io.on('connection', onWatch);
  const offs = [
    events.on('wiki.page_changed', async (e) => {
      if (e.accessChanged) await recheckPage(realtime, e.pageId, e.spaceId);
      if (e.treeChanged || TREE_CHANGES.has(e.change)) {
        await toRoomChecked(
          realtime,
          spaceRoom(e.spaceId),
          canReadSpace(e.spaceId),
          { spaceId: e.spaceId, pageId: null },
          (s) => s.emit('wiki:tree', { spaceId: e.spaceId }),
        );
      }
      const rev = (await wikiIndex()).pages.get(e.pageId)?.rev ?? 0;
      await toRoomChecked(
        realtime,
        pageRoom(e.pageId),
        canReadPage(e.pageId),
        { spaceId: e.spaceId, pageId: e.pageId },
        (s) => s.emit('wiki:page', { pageId: e.pageId, rev }),
      );
    }),
    events.on('wiki.revision_created', async (e) => {
      const rev = (await wikiIndex()).pages.get(e.pageId)?.rev ?? 0;
      await toRoomChecked(
        realtime,
        pageRoom(e.pageId),
        canReadPage(e.pageId),
        { spaceId: e.spaceId, pageId: e.pageId },
        (s) => s.emit('wiki:page', { pageId: e.pageId, rev }),
      );
    }),
    events.on('wiki.comment_changed', async (e) => {
      const count = await commentCount(e.pageId);
      await toRoomChecked(
        realtime,
        pageRoom(e.pageId),
        canReadPage(e.pageId),
        { spaceId: e.spaceId, pageId: e.pageId },
        (s) => s.emit('wiki:comments', { pageId: e.pageId, commentCount: count }),
      );
    }),
    events.on('wiki.space_changed', async (e) => {
      if (e.accessChanged) await recheckSpace(realtime, e.spaceId);
      await announceSpaces(realtime, e.spaceId, e.member ? [e.member.personId] : []);
      await toRoomChecked(
        realtime,
        spaceRoom(e.spaceId),
        canReadSpace(e.spaceId),
        { spaceId: e.spaceId, pageId: null },
        (s) => s.emit('wiki:tree', { spaceId: e.spaceId }),
      );
    }),
  ];
  return () => {
    offs.forEach((off) => off());
    realtime.io.off('connection', onWatch);
  };
}

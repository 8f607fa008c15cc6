import type { ServerToClientEvents } from '@shared/realtime/events';
import { objectId } from '@shared/http/fields';
import type { PortalSocket, Realtime } from '../../realtime';
import type { CurrentUser } from '../auth/current-user';
import { logger } from '../../lib/logger';
import type { Article } from './article.model';
import { loadReadableArticle, newsViewer } from './news.access';
import { canReadArticle, type NewsViewer } from './news.policy';
import { articleById } from './news.read-model';

export const watchRoom = (articleId: string) => `news:${articleId}`;

/**
 * `news:watch` / `news:unwatch`: a socket joins the article's room only when its person may read
 * the article (same check as the REST detail, audited when refused). Rooms are not restored on
 * reconnect: the client watches again after `connect`.
 */
export function registerNewsWatch(realtime: Realtime): () => void {
  const onConnection = (socket: PortalSocket) => {
    socket.on('news:watch', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const id = objectId.safeParse((payload as { articleId?: unknown } | null)?.articleId);
      if (!id.success) return reply({ error: 'forbidden' });
      loadReadableArticle(socket.data.user, id.data)
        .then(() => socket.join(watchRoom(id.data)))
        .then(
          () => reply({ ok: true }),
          () => reply({ error: 'forbidden' }),
        );
    });
    socket.on('news:unwatch', (payload) => {
      const id = objectId.safeParse((payload as { articleId?: unknown } | null)?.articleId);
      if (id.success) void socket.leave(watchRoom(id.data));
    });
  };
  realtime.io.on('connection', onConnection);
  return () => realtime.io.off('connection', onConnection);
}

type WatchEvent = 'news:comment' | 'news:reactions';

/**
 * Sends to the sockets watching an article, re-checking each person against the policy first:
 * someone who lost access since they started watching (unpublished, audience narrowed) gets
 * nothing and leaves the room.
 */
export async function toWatchers<E extends WatchEvent>(
  realtime: Realtime,
  articleId: string,
  may: (viewer: NewsViewer, article: Article) => boolean,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): Promise<void> {
  const room = watchRoom(articleId);
  const [sockets, article] = await Promise.all([
    realtime.io.in(room).fetchSockets(),
    articleById(articleId),
  ]);
  if (!article) {
    realtime.io.in(room).socketsLeave(room);
    return;
  }
  const verdicts = new Map<string, Promise<boolean>>();
  const allowed = (user: CurrentUser) => {
    let v = verdicts.get(user.id);
    if (!v) {
      v = newsViewer(user).then(
        (viewer) => canReadArticle(viewer, article) && may(viewer, article),
      );
      verdicts.set(user.id, v);
    }
    return v;
  };
  await Promise.all(
    sockets.map(async (socket) => {
      const user = socket.data.user;
      if (user && (await allowed(user))) socket.emit(event, ...args);
      else socket.leave(room);
    }),
  ).catch((err: unknown) => logger.warn({ err, articleId }, 'news watchers not reached'));
}

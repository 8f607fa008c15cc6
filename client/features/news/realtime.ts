import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ServerToClientEvents } from '@shared/realtime/events';
import type { NewsArticleDTO } from '@shared/news/types';
import type { PortalSocket } from '../../lib/socket';
import { listenToServer } from '../../lib/socket-events';
import { announce } from '../../components/LiveAnnouncer';
import { findInPages, removeFromPages, upsertInPages, type NewsPages } from './cache';
import { applyComment, filtersOfKey, newsKeys, patchArticle } from './queries';
import { summaryTitle } from './variants';

type UpsertPayload = Parameters<ServerToClientEvents['news:upsert']>[0];
type RemovedPayload = Parameters<ServerToClientEvents['news:removed']>[0];
type CommentPayload = Parameters<ServerToClientEvents['news:comment']>[0];
type ReactionsPayload = Parameters<ServerToClientEvents['news:reactions']>[0];

/** Articles published longer ago than this are not announced as new (e.g. audience widened). */
const FRESH_MS = 15 * 60_000;

/**
 * `news:upsert`: the article goes to its place in every cached list whose filters it matches
 * (pinned first, then newest) and leaves those it no longer matches. A changed revision makes the
 * open article refetch its body. Returns true when the article is new to this client.
 */
export function onNewsUpsert(qc: QueryClient, { article }: UpsertPayload): boolean {
  let known = false;
  for (const [key, data] of qc.getQueriesData<NewsPages>({ queryKey: newsKeys.lists() })) {
    if (!data) continue;
    if (findInPages(data, article.id)) known = true;
    qc.setQueryData<NewsPages>(key, upsertInPages(data, article, filtersOfKey(key)));
  }
  const detail = qc.getQueryData<NewsArticleDTO>(newsKeys.detail(article.id));
  if (detail) {
    known = true;
    if (detail.rev !== article.rev)
      void qc.invalidateQueries({ queryKey: newsKeys.detail(article.id) });
    else qc.setQueryData<NewsArticleDTO>(newsKeys.detail(article.id), { ...detail, ...article });
  }
  const published = article.publishedAt ? Date.parse(article.publishedAt) : 0;
  return !known && article.status === 'published' && Date.now() - published < FRESH_MS;
}

/** `news:removed`: gone from every list; an open article refetches (and shows "not found"). */
export function onNewsRemoved(qc: QueryClient, { id }: RemovedPayload): void {
  for (const [key, data] of qc.getQueriesData<NewsPages>({ queryKey: newsKeys.lists() })) {
    const next = removeFromPages(data, id);
    if (next !== data) qc.setQueryData<NewsPages>(key, next);
  }
  if (qc.getQueryData(newsKeys.detail(id)))
    void qc.invalidateQueries({ queryKey: newsKeys.detail(id) });
}

/** `news:comment` (to watchers of the article): the comment and the new count. */
export function onNewsComment(qc: QueryClient, p: CommentPayload): void {
  applyComment(qc, p.articleId, p.comment, p.commentCount);
}

/** `news:reactions` (to watchers of the article): the new totals. */
export function onNewsReactions(qc: QueryClient, p: ReactionsPayload): void {
  patchArticle(qc, p.articleId, (a) => ({ ...a, reactions: p.reactions }));
}

/** Wires the socket's news events into the query cache and the live region. */
export function useNewsRealtime(socket: PortalSocket | null): void {
  const qc = useQueryClient();
  const { t, i18n } = useTranslation('news');
  useEffect(() => {
    if (!socket) return;
    const onUpsert = (payload: UpsertPayload) => {
      if (onNewsUpsert(qc, payload))
        announce(
          t('announce.new', { title: summaryTitle(payload.article, i18n.resolvedLanguage) }),
        );
    };
    return listenToServer(
      socket,
      {
        'news:upsert': onUpsert,
        'news:removed': (payload: RemovedPayload) => onNewsRemoved(qc, payload),
        'news:comment': (payload: CommentPayload) => onNewsComment(qc, payload),
        'news:reactions': (payload: ReactionsPayload) => onNewsReactions(qc, payload),
      },
      // After a reconnect that could not recover missed packets, catch up over REST once.
      () => void qc.invalidateQueries({ queryKey: newsKeys.all }),
    );
  }, [socket, qc, t, i18n]);
}

/**
 * Receives live comments and reactions of an article while it is open: `news:watch` now and
 * after every reconnect (rooms are per socket), `news:unwatch` when leaving.
 */
export function useWatchArticle(socket: PortalSocket | null, articleId: string | undefined) {
  useEffect(() => {
    if (!socket || !articleId) return;
    const watch = () => socket.emit('news:watch', { articleId }, () => undefined);
    if (socket.connected) watch();
    socket.on('connect', watch);
    return () => {
      socket.off('connect', watch);
      if (socket.connected) socket.emit('news:unwatch', { articleId });
    };
  }, [socket, articleId]);
}

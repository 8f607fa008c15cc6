import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@shared/people/types';
import type { PostReaction } from '@shared/rooms/schemas';
import type { PostDTO, RoomDTO, RoomFileRefDTO } from '@shared/rooms/types';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { useMe } from '../../auth/queries';
import { flattenFeed } from './cache';
import { FeedComposer } from './FeedComposer';
import { PendingPostCard, PostCard, type PostAction } from './PostCard';
import { PostDialogs } from './PostDialogs';
import { newPostsOf } from './new-posts';
import { useFeed, usePendingPosts, usePinPost, useReactToPost } from './queries';
import styles from './feed.module.css';

/** The room's feed tab: composer, pinned posts, the timeline with "Mehr laden", live updates. */
export default function FeedTab({ room }: { room: RoomDTO }) {
  // Per room: the "new posts" watermark starts again in another room.
  return <Feed key={room.id} room={room} />;
}

function Feed({ room }: { room: RoomDTO }) {
  const { t } = useTranslation('roomsFeed');
  const me = useMe();
  const canRead = room.abilities.read;
  const feed = useFeed(room.id, canRead);
  const { outbox, pending } = usePendingPosts(room.id);
  const react = useReactToPost(room.id);
  const pin = usePinPost(room.id);
  const [editing, setEditing] = useState<PostDTO | null>(null);
  const [deleting, setDeleting] = useState<PostDTO | null>(null);
  const { pinned, posts } = useMemo(() => flattenFeed(feed.data), [feed.data]);
  const pendingIds = useMemo(() => new Set(pending.map((p) => p.id)), [pending]);
  const confirmed = useMemo(() => new Set([...pinned, ...posts].map((p) => p.id)), [pinned, posts]);
  // A pending post whose stored copy is already in the feed (live refetch came first) shows once.
  const shownPending = pending.filter((p) => !confirmed.has(p.id));

  const author = useMemo<PersonRef>(
    () => ({
      id: me.id,
      displayName: me.displayName,
      initials: me.initials,
      photoUrl: null,
      position: null,
      unitId: null,
    }),
    [me.id, me.displayName, me.initials],
  );

  // "1 neuer Beitrag": posts by others that arrived after the first load (live refetch).
  const since = useRef<string | null>(null);
  useEffect(() => {
    if (!feed.data) return;
    const next = newPostsOf(since.current, [...pinned, ...posts], me.id, pendingIds);
    since.current = next.since;
    if (next.count > 0) announce(t('feed.newPosts', { count: next.count }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the feed's data changes
  }, [feed.data]);

  const send = useCallback(
    (body: string, announcement: boolean, files: RoomFileRefDTO[]) => {
      const { done } = outbox.add({ roomId: room.id, body, announcement, files });
      void done.then(() => {
        if (outbox.list(room.id).some((p) => p.state === 'failed'))
          announce(t('post.failedAnnounce'));
      });
    },
    [outbox, room.id, t],
  );
  const onAction = useCallback(
    (action: PostAction, post: PostDTO) => {
      if (action === 'edit') setEditing(post);
      else if (action === 'delete') setDeleting(post);
      else
        pin.mutate(
          { postId: post.id, pinned: action === 'pin' },
          {
            onSuccess: () =>
              announce(t(action === 'pin' ? 'post.pinnedDone' : 'post.unpinnedDone')),
          },
        );
    },
    [pin, t],
  );
  const onReact = useCallback(
    (post: PostDTO, reaction: PostReaction, on: boolean) =>
      react.mutate({ postId: post.id, reaction, on }),
    [react],
  );

  if (!canRead) {
    return <EmptyState title={t('feed.membersOnly')}>{t('feed.membersOnlyText')}</EmptyState>;
  }

  const card = (post: PostDTO) => (
    <li key={post.id}>
      <PostCard
        post={post}
        roomId={room.id}
        viewerUsername={me.username}
        onAction={onAction}
        onReact={onReact}
      />
    </li>
  );

  return (
    <div className={styles.feed}>
      {room.abilities.contribute ? (
        <section aria-label={t('composer.region')}>
          <FeedComposer room={room} onSend={send} />
        </section>
      ) : room.archived ? (
        <p className={styles.note}>{t('feed.archived')}</p>
      ) : null}
      <ErrorMessage error={pin.error ?? react.error} />
      {feed.isPending ? <Spinner label={t('feed.loading')} /> : null}
      {feed.isError ? (
        <ErrorMessage error={feed.error}>
          <Button size="small" onPress={() => void feed.refetch()}>
            {t('feed.reload')}
          </Button>
        </ErrorMessage>
      ) : null}
      {pinned.length > 0 ? (
        <section className={styles.section} aria-labelledby="room-feed-pinned">
          <h2 id="room-feed-pinned" className={styles.h2}>
            {t('feed.pinned')}
          </h2>
          <ul className={styles.list}>{pinned.map(card)}</ul>
        </section>
      ) : null}
      {feed.isSuccess ? (
        <section className={styles.section} aria-labelledby="room-feed-posts">
          <h2 id="room-feed-posts" className={styles.h2}>
            {t('feed.posts')}
          </h2>
          {shownPending.length === 0 && posts.length === 0 && pinned.length === 0 ? (
            <EmptyState title={t('feed.empty')}>
              {room.abilities.contribute ? t('feed.emptyText') : null}
            </EmptyState>
          ) : (
            <ul className={styles.list}>
              {shownPending.map((entry) => (
                <li key={entry.id}>
                  <PendingPostCard
                    entry={entry}
                    author={author}
                    viewerUsername={me.username}
                    onRetry={(id) => void outbox.retry(id)}
                    onDiscard={(id) => outbox.discard(id)}
                  />
                </li>
              ))}
              {posts.map(card)}
            </ul>
          )}
          {feed.hasNextPage ? (
            <Button
              className={styles.more}
              isDisabled={feed.isFetchingNextPage}
              onPress={() => void feed.fetchNextPage()}
            >
              {feed.isFetchingNextPage ? t('feed.loadingMore') : t('feed.more')}
            </Button>
          ) : null}
        </section>
      ) : null}
      <PostDialogs
        roomId={room.id}
        editing={editing}
        deleting={deleting}
        onClose={() => {
          setEditing(null);
          setDeleting(null);
        }}
      />
    </div>
  );
}

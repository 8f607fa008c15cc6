import { memo, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostReaction } from '@shared/rooms/schemas';
import type { PersonRef } from '@shared/people/types';
import type { PostDTO } from '@shared/rooms/types';
import { ActionMenu, type ActionMenuItem } from '../../../components/ActionMenu';
import { Avatar } from '../../../components/Avatar';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { InfoIcon } from '../../../components/icons';
import { RelativeTime } from '../../notifications/RelativeTime';
import { MessageBody } from '../../chat/components/MessageBody';
import type { PendingPost } from './pending';
import { PostComments } from './PostComments';
import { PostFiles } from './PostFiles';
import { PostReactions } from './PostReactions';
import styles from './feed.module.css';

export type PostAction = 'edit' | 'pin' | 'unpin' | 'delete';

function PostHeader({
  author,
  createdAt,
  headingId,
  badges,
  menu,
}: {
  author: PersonRef;
  createdAt: string;
  headingId: string;
  badges?: ReactNode;
  menu?: ReactNode;
}) {
  return (
    <header className={styles.postHead}>
      <Avatar initials={author.initials} photoUrl={author.photoUrl} />
      <div className={styles.postWho}>
        <h3 id={headingId} className={styles.name}>
          {author.displayName}
        </h3>
        <p className={styles.meta}>
          {author.position ? <span>{author.position} · </span> : null}
          <RelativeTime iso={createdAt} />
        </p>
      </div>
      {badges}
      {menu}
    </header>
  );
}

/** One post: author, time, badges, body (markdown as React elements), files, reactions, comments. */
export const PostCard = memo(function PostCard({
  post,
  roomId,
  viewerUsername,
  onAction,
  onReact,
}: {
  post: PostDTO;
  roomId: string;
  viewerUsername: string | null;
  onAction: (action: PostAction, post: PostDTO) => void;
  onReact: (post: PostDTO, reaction: PostReaction, on: boolean) => void;
}) {
  const { t } = useTranslation('roomsFeed');
  const headingId = useId();
  const name = post.author.displayName;
  const actions: ActionMenuItem<PostAction>[] = [
    ...(post.abilities.edit ? [{ id: 'edit' as const, label: t('post.edit') }] : []),
    ...(post.abilities.pin
      ? [
          post.pinned
            ? { id: 'unpin' as const, label: t('post.unpin') }
            : { id: 'pin' as const, label: t('post.pin') },
        ]
      : []),
    ...(post.abilities.delete ? [{ id: 'delete' as const, label: t('post.delete') }] : []),
  ];
  const badges =
    post.announcement || post.pinned ? (
      <div className={styles.badges}>
        {post.announcement ? (
          <span className={`${styles.badge} ${styles.badgeAnnouncement}`}>
            <InfoIcon /> {t('post.announcement')}
          </span>
        ) : null}
        {post.pinned ? <span className={styles.badge}>{t('post.pinned')}</span> : null}
      </div>
    ) : null;
  const menu = (
    <ActionMenu
      label={t('post.menu', { name })}
      items={actions}
      onAction={(action) => onAction(action, post)}
    />
  );
  return (
    <article
      className={`${styles.post} ${post.announcement ? styles.postAnnouncement : ''}`}
      aria-labelledby={headingId}
    >
      <PostHeader
        author={post.author}
        createdAt={post.createdAt}
        headingId={headingId}
        badges={badges}
        menu={menu}
      />
      <MessageBody body={post.body} viewerUsername={viewerUsername} className={styles.body} />
      {post.editedAt ? (
        <p className={styles.meta}>
          {t('post.edited')} <RelativeTime iso={post.editedAt} />
        </p>
      ) : null}
      <PostFiles files={post.files} />
      <PostReactions post={post} onToggle={(reaction, on) => onReact(post, reaction, on)} />
      <PostComments roomId={roomId} post={post} viewerUsername={viewerUsername} />
    </article>
  );
});

/** My post before the server confirmed it: "wird gesendet", or the error with "erneut senden". */
export function PendingPostCard({
  entry,
  author,
  viewerUsername,
  onRetry,
  onDiscard,
}: {
  entry: PendingPost;
  author: PersonRef;
  viewerUsername: string | null;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}) {
  const { t } = useTranslation('roomsFeed');
  const headingId = useId();
  const failed = entry.state === 'failed';
  return (
    <article
      className={`${styles.post} ${styles.pending} ${failed ? styles.failed : ''}`}
      aria-labelledby={headingId}
      aria-busy={!failed}
    >
      <PostHeader
        author={author}
        createdAt={entry.createdAt}
        headingId={headingId}
        badges={
          <span className={styles.badge}>{failed ? t('post.failed') : t('post.sending')}</span>
        }
      />
      <MessageBody body={entry.body} viewerUsername={viewerUsername} className={styles.body} />
      <PostFiles files={entry.files} />
      {failed ? (
        <ErrorMessage error={entry.error}>
          <div className={styles.row}>
            <Button size="small" variant="primary" onPress={() => onRetry(entry.id)}>
              {t('post.retry')}
            </Button>
            <Button size="small" variant="secondary" onPress={() => onDiscard(entry.id)}>
              {t('post.discard')}
            </Button>
          </div>
        </ErrorMessage>
      ) : null}
    </article>
  );
}

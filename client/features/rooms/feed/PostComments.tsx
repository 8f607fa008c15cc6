import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostDTO } from '@shared/rooms/types';
import { Avatar } from '../../../components/Avatar';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { RelativeTime } from '../../notifications/RelativeTime';
import { MessageBody } from '../../chat/components/MessageBody';
import { useAddComment, useDeleteComment, usePost } from './queries';
import styles from './feed.module.css';

/** Comments shown under a post in the feed before "alle N Kommentare". */
export const COMMENTS_SHOWN = 3;
const COMMENT_MAX_CHARS = 4000;

/** A post's comments (the last three, or all after loading the post) and the comment field. */
export function PostComments({
  roomId,
  post,
  viewerUsername,
}: {
  roomId: string;
  post: PostDTO;
  viewerUsername: string | null;
}) {
  const { t } = useTranslation('roomsFeed');
  const [expanded, setExpanded] = useState(false);
  const full = usePost(roomId, post.id, expanded);
  const add = useAddComment(roomId, post.id);
  const del = useDeleteComment(roomId, post.id);
  const [value, setValue] = useState('');
  // The comment's id is kept until it is stored, so a retry after a lost answer is no double.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const fieldId = useId();

  const source = expanded && full.data ? full.data.comments : post.comments;
  const comments = expanded ? source : source.slice(-COMMENTS_SHOWN);
  const total = Math.max(post.commentCount, source.length);
  const hidden = total - comments.length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = value.trim();
    if (!body || add.isPending) return;
    add.mutate(
      { id: clientId, body },
      {
        onSuccess: () => {
          setValue('');
          setClientId(crypto.randomUUID());
          announce(t('comments.added'));
        },
      },
    );
  };

  return (
    <div className={styles.comments}>
      {hidden > 0 ? (
        <Button
          size="small"
          variant="secondary"
          isDisabled={expanded && full.isFetching}
          onPress={() => setExpanded(true)}
        >
          {t('comments.all', { count: total })}
        </Button>
      ) : null}
      {expanded && full.isPending ? <Spinner /> : null}
      <ErrorMessage error={expanded ? full.error : null} />
      {comments.length > 0 ? (
        <ul className={styles.commentList} aria-label={t('comments.label', { count: total })}>
          {comments.map((c) => (
            <li key={c.id} className={styles.comment}>
              <Avatar initials={c.author.initials} photoUrl={c.author.photoUrl} size="small" />
              <div className={styles.commentMain}>
                <div className={styles.commentHead}>
                  <span className={styles.name}>{c.author.displayName}</span>
                  <span className={styles.muted}>
                    <RelativeTime iso={c.createdAt} />
                  </span>
                  {c.abilities.delete ? (
                    <Button
                      size="small"
                      variant="secondary"
                      className={styles.commentDelete}
                      isDisabled={del.isPending}
                      aria-label={t('comments.deleteOf', { name: c.author.displayName })}
                      onPress={() =>
                        del.mutate(c.id, { onSuccess: () => announce(t('comments.deleted')) })
                      }
                    >
                      {t('comments.delete')}
                    </Button>
                  ) : null}
                </div>
                <MessageBody body={c.body} viewerUsername={viewerUsername} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorMessage error={del.error} />
      {post.abilities.comment ? (
        <form className={styles.commentForm} onSubmit={submit}>
          <label htmlFor={fieldId} className="visually-hidden">
            {t('comments.field', { name: post.author.displayName })}
          </label>
          <textarea
            id={fieldId}
            className={styles.commentInput}
            rows={1}
            maxLength={COMMENT_MAX_CHARS}
            placeholder={t('comments.placeholder')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
            }}
          />
          <Button
            type="submit"
            size="small"
            variant="primary"
            isDisabled={!value.trim() || add.isPending}
          >
            {t('comments.send')}
          </Button>
          {add.error ? (
            <ErrorMessage error={add.error}>
              <p className={styles.muted}>{t('comments.retryHint')}</p>
            </ErrorMessage>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsCommentDTO, NewsSummaryDTO } from '@shared/news/types';
import { Avatar } from '../../../components/Avatar';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { newObjectId } from '../api';
import { useAddComment, useComments, useDeleteComment, useUpdateComment } from '../queries';
import { formatDateTime } from '../format';
import { CommentForm } from './CommentForm';
import styles from './Comments.module.css';

/** Comments of an article: threads one level deep, oldest first, with moderation. */
export function Comments({ article }: { article: NewsSummaryDTO }) {
  const { t } = useTranslation('news');
  const query = useComments(article.id, article.allowComments);
  const add = useAddComment(article.id);
  // One id per text being sent: a retry after a lost answer is stored once.
  const pendingId = useRef<string | null>(null);

  const threads = useMemo(() => {
    const list = query.data ?? [];
    const replies = new Map<string, NewsCommentDTO[]>();
    for (const c of list)
      if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
    return list
      .filter((c) => !c.parentId)
      .map((c) => ({ comment: c, replies: replies.get(c.id) ?? [] }));
  }, [query.data]);

  const send = async (body: string, parentId: string | null) => {
    pendingId.current ??= newObjectId();
    await add.mutateAsync({ id: pendingId.current, body, parentId });
    pendingId.current = null;
    announce(t('comments.posted'));
  };

  return (
    <section className={styles.section} aria-labelledby="comments-title">
      <h2 id="comments-title">
        {t('comments.title')}
        {article.allowComments ? (
          <span className={styles.count}> ({article.commentCount})</span>
        ) : null}
      </h2>
      {!article.allowComments ? (
        <p className={styles.muted}>{t('comments.disabled')}</p>
      ) : (
        <>
          {query.isPending ? <Spinner label={t('comments.loading')} /> : null}
          {query.isError ? <ErrorMessage error={query.error} /> : null}
          {query.isSuccess && threads.length === 0 ? (
            <p className={styles.muted}>{t('comments.none')}</p>
          ) : null}
          {threads.length > 0 ? (
            <ol className={styles.list}>
              {threads.map(({ comment, replies }) => (
                <li key={comment.id}>
                  <CommentItem
                    articleId={article.id}
                    comment={comment}
                    canReply={article.abilities.comment}
                    onReply={(body) => send(body, comment.id)}
                  />
                  {replies.length > 0 ? (
                    <ol
                      className={styles.replies}
                      aria-label={t('comments.replies', {
                        name: comment.author?.displayName ?? t('comments.unknownAuthor'),
                      })}
                    >
                      {replies.map((r) => (
                        <li key={r.id}>
                          <CommentItem articleId={article.id} comment={r} canReply={false} />
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : null}
          {article.abilities.comment ? (
            <div className={styles.newComment}>
              <h3 className="visually-hidden">{t('comments.write')}</h3>
              <CommentForm
                label={t('comments.label')}
                submitLabel={t('comments.send')}
                onSubmit={(body) => send(body, null)}
              />
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function CommentItem({
  articleId,
  comment: c,
  canReply,
  onReply,
}: {
  articleId: string;
  comment: NewsCommentDTO;
  canReply: boolean;
  onReply?: (body: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation('news');
  const [mode, setMode] = useState<'view' | 'edit' | 'reply' | 'confirmDelete'>('view');
  const update = useUpdateComment(articleId);
  const remove = useDeleteComment(articleId);
  const name = c.author?.displayName ?? t('comments.unknownAuthor');
  const confirmBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The confirmation replaces the pressed button: focus its first choice.
    if (mode === 'confirmDelete') confirmBox.current?.querySelector('button')?.focus();
  }, [mode]);
  const error = update.error ?? remove.error;

  return (
    <article className={`${styles.comment} ${c.hidden ? styles.hidden : ''}`} aria-label={name}>
      <div className={styles.head}>
        <Avatar initials={c.author?.initials ?? '?'} photoUrl={c.author?.photoUrl} size="small" />
        <span className={styles.author}>{name}</span>
        <time dateTime={c.createdAt} className={styles.muted}>
          {formatDateTime(c.createdAt, i18n.resolvedLanguage)}
        </time>
        {c.editedAt && !c.deleted ? (
          <span className={styles.muted}>({t('comments.edited')})</span>
        ) : null}
      </div>
      {c.deleted ? (
        <p className={styles.removed}>{t('comments.deleted')}</p>
      ) : c.hidden && !c.body ? (
        <p className={styles.removed}>{t('comments.hidden')}</p>
      ) : mode === 'edit' ? (
        <CommentForm
          label={t('comments.editLabel')}
          submitLabel={t('comments.save')}
          cancelLabel={t('comments.cancel')}
          initial={c.body}
          focusOnMount
          onSubmit={async (body) => {
            await update.mutateAsync({ commentId: c.id, body });
            setMode('view');
          }}
          onCancel={() => setMode('view')}
        />
      ) : (
        <>
          {c.hidden ? <p className={styles.removed}>{t('comments.hiddenModerator')}</p> : null}
          {/* Plain text: React escapes it; line breaks kept by CSS. */}
          <p className={styles.body}>{c.body}</p>
        </>
      )}
      {!c.deleted && mode === 'view' ? (
        <div className={styles.actions}>
          {canReply && onReply ? (
            <Button variant="tertiary" size="small" onPress={() => setMode('reply')}>
              {t('comments.reply')}
            </Button>
          ) : null}
          {c.abilities.update && !c.hidden ? (
            <Button variant="tertiary" size="small" onPress={() => setMode('edit')}>
              {t('comments.edit')}
            </Button>
          ) : null}
          {c.abilities.moderate ? (
            <Button
              variant="tertiary"
              size="small"
              isDisabled={update.isPending}
              onPress={() => update.mutate({ commentId: c.id, hidden: !c.hidden })}
            >
              {c.hidden ? t('comments.unhide') : t('comments.hide')}
            </Button>
          ) : null}
          {c.abilities.delete ? (
            <Button variant="tertiary" size="small" onPress={() => setMode('confirmDelete')}>
              {t('comments.delete')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {mode === 'confirmDelete' ? (
        <div
          ref={confirmBox}
          className={styles.confirm}
          role="group"
          aria-label={t('comments.confirmDelete')}
        >
          <span>{t('comments.confirmDelete')}</span>
          <Button
            variant="danger"
            size="small"
            isDisabled={remove.isPending}
            onPress={() => remove.mutate(c.id, { onSuccess: () => setMode('view') })}
          >
            {t('comments.delete')}
          </Button>
          <Button variant="tertiary" size="small" onPress={() => setMode('view')}>
            {t('comments.cancel')}
          </Button>
        </div>
      ) : null}
      {mode === 'reply' && onReply ? (
        <div className={styles.replyForm}>
          <CommentForm
            label={t('comments.replyTo', { name })}
            submitLabel={t('comments.sendReply')}
            cancelLabel={t('comments.cancel')}
            focusOnMount
            onSubmit={async (body) => {
              await onReply(body);
              setMode('view');
            }}
            onCancel={() => setMode('view')}
          />
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </article>
  );
}

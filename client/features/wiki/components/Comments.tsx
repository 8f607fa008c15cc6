import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WikiCommentDTO } from '@shared/wiki/types';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { Avatar } from '../../../components/Avatar';
import { announce } from '../../../components/LiveAnnouncer';
import { useComments, useCreateComment, useDeleteComment, useUpdateComment } from '../queries';
import { TextAreaField } from './TextAreaField';
import styles from './Comments.module.css';

/** Writes a comment or reply (plain text); a client id makes a retried post count once. */
function CommentForm({
  pageId,
  parentId,
  label,
  onDone,
}: {
  pageId: string;
  parentId: string | null;
  label: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation('wiki');
  const create = useCreateComment(pageId);
  const [body, setBody] = useState('');
  const [id, setId] = useState(() => crypto.randomUUID());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    create.mutate(
      { id, body, parentId },
      {
        onSuccess: () => {
          setBody('');
          setId(crypto.randomUUID());
          announce(t('comments.posted'));
          onDone?.();
        },
      },
    );
  };
  return (
    <form className={styles.form} onSubmit={submit}>
      <TextAreaField label={label} value={body} onChange={setBody} maxLength={4000} />
      <ErrorMessage error={create.error} />
      <div className={styles.formActions}>
        <Button type="submit" variant="primary" isDisabled={create.isPending || !body.trim()}>
          {parentId ? t('comments.reply') : t('comments.post')}
        </Button>
        {onDone ? (
          <Button variant="tertiary" onPress={onDone}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function CommentItem({
  comment,
  pageId,
  replies,
  canPost,
}: {
  comment: WikiCommentDTO;
  pageId: string;
  replies: WikiCommentDTO[];
  canPost: boolean;
}) {
  const { t, i18n } = useTranslation('wiki');
  const update = useUpdateComment(pageId);
  const remove = useDeleteComment(pageId);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const [replying, setReplying] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const when = new Date(comment.createdAt).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const isTop = comment.parentId === null;
  const save = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ commentId: comment.id, body: draft }, { onSuccess: () => setEditing(false) });
  };
  return (
    <li className={`${styles.comment} ${comment.resolved ? styles.resolved : ''}`}>
      <article aria-labelledby={`c-${comment.id}`}>
        <header className={styles.head}>
          <Avatar
            initials={comment.author.initials}
            photoUrl={comment.author.photoUrl}
            size="small"
          />
          <span id={`c-${comment.id}`} className={styles.author}>
            {comment.author.displayName}
          </span>
          <time dateTime={comment.createdAt} className={styles.meta}>
            {when}
          </time>
          {comment.editedAt ? <span className={styles.meta}>{t('comments.edited')}</span> : null}
          {comment.resolved ? (
            <span className={styles.badge}>
              {comment.resolvedBy
                ? t('comments.resolvedBy', { name: comment.resolvedBy.displayName })
                : t('comments.resolved')}
            </span>
          ) : null}
        </header>
        {comment.deleted ? (
          <p className={styles.deleted}>{t('comments.deleted')}</p>
        ) : editing ? (
          <form onSubmit={save} className={styles.form}>
            <TextAreaField
              label={t('comments.editLabel')}
              value={draft}
              onChange={setDraft}
              maxLength={4000}
            />
            <ErrorMessage error={update.error} />
            <div className={styles.formActions}>
              <Button
                type="submit"
                variant="primary"
                isDisabled={update.isPending || !draft.trim()}
              >
                {t('common.save')}
              </Button>
              <Button variant="tertiary" onPress={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <p className={styles.body}>{comment.body}</p>
        )}
        {!comment.deleted && !editing ? (
          <div className={styles.actions}>
            {isTop && canPost && comment.abilities.reply ? (
              <Button size="small" variant="tertiary" onPress={() => setReplying(true)}>
                {t('comments.reply')}
              </Button>
            ) : null}
            {comment.abilities.edit ? (
              <Button
                size="small"
                variant="tertiary"
                onPress={() => {
                  setDraft(comment.body);
                  setEditing(true);
                }}
              >
                {t('comments.edit')}
              </Button>
            ) : null}
            {isTop && comment.abilities.resolve ? (
              <Button
                size="small"
                variant="tertiary"
                isDisabled={update.isPending}
                onPress={() =>
                  update.mutate(
                    { commentId: comment.id, resolved: !comment.resolved },
                    {
                      onSuccess: () =>
                        announce(
                          comment.resolved ? t('comments.reopened') : t('comments.resolved'),
                        ),
                    },
                  )
                }
              >
                {comment.resolved ? t('comments.reopen') : t('comments.resolve')}
              </Button>
            ) : null}
            {comment.abilities.delete ? (
              confirmDelete ? (
                <span className={styles.confirm}>
                  <span>{t('comments.confirmDelete')}</span>
                  <Button
                    size="small"
                    variant="danger"
                    isDisabled={remove.isPending}
                    onPress={() =>
                      remove.mutate(comment.id, {
                        onSuccess: () => announce(t('comments.deleted')),
                      })
                    }
                  >
                    {t('comments.delete')}
                  </Button>
                  <Button size="small" variant="tertiary" onPress={() => setConfirmDelete(false)}>
                    {t('common.cancel')}
                  </Button>
                </span>
              ) : (
                <Button size="small" variant="tertiary" onPress={() => setConfirmDelete(true)}>
                  {t('comments.delete')}
                </Button>
              )
            ) : null}
          </div>
        ) : null}
        <ErrorMessage error={remove.error ?? (editing ? null : update.error)} />
      </article>
      {replies.length || replying ? (
        <ul
          className={styles.replies}
          aria-label={t('comments.repliesTo', { name: comment.author.displayName })}
        >
          {replies.map((r) => (
            <CommentItem key={r.id} comment={r} pageId={pageId} replies={[]} canPost={canPost} />
          ))}
          {replying ? (
            <li className={styles.replyForm}>
              <CommentForm
                pageId={pageId}
                parentId={comment.id}
                label={t('comments.replyLabel', { name: comment.author.displayName })}
                onDone={() => setReplying(false)}
              />
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

/** A page's comments: threads one level deep, resolvable, live (`wiki:comments` refetches). */
export function Comments({ pageId, canComment }: { pageId: string; canComment: boolean }) {
  const { t } = useTranslation('wiki');
  const comments = useComments(pageId);
  const [showResolved, setShowResolved] = useState(false);
  const list = comments.data ?? [];
  const top = list.filter((c) => c.parentId === null);
  const openCount = top.filter((c) => !c.resolved).length;
  const shown = showResolved ? top : top.filter((c) => !c.resolved);
  const repliesOf = (id: string) => list.filter((c) => c.parentId === id);
  return (
    <section className={styles.section} aria-labelledby="wiki-comments">
      <h2 id="wiki-comments" className={styles.heading}>
        {t('comments.title', { count: openCount })}
      </h2>
      {comments.isPending ? <Spinner /> : null}
      <ErrorMessage error={comments.error} />
      {top.length > openCount ? (
        <Button size="small" variant="tertiary" onPress={() => setShowResolved((v) => !v)}>
          {showResolved
            ? t('comments.hideResolved')
            : t('comments.showResolved', { count: top.length - openCount })}
        </Button>
      ) : null}
      {shown.length ? (
        <ul className={styles.list}>
          {shown.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              pageId={pageId}
              replies={repliesOf(c.id)}
              canPost={canComment}
            />
          ))}
        </ul>
      ) : comments.isSuccess ? (
        <p className={styles.none}>{t('comments.none')}</p>
      ) : null}
      {canComment ? (
        <CommentForm pageId={pageId} parentId={null} label={t('comments.new')} />
      ) : null}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDTO, ReplyDTO, ThreadDTO } from '@shared/learning/types';
import type { MeDTO } from '@shared/people/types';
import { announce } from '../../../components/LiveAnnouncer';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { useDeleteReply, useDeleteThread, useReply } from './queries';
import { PostMeta, TextAreaField } from './parts';
import styles from './discussion.module.css';

const MAX_BODY = 5000;

/** One question with its replies, the reply form and the delete actions. */
export function ThreadItem({
  course,
  me,
  thread,
  pendingIds,
}: {
  course: CourseDTO;
  me: MeDTO;
  thread: ThreadDTO;
  pendingIds: Set<string>;
}) {
  const { t } = useTranslation('learningDiscussion');
  const headingId = `learning-thread-${thread.id}`;
  const pending = pendingIds.has(thread.id);
  const [confirm, setConfirm] = useState<
    { kind: 'thread' } | { kind: 'reply'; reply: ReplyDTO } | null
  >(null);
  const delThread = useDeleteThread(course.id);
  const delReply = useDeleteReply(course.id);
  const deleting = confirm?.kind === 'reply' ? delReply : delThread;

  const onConfirm = () => {
    if (!confirm) return;
    const done = {
      onSuccess: () => {
        setConfirm(null);
        announce(t('discussion.live.deleted'));
      },
    };
    if (confirm.kind === 'thread') delThread.mutate(thread.id, done);
    else delReply.mutate({ threadId: thread.id, replyId: confirm.reply.id }, done);
  };

  return (
    <li>
      <article className={styles.item} aria-labelledby={headingId}>
        <h3 id={headingId} className={styles.title}>
          {thread.title}
        </h3>
        <div className={styles.meta}>
          <PostMeta
            author={thread.author}
            byTrainer={thread.byTrainer}
            createdAt={thread.createdAt}
            pending={pending}
          />
          {thread.answered ? (
            <span className={styles.answered}>{t('discussion.answered')}</span>
          ) : null}
        </div>
        <p className={styles.body}>{thread.body}</p>
        {thread.replies.length ? (
          <ul
            className={styles.replies}
            aria-label={t('discussion.repliesTo', { title: thread.title })}
          >
            {thread.replies.map((r) => (
              <li key={r.id} className={styles.reply}>
                <PostMeta
                  author={r.author}
                  byTrainer={r.byTrainer}
                  createdAt={r.createdAt}
                  pending={pendingIds.has(r.id)}
                />
                <p className={styles.body}>{r.body}</p>
                {r.abilities.delete ? (
                  <div className={styles.actions}>
                    <Button
                      variant="tertiary"
                      size="small"
                      aria-label={t('discussion.delete.replyLabel', {
                        name: r.author?.displayName ?? t('discussion.unknownAuthor'),
                      })}
                      onPress={() => setConfirm({ kind: 'reply', reply: r })}
                    >
                      {t('discussion.delete.reply')}
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <ThreadActions
          course={course}
          me={me}
          thread={thread}
          onDelete={() => setConfirm({ kind: 'thread' })}
        />
      </article>
      <ConfirmDialog
        title={
          confirm?.kind === 'reply'
            ? t('discussion.delete.replyTitle')
            : t('discussion.delete.threadTitle')
        }
        isOpen={confirm !== null}
        onOpenChange={(open) => {
          if (!open) {
            setConfirm(null);
            deleting.reset();
          }
        }}
        onConfirm={onConfirm}
        confirmLabel={t('discussion.delete.confirm')}
        isPending={deleting.isPending}
        error={deleting.error}
        danger
        focusCancel
      >
        <p>
          {confirm?.kind === 'reply'
            ? t('discussion.delete.replyText')
            : t('discussion.delete.threadText', { title: thread.title })}
        </p>
      </ConfirmDialog>
    </li>
  );
}

/** "Antworten" (opens the reply form) and "Löschen" of a question. */
function ThreadActions({
  course,
  me,
  thread,
  onDelete,
}: {
  course: CourseDTO;
  me: MeDTO;
  thread: ThreadDTO;
  onDelete: () => void;
}) {
  const { t } = useTranslation('learningDiscussion');
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [invalid, setInvalid] = useState(false);
  const reply = useReply(course, me);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    if (!text) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const input = { threadId: thread.id, clientId, body: text };
    // Shown at once; the form empties and closes. A failure brings the text back (same id: a
    // retry cannot post twice).
    setBody('');
    setOpen(false);
    reply.mutate(input, {
      onSuccess: () => {
        setClientId(crypto.randomUUID());
        announce(t('discussion.live.replied'));
      },
      onError: () => {
        setBody(text);
        setOpen(true);
      },
    });
  };

  return (
    <>
      {open ? (
        <form className={styles.form} onSubmit={submit} noValidate>
          <TextAreaField
            label={t('discussion.reply.label', { title: thread.title })}
            value={body}
            onChange={setBody}
            maxLength={MAX_BODY}
            errorMessage={invalid ? t('discussion.reply.bodyRequired') : undefined}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the form the user just opened
            autoFocus
          />
          <div className={styles.buttons}>
            <Button type="submit" variant="primary" isDisabled={reply.isPending}>
              {t('discussion.reply.submit')}
            </Button>
            <Button variant="tertiary" onPress={() => setOpen(false)}>
              {t('discussion.reply.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {reply.error && !reply.isPending ? <ErrorMessage error={reply.error} /> : null}
      <div className={styles.actions}>
        {thread.abilities.reply && !open ? (
          <Button
            variant="secondary"
            size="small"
            aria-label={t('discussion.reply.openLabel', { title: thread.title })}
            onPress={() => setOpen(true)}
          >
            {t('discussion.reply.open')}
          </Button>
        ) : null}
        {thread.abilities.delete ? (
          <Button
            variant="tertiary"
            size="small"
            aria-label={t('discussion.delete.threadLabel', { title: thread.title })}
            onPress={onDelete}
          >
            {t('discussion.delete.thread')}
          </Button>
        ) : null}
      </div>
    </>
  );
}

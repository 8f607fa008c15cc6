import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostDTO } from '@shared/rooms/types';
import { FormDialog } from '../../people/components/FormDialog';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { TextAreaField } from '../../wiki/components/TextAreaField';
import { POST_MAX_CHARS } from './FeedComposer';
import { useDeletePost, useEditPost } from './queries';
import styles from './feed.module.css';

function EditForm({
  roomId,
  post,
  onClose,
}: {
  roomId: string;
  post: PostDTO;
  onClose: () => void;
}) {
  const { t } = useTranslation('roomsFeed');
  const edit = useEditPost(roomId);
  const [body, setBody] = useState(post.body);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    if (body.trim() === post.body.trim()) return onClose();
    edit.mutate(
      { post, body: body.trim() },
      {
        onSuccess: () => {
          announce(t('post.saved'));
          onClose();
        },
      },
    );
  };
  return (
    <form className={styles.dialogForm} onSubmit={submit}>
      <TextAreaField
        label={t('post.bodyLabel')}
        value={body}
        onChange={setBody}
        maxLength={POST_MAX_CHARS}
        rows={8}
      />
      <ErrorMessage error={edit.error} />
      <div className={styles.dialogButtons}>
        <Button type="submit" variant="primary" isDisabled={!body.trim() || edit.isPending}>
          {t('post.save')}
        </Button>
        <Button onPress={onClose}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/** Edit (body) and delete (confirmed) of the post the "…" menu acted on. */
export function PostDialogs({
  roomId,
  editing,
  deleting,
  onClose,
}: {
  roomId: string;
  editing: PostDTO | null;
  deleting: PostDTO | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('roomsFeed');
  const del = useDeletePost(roomId);
  const close = () => {
    del.reset();
    onClose();
  };
  return (
    <>
      <FormDialog
        title={t('post.editTitle')}
        isOpen={editing !== null}
        onOpenChange={(open) => (open ? undefined : close())}
      >
        {editing ? (
          <EditForm key={editing.id} roomId={roomId} post={editing} onClose={close} />
        ) : null}
      </FormDialog>
      <ConfirmDialog
        danger
        title={t('post.deleteTitle')}
        isOpen={deleting !== null}
        onOpenChange={(open) => (open ? undefined : close())}
        confirmLabel={t('post.delete')}
        isPending={del.isPending}
        error={del.error}
        onConfirm={() => {
          if (!deleting) return;
          del.mutate(deleting.id, {
            onSuccess: () => {
              announce(t('post.deleted'));
              close();
            },
          });
        }}
      >
        <p>{t('post.deleteText')}</p>
      </ConfirmDialog>
    </>
  );
}

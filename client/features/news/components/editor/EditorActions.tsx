import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NewsChannelDTO } from '@shared/news/types';
import { Button } from '../../../../components/Button';
import { announce } from '../../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../../admin/components/ConfirmDialog';
import type { NewsTransition } from '../../editor-api';
import { TextAreaField } from './VariantTabs';
import { fromLocalInput } from './article-form';
import type { ArticleEditor } from './useArticleEditor';
import styles from './editor.module.css';

/**
 * The editorial buttons, shown from the article's `abilities` (or, before the first save, from
 * the chosen channel's): save, submit, approve/reject, publish or schedule, unpublish, delete.
 */
export function EditorActions({
  editor,
  channel,
}: {
  editor: ArticleEditor;
  channel: NewsChannelDTO | undefined;
}) {
  const { t } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const navigate = useNavigate();
  const [now] = useState(() => Date.now());
  const [confirm, setConfirm] = useState<null | 'unpublish' | 'delete' | 'reject'>(null);
  const [comment, setComment] = useState('');
  const a = editor.current;
  const status = a?.status ?? 'draft';
  const publishAt = editor.draft ? fromLocalInput(editor.draft.publishAt) : null;
  const future = publishAt !== null && new Date(publishAt).getTime() > now;

  const can = a
    ? a.abilities
    : {
        update: true,
        submit: Boolean(channel?.requiresApproval),
        approve: false,
        publish: Boolean(channel?.abilities.publish && !channel.requiresApproval),
        unpublish: false,
        delete: false,
      };

  const act = async (action: NewsTransition, done: string, c = '') => {
    const res = await editor.run(action, c);
    if (res) announce(t(done));
    return res;
  };

  const live = status === 'published' || status === 'scheduled';
  return (
    <div className={styles.actions}>
      {can.update ? (
        <Button
          variant={live ? 'primary' : 'secondary'}
          isDisabled={editor.busy}
          onPress={async () => {
            if (await editor.save()) announce(t('editor.done.saved'));
          }}
        >
          {live ? t('editor.actions.saveChanges') : t('editor.actions.saveDraft')}
        </Button>
      ) : null}
      {can.submit && (status === 'draft' || status === 'archived') ? (
        <Button
          variant="primary"
          isDisabled={editor.busy}
          onPress={() => void act('submit', 'editor.done.submitted')}
        >
          {t('editor.actions.submit')}
        </Button>
      ) : null}
      {can.approve && status === 'review' ? (
        <>
          <Button
            variant="primary"
            isDisabled={editor.busy}
            onPress={() => void act('approve', 'editor.done.approved')}
          >
            {t('editor.actions.approve')}
          </Button>
          <Button isDisabled={editor.busy} onPress={() => setConfirm('reject')}>
            {t('editor.actions.reject')}
          </Button>
        </>
      ) : null}
      {can.publish && status !== 'published' && status !== 'review' ? (
        <Button
          variant="primary"
          isDisabled={editor.busy}
          onPress={() =>
            void act('publish', future ? 'editor.done.scheduled' : 'editor.done.published')
          }
        >
          {future ? t('editor.actions.schedule') : t('editor.actions.publish')}
        </Button>
      ) : null}
      {can.unpublish && live ? (
        <Button
          variant="secondary"
          isDisabled={editor.busy}
          onPress={() => setConfirm('unpublish')}
        >
          {t('editor.actions.unpublish')}
        </Button>
      ) : null}
      {can.delete && a ? (
        <Button variant="danger" isDisabled={editor.busy} onPress={() => setConfirm('delete')}>
          {t('editor.actions.delete')}
        </Button>
      ) : null}

      <ConfirmDialog
        title={t('editor.confirm.unpublishTitle')}
        isOpen={confirm === 'unpublish'}
        onOpenChange={(o) => setConfirm(o ? 'unpublish' : null)}
        confirmLabel={t('editor.actions.unpublish')}
        isPending={editor.busy}
        danger
        onConfirm={async () => {
          if (await act('unpublish', 'editor.done.unpublished')) setConfirm(null);
        }}
      >
        <p>{t('editor.confirm.unpublishText')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        title={t('editor.confirm.deleteTitle')}
        isOpen={confirm === 'delete'}
        onOpenChange={(o) => setConfirm(o ? 'delete' : null)}
        confirmLabel={t('editor.actions.delete')}
        isPending={editor.busy}
        danger
        onConfirm={async () => {
          if (await editor.destroy()) {
            setConfirm(null);
            announce(t('editor.done.deleted'));
            void navigate('/news/manage', { replace: true });
          }
        }}
      >
        <p>{t('editor.confirm.deleteText')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        title={t('editor.confirm.rejectTitle')}
        isOpen={confirm === 'reject'}
        onOpenChange={(o) => setConfirm(o ? 'reject' : null)}
        confirmLabel={t('editor.actions.reject')}
        isPending={editor.busy}
        onConfirm={async () => {
          if (await act('reject', 'editor.done.rejected', comment.trim())) {
            setConfirm(null);
            setComment('');
          }
        }}
      >
        <TextAreaField
          label={t('editor.confirm.rejectComment')}
          value={comment}
          onChange={setComment}
          maxLength={500}
        />
      </ConfirmDialog>
    </div>
  );
}

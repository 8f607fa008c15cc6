import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageDTO } from '@shared/wiki/types';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { FormDialog } from '../../people/components/FormDialog';
import { useSaveVersion, useSubmitReview } from './queries';
import forms from '../../people/components/forms.module.css';
import styles from './editor.module.css';

/**
 * "Version speichern" (with an optional note; Ctrl+S saves at once, without the browser's save
 * dialog) and, in spaces with approval, "Zur Freigabe einreichen".
 */
export function VersionActions({
  page,
  approvalRequired,
  canSave,
}: {
  page: PageDTO;
  approvalRequired: boolean;
  canSave: boolean;
}) {
  const { t } = useTranslation('wikiEditor');
  const save = useSaveVersion(page.id);
  const submit = useSubmitReview(page.id);
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');

  const doSave = (withNote?: string) =>
    save.mutate(withNote || undefined, {
      onSuccess: (r) => {
        announce(t('version.saved', { number: r.number }));
        setNoteOpen(false);
        setNote('');
      },
    });

  // The latest callback without re-subscribing the key handler on every render.
  const latest = useRef({ canSave, doSave, pending: save.isPending });
  useEffect(() => {
    latest.current = { canSave, doSave, pending: save.isPending };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        const l = latest.current;
        if (l.canSave && !l.pending) l.doSave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pending = page.review.state === 'pending';
  return (
    <div className={styles.versionBar}>
      <Button
        variant="secondary"
        aria-keyshortcuts="Control+S"
        isDisabled={!canSave || save.isPending}
        onPress={() => setNoteOpen(true)}
      >
        {t('version.save')}
      </Button>
      {approvalRequired ? (
        pending ? (
          <p className={styles.badge}>{t('review.pending')}</p>
        ) : (
          <Button
            variant="primary"
            isDisabled={submit.isPending}
            onPress={() =>
              submit.mutate({ rev: page.rev }, { onSuccess: () => announce(t('review.submitted')) })
            }
          >
            {t('review.submit')}
          </Button>
        )
      ) : null}
      {page.review.state === 'rejected' ? (
        <p className={styles.warning}>
          {t('review.rejected', { comment: page.review.comment ?? '' })}
        </p>
      ) : null}
      <ErrorMessage error={save.error ?? submit.error} />
      <FormDialog title={t('version.dialogTitle')} isOpen={noteOpen} onOpenChange={setNoteOpen}>
        <form
          className={forms.form}
          onSubmit={(e) => {
            e.preventDefault();
            e.stopPropagation();
            doSave(note.trim());
          }}
        >
          <TextField
            label={t('version.note')}
            description={t('version.noteHelp')}
            value={note}
            onChange={setNote}
            maxLength={200}
          />
          <ErrorMessage error={save.error} />
          <div className={forms.buttons}>
            <Button type="submit" variant="primary" isDisabled={save.isPending}>
              {t('version.save')}
            </Button>
            <Button variant="secondary" onPress={() => setNoteOpen(false)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      </FormDialog>
    </div>
  );
}

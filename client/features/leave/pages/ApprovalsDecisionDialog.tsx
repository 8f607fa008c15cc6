import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import styles from '../components/hr/manage.module.css';

export interface DecisionDialogProps {
  /** Null: closed. */
  decision: 'approve' | 'reject' | null;
  /** What is decided, e.g. "Anna Muster, 03.02.–05.02." or "3 Anträge". */
  subject: string;
  onClose: () => void;
  onSubmit: (comment: string) => void;
  isPending: boolean;
  error?: unknown;
}

/** Approve (optional comment) or reject (a reason is required) one or several requests. */
export function DecisionDialog(props: DecisionDialogProps) {
  const { t } = useTranslation('leaveManage');
  const { decision, onClose } = props;
  return (
    <FormDialog
      title={decision === 'reject' ? t('decide.rejectTitle') : t('decide.approveTitle')}
      isOpen={decision !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
    >
      {/* Mounted per opening, so comment and error start empty each time. */}
      {decision ? <DecisionForm {...props} decision={decision} /> : null}
    </FormDialog>
  );
}

function DecisionForm({
  decision,
  subject,
  onClose,
  onSubmit,
  isPending,
  error,
}: DecisionDialogProps & { decision: 'approve' | 'reject' }) {
  const { t } = useTranslation('leaveManage');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const reject = decision === 'reject';
  const submit = () => {
    if (reject && !comment.trim()) {
      setMissing(true);
      document.getElementById(`${id}-comment`)?.focus();
      return;
    }
    onSubmit(comment.trim());
  };
  return (
    <form
      className={styles.stack}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className={styles.muted}>{subject}</p>
      <div className={styles.nativeField}>
        <label htmlFor={`${id}-comment`}>
          {reject ? t('decide.reason') : t('decide.comment')}
          {reject ? <span aria-hidden="true"> *</span> : null}
        </label>
        <textarea
          id={`${id}-comment`}
          className={styles.textarea}
          value={comment}
          maxLength={500}
          aria-required={reject}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : `${id}-hint`}
          onChange={(e) => {
            setComment(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
        />
        {missing ? (
          <span id={`${id}-error`} className={styles.error}>
            {t('decide.reasonMissing')}
          </span>
        ) : (
          <span id={`${id}-hint`} className={styles.sub}>
            {reject ? t('decide.reasonHint') : t('decide.commentHint')}
          </span>
        )}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.row}>
        <Button type="submit" variant={reject ? 'danger' : 'primary'} isDisabled={isPending}>
          {reject ? t('decide.reject') : t('decide.approve')}
        </Button>
        <Button variant="secondary" onPress={onClose}>
          {t('decide.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../people/components/FormDialog';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import styles from '../trainings.module.css';

export interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** Ask for a reason (required when `reasonRequired`). */
  reason?: { label: string; required: boolean };
  onClose: () => void;
  onConfirm: (reason: string) => Promise<unknown>;
}

/** A confirmation (alertdialog) with an optional reason field. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <FormDialog
      title={props.title}
      isOpen={props.isOpen}
      role="alertdialog"
      onOpenChange={(open) => (open ? undefined : props.onClose())}
    >
      {props.isOpen ? <ConfirmForm {...props} /> : null}
    </FormDialog>
  );
}

function ConfirmForm({ message, confirmLabel, reason, onClose, onConfirm }: ConfirmDialogProps) {
  const { t } = useTranslation('learningTrainings');
  const id = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      className={styles.stack}
      onSubmit={(e) => {
        e.preventDefault();
        if (reason?.required && !text.trim()) {
          setMissing(true);
          document.getElementById(`${id}-reason`)?.focus();
          return;
        }
        setPending(true);
        setError(null);
        onConfirm(text.trim())
          .then(() => onClose())
          .catch((err: unknown) => setError(err))
          .finally(() => setPending(false));
      }}
    >
      <p>{message}</p>
      {reason ? (
        <div className={styles.field}>
          <label htmlFor={`${id}-reason`}>
            {reason.label}
            {reason.required ? <span aria-hidden="true"> *</span> : null}
          </label>
          <textarea
            id={`${id}-reason`}
            className={styles.textarea}
            value={text}
            maxLength={1000}
            aria-required={reason.required}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${id}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim()) setMissing(false);
            }}
          />
          {missing ? (
            <span id={`${id}-error`} className={styles.error}>
              {t('common.reasonMissing')}
            </span>
          ) : null}
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.row}>
        <Button type="submit" variant="danger" isDisabled={pending}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onPress={onClose}>
          {t('common.back')}
        </Button>
      </div>
    </form>
  );
}
